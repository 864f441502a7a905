import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { parseCsv, parseJsonRecords, payloadFormatOf } from "./payload";
import { formatScore } from "./score-format";

function rowsOf(batch: { rows: Float32Array; count: number }, width: number): number[][] {
  return Array.from({ length: batch.count }, (_, r) => Array.from(batch.rows.subarray(r * width, (r + 1) * width)));
}

describe("payload parsing", () => {
  it("reads CSV rows with empty fields as missing, CRLF and a trailing newline", () => {
    expect(rowsOf(parseCsv("1,,3\r\n4,5.5,\n", 3), 3)).toEqual([
      [1, NaN, 3],
      [4, 5.5, NaN],
    ]);
  });

  it.each([
    ["1,2", /has 2 fields but the model expects 3/],
    ["1,x,3", /could not convert string to float: 'x'/],
    ["\n\n", /no CSV records/],
  ])("refuses CSV %j", (text, message) => {
    expect(() => parseCsv(text, 3)).toThrow(message);
    expect(() => parseCsv(text, 3)).toThrow(ApiError);
  });

  it("reads the JSON shapes, null as missing", () => {
    const expected = [
      [1, NaN],
      [3, 4],
    ];
    expect(rowsOf(parseJsonRecords('{"instances":[{"features":[1,null]},{"features":[3,4]}]}', 2), 2)).toEqual(expected);
    expect(rowsOf(parseJsonRecords('{"instances":[[1,null],[3,4]]}', 2), 2)).toEqual(expected);
    expect(rowsOf(parseJsonRecords("[[1,null],[3,4]]", 2), 2)).toEqual(expected);
    expect(rowsOf(parseJsonRecords("[1,null]", 2), 2)).toEqual([[1, NaN]]);
  });

  it.each([
    ["{", /not valid JSON/],
    ['{"rows":[]}', /Expected/],
    ['[["a",1]]', /not a number/],
    ["[[1]]", /has 1 values but the model expects 2/],
  ])("refuses JSON %j", (text, message) => {
    expect(() => parseJsonRecords(text, 2)).toThrow(message);
  });

  it("recognises content types with parameters", () => {
    expect(payloadFormatOf("text/csv; charset=utf-8")).toBe("csv");
    expect(payloadFormatOf("application/json")).toBe("json");
    expect(payloadFormatOf("application/jsonlines")).toBeUndefined();
    expect(payloadFormatOf(undefined)).toBeUndefined();
  });
});

describe("formatScore", () => {
  it("prints the shortest decimal of the float32, as numpy does", () => {
    expect(formatScore(0.8715810179710388)).toBe("0.871581");
    expect(formatScore(0.5)).toBe("0.5");
    expect(formatScore(0.1)).toBe("0.1");
    expect(Math.fround(Number(formatScore(0.123456789)))).toBe(Math.fround(0.123456789));
  });
});
