import { describe, expect, it } from "vitest";
import { alignStart, assertValidPeriod } from "./time-window";

const now = Date.UTC(2026, 10, 22, 12, 0, 0);
const sec = (iso: string) => Date.parse(iso) / 1000;

describe("alignStart", () => {
  it.each([
    ["recent start, 1-minute period", "2026-11-22T11:32:34Z", 60, "2026-11-22T11:32:00Z"],
    ["recent start, 5-minute period keeps the minute", "2026-11-22T11:32:34Z", 300, "2026-11-22T11:32:00Z"],
    ["10-second period", "2026-11-22T11:05:23Z", 10, "2026-11-22T11:05:20Z"],
    ["20 days ago rounds to 5 minutes", "2026-11-02T11:32:34Z", 3600, "2026-11-02T11:30:00Z"],
    ["70 days ago rounds to the hour", "2026-09-13T11:32:34Z", 3600, "2026-09-13T11:00:00Z"],
  ])("%s", (_label, start, period, expected) => {
    expect(alignStart(Date.parse(start), period, now)).toBe(sec(expected));
  });
});

describe("assertValidPeriod", () => {
  it("accepts high-resolution periods and multiples of 60 only", () => {
    for (const p of [1, 5, 10, 20, 30, 60, 300, 86400]) expect(() => assertValidPeriod(p, "Period")).not.toThrow();
    for (const p of [2, 45, 90]) expect(() => assertValidPeriod(p, "Period")).toThrow(/Period/);
  });
});
