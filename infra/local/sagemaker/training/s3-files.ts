import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gunzipSync, gzipSync } from "node:zlib";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { extract, pack } from "tar-stream";
import { s3Client } from "@/lib/aws/clients";

/**
 * What a training job moves between S3 and its instance: input channels (every object under an
 * S3Prefix, as File mode copies them), the script's source archive, and the model and output
 * directories packed as gzipped tars.
 */
export interface S3Location {
  bucket: string;
  key: string;
}

export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) throw new Error(`Invalid S3 URI "${uri}".`);
  return { bucket: match[1]!, key: match[2]! };
}

/** Every object under the prefix into `dir`, keeping the path below the prefix. Returns the count. */
export async function downloadPrefix(uri: string, dir: string): Promise<number> {
  const { bucket, key: prefix } = parseS3Uri(uri);
  let count = 0;
  let token: string | undefined;
  do {
    const listed = await s3Client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of listed.Contents ?? []) {
      const key = object.Key ?? "";
      if (key.endsWith("/")) continue;
      const relative = key.slice(prefix.length).replace(/^\/+/, "") || path.posix.basename(key);
      await writeInside(dir, relative, await getObject(bucket, key));
      count += 1;
    }
    token = listed.IsTruncated ? listed.NextContinuationToken : undefined;
  } while (token);
  return count;
}

export async function getObject(bucket: string, key: string): Promise<Uint8Array> {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!object.Body) throw new Error(`s3://${bucket}/${key} has no body`);
  return object.Body.transformToByteArray();
}

/** A gzipped tar (the script's source, `sagemaker_submit_directory`) unpacked into `dir`. */
export async function extractTarGz(bytes: Uint8Array, dir: string): Promise<void> {
  const extractor = extract();
  const files: { name: string; data: Buffer }[] = [];
  extractor.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
    stream.on("end", () => {
      if (header.type === "file") files.push({ name: header.name, data: Buffer.concat(chunks) });
      next();
    });
    stream.resume();
  });
  await pipeline(Readable.from([gunzipSync(bytes)]), extractor);
  for (const file of files) await writeInside(dir, file.name, file.data);
}

/** Every file under `dir` as a gzipped tar, paths relative to it (as SageMaker packs /opt/ml/model). */
export async function packDirectory(dir: string): Promise<Buffer> {
  const files = await listFiles(dir);
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve, reject) => {
    archive.on("end", resolve);
    archive.on("error", reject);
  });
  for (const file of files) archive.entry({ name: file, mode: 0o644 }, await readFile(path.join(dir, file)));
  archive.finalize();
  await ended;
  return gzipSync(Buffer.concat(chunks));
}

export async function putObject(uri: string, body: Uint8Array): Promise<void> {
  const { bucket, key } = parseS3Uri(uri);
  await s3Client().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(dir, name) : Promise.resolve(entry.isFile() ? [name] : []);
    }),
  );
  return nested.flat().sort();
}

/** Writes `relative` under `dir`, refusing a path that climbs out of it (`../`, absolute). */
async function writeInside(dir: string, relative: string, data: Uint8Array): Promise<void> {
  const target = path.resolve(dir, relative);
  if (target !== dir && !target.startsWith(`${path.resolve(dir)}${path.sep}`)) throw new Error(`refusing the path "${relative}"`);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, data);
}
