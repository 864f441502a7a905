import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { s3Client } from "@/lib/aws/clients";
import { env } from "@/lib/env";

// ListObjectsV2 API reference, Delimiter: "Causes keys that contain the same string between the
// prefix and the first occurrence of the delimiter to be rolled up into a single result element in
// the CommonPrefixes collection. These rolled-up keys are not returned elsewhere in the response.
// Each rolled-up result counts as only one return against the MaxKeys value." lib/capture lists an
// endpoint's variants this way.
describe("S3 ListObjectsV2 with a Delimiter", () => {
  it("answers the sub-folders of a prefix as CommonPrefixes and its own keys as Contents", async () => {
    const bucket = env().CAPTURE_BUCKET;
    const root = `fid-list-${Date.now().toString(36)}/`;
    for (const key of ["one/2026/01/01/00/a.jsonl", "one/2026/01/01/01/b.jsonl", "two/2026/01/01/00/c.jsonl", "top.txt"]) {
      await s3Client().send(new PutObjectCommand({ Bucket: bucket, Key: `${root}${key}`, Body: "x" }));
    }
    const listed = await s3Client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: root, Delimiter: "/" }));
    expect(listed.CommonPrefixes?.map((p) => p.Prefix)).toEqual([`${root}one/`, `${root}two/`]);
    expect(listed.Contents?.map((o) => o.Key)).toEqual([`${root}top.txt`]);
  });
});
