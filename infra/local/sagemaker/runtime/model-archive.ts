import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gunzipSync } from "node:zlib";
import { extract } from "tar-stream";
import { MODEL_FILE_NAME } from "./model-source";

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * The model file's bytes from what S3 held: a gzipped tar with `xgboost-model` inside (any
 * directory), or the bare model file itself (uncompressed ModelDataSource).
 */
export async function modelFileFrom(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return bytes;
  const tar = gunzipSync(bytes);
  const found = await findInTar(tar, MODEL_FILE_NAME);
  if (!found) throw new Error(`the archive holds no file named ${MODEL_FILE_NAME}`);
  return found;
}

async function findInTar(tar: Buffer, fileName: string): Promise<Buffer | undefined> {
  const extractor = extract();
  let found: Buffer | undefined;
  extractor.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: unknown) => {
      if (header.name.split("/").pop() === fileName) chunks.push(chunk as Buffer);
    });
    stream.on("end", () => {
      if (chunks.length > 0 && !found) found = Buffer.concat(chunks);
      next();
    });
    stream.resume();
  });
  await pipeline(Readable.from([tar]), extractor);
  return found;
}
