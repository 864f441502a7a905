import { describe, expect, it } from "vitest";
import { ContainerError, isCsv, parseCsv } from "./payload";
import { formatScore } from "./score-format";

function rowsOf(batch: { rows: Float32Array; count: number }, width: number): number[][] {
  return Array.from({ length: batch.count }, (_, r) => Array.from(batch.rows.subarray(r * width, (r + 1) * width)));
}

// sagemaker-xgboost-container serve.py: a payload it cannot load → 415, one it cannot evaluate → 400.
describe("CSV payloads as the XGBoost container reads them", () => {
  it("reads CSV rows with empty fields as missing, CRLF and a trailing newline", () => {
    expect(rowsOf(parseCsv("1,,3\r\n4,5.5,\n", 3), 3)).toEqual([
      [1, NaN, 3],
      [4, 5.5, NaN],
    ]);
  });

  it("leaves the features past a short row missing, as XGBoost does", () => {
    expect(rowsOf(parseCsv("1,2", 3), 3)).toEqual([[1, 2, NaN]]);
  });

  it.each([
    ["1,x,3", 415, /could not convert string to float: 'x'/],
    ["1,2,3\n4,5", 415, /setting an array element with a sequence/],
    ["\n\n", 415, /Loading csv data failed/],
    ["1,2,3,4", 400, /Number of columns does not match number of features in booster/],
  ])("refuses CSV %j with the container's %i", (text, status, message) => {
    const error = (() => {
      try {
        parseCsv(text, 3);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ContainerError);
    expect((error as ContainerError).status).toBe(status);
    expect((error as ContainerError).message).toMatch(message);
  });

  it("reads text/csv only (application/json is not a type the 1.7-1 container reads)", () => {
    expect(isCsv("text/csv; charset=utf-8")).toBe(true);
    expect(isCsv("application/json")).toBe(false);
    expect(isCsv(undefined)).toBe(false);
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
