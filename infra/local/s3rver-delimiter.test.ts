import { describe, expect, it } from "vitest";
import { rollUpCommonPrefixes } from "./s3rver-delimiter";

const objects = ["a/b/1", "a/b/2", "a/c", "a/d/e/3", "a/f"].map((key) => ({ key }));

describe("rollUpCommonPrefixes (ListObjectsV2 Delimiter)", () => {
  it("rolls keys up to the first delimiter after the prefix", () => {
    expect(rollUpCommonPrefixes(objects, { prefix: "a/", delimiter: "/" })).toEqual({
      objects: [{ key: "a/c" }, { key: "a/f" }],
      commonPrefixes: ["a/b/", "a/d/"],
      isTruncated: false,
    });
  });

  it("counts each common prefix once against MaxKeys", () => {
    expect(rollUpCommonPrefixes(objects, { prefix: "a/", delimiter: "/", maxKeys: 2 })).toEqual({
      objects: [{ key: "a/c" }],
      commonPrefixes: ["a/b/"],
      isTruncated: true,
    });
  });
});
