import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gunzipSync } from "node:zlib";
import { extract } from "tar-stream";

/** The regular files of a gzipped tar (output.tar.gz: a few small JSON reports), by base name. */
export async function filesInTarGz(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const extractor = extract();
  extractor.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
    stream.on("end", () => {
      if (header.type === "file") files.set(header.name.split("/").pop() ?? header.name, Buffer.concat(chunks));
      next();
    });
    stream.resume();
  });
  await pipeline(Readable.from([gunzipSync(bytes)]), extractor);
  return files;
}
