import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { s3Client } from "@/lib/aws/clients";
import { endpointFolder, parseCaptureKey, windowFolders, type CaptureDestination } from "./capture-layout";

export interface CaptureObject {
  bucket: string;
  key: string;
  variant: string;
  /** The UTC hour folder the object sits in. */
  hour: Date;
  size: number;
}

export interface CaptureDeps {
  s3?: Pick<S3Client, "send">;
}

/** Parallel listings; S3 serves thousands of requests a second per prefix. */
const LIST_CONCURRENCY = 8;

async function listAll(s3: Pick<S3Client, "send">, bucket: string, prefix: string, delimiter?: string) {
  const keys: Array<{ key: string; size: number }> = [];
  const prefixes: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: delimiter, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) if (o.Key) keys.push({ key: o.Key, size: o.Size ?? 0 });
    for (const p of page.CommonPrefixes ?? []) if (p.Prefix) prefixes.push(p.Prefix);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return { keys, prefixes };
}

/**
 * The capture objects of every variant of an endpoint whose hour folder overlaps [from, to), in
 * key order (variant, then time). Variants are the sub-folders of the endpoint's folder, so a
 * variant that is gone (a rolled-back canary, a shadow) still counts for the hours it served. Only
 * the window's day and hour folders are listed (capture-layout.ts).
 */
export async function listCaptureObjects(
  input: { destination: CaptureDestination; endpointName: string; from: Date; to: Date; variants?: readonly string[] },
  deps: CaptureDeps = {},
): Promise<CaptureObject[]> {
  const s3 = deps.s3 ?? s3Client();
  const { bucket } = input.destination;
  const folder = endpointFolder(input.destination, input.endpointName);
  const variants = input.variants ?? (await listAll(s3, bucket, folder, "/")).prefixes.map((p) => p.slice(folder.length, -1));
  const prefixes = variants.flatMap((v) => windowFolders(input.from, input.to).map((f) => `${folder}${v}/${f}`));
  const found: CaptureObject[][] = new Array<CaptureObject[]>(prefixes.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < prefixes.length; i = next++) {
      const { keys } = await listAll(s3, bucket, prefixes[i]!);
      found[i] = keys.flatMap(({ key, size }) => {
        const parsed = parseCaptureKey(folder, key);
        return parsed ? [{ bucket, key, variant: parsed.variant, hour: parsed.hour, size }] : [];
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, prefixes.length) }, worker));
  return found.flat();
}
