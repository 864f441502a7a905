/** s3://bucket/key ⇄ { Bucket, Key }. */
export function parseS3Uri(uri: string): { Bucket: string; Key: string } {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri);
  if (!match) throw new Error(`not an s3:// URI: ${uri}`);
  return { Bucket: match[1]!, Key: match[2]! };
}

export const s3Uri = (bucket: string, key: string) => `s3://${bucket}/${key}`;

/** The "directory" of an object: s3://b/a/v2/model.tar.gz → s3://b/a/v2/ */
export const s3Dir = (uri: string) => uri.slice(0, uri.lastIndexOf("/") + 1);
