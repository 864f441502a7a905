import { describe, expect, it } from "vitest";
import { diffValues } from "./diff-values";

describe("diffValues", () => {
  it("lists changed leaves by path", () => {
    expect(
      diffValues(
        { thresholds: { review: 0.35, suspicious: 0.8 }, failMode: "review" },
        { thresholds: { review: 0.3, suspicious: 0.8 }, failMode: "review" },
      ),
    ).toEqual([{ path: "thresholds.review", before: 0.35, after: 0.3 }]);
  });
  it("compares lists of scalars whole and rules by id", () => {
    const rule = { id: "large", value: 25_000, enabled: true };
    expect(
      diffValues(
        { countries: ["CU", "IR"], rules: [rule] },
        {
          countries: ["CU"],
          rules: [
            { ...rule, value: 20_000 },
            { id: "new", value: 1, enabled: true },
          ],
        },
      ),
    ).toEqual([
      { path: "countries", before: ["CU", "IR"], after: ["CU"] },
      { path: "rules[large].value", before: 25_000, after: 20_000 },
      { path: "rules[new]", before: undefined, after: { id: "new", value: 1, enabled: true } },
    ]);
  });
  it("treats a created object as one change per field and a deletion as one change", () => {
    expect(diffValues(null, { name: "App" })).toEqual([{ path: "", before: null, after: { name: "App" } }]);
    expect(diffValues({ name: "App" }, { name: "App", revokedAt: "2026-01-01" })).toEqual([
      { path: "revokedAt", before: undefined, after: "2026-01-01" },
    ]);
  });
});
