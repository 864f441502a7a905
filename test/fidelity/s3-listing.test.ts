import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { s3Client } from "@/lib/aws/clients";
import { env } from "@/lib/env";

// ListObjectsV2 API reference, Delimiter: "Causes keys that contain the same string between the
// prefix and the first occurrence of the delimiter to be rolled up into a single result element in
// the CommonPrefixes collection. These rolled-up keys are not returned elsewhere in the response.
// Each rolled-up result counts as only one return against the MaxKeys value." StartAfter: "Amazon S3
// starts listing after this specified key." Contents' ETag: for an object uploaded by a PUT
// without encryption, "the ETag is an MD5 digest of the object data" (Object data type). lib/capture
// lists an endpoint's variants this way.
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
    // Contents carry each key's size and ETag (the MD5 of a single-part upload's body, quoted).
    expect(listed.Contents?.map((o) => [o.Size, o.ETag])).toEqual([[1, '"9dd4e461268c8034f5c8564e155c67a6"']]);
    // StartAfter: keys after it only, then rolled up (one/ stays for b.jsonl).
    const after = await s3Client().send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: root, Delimiter: "/", StartAfter: `${root}one/2026/01/01/00/a.jsonl` }),
    );
    expect(after.CommonPrefixes?.map((p) => p.Prefix)).toEqual([`${root}one/`, `${root}two/`]);
    expect(after.Contents?.map((o) => o.Key)).toEqual([`${root}top.txt`]);
  });
});
