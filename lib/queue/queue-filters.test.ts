import { describe, expect, it } from "vitest";
import { queueScoreIndexSk } from "@/lib/db/keys";
import { createdRange, parseQueueFilters, queueFiltersToParams } from "./queue-filters";

describe("queue filters", () => {
  it("defaults to pending items by score, 50 a page, and ignores empty parameters", () => {
    expect(parseQueueFilters(new URLSearchParams("decision=&minAmount="))).toEqual({ status: "open", sort: "score", limit: 50 });
  });
  it("parses every filter from the URL and writes back only what differs from the defaults", () => {
    const filters = parseQueueFilters(
      new URLSearchParams(
        "status=escalated&sort=oldest&decision=REVIEW&minAmount=10&maxAmount=99.5&modelVersion=3&from=2026-01-01&to=2026-01-31&limit=20",
      ),
    );
    expect(filters).toMatchObject({
      status: "escalated",
      sort: "oldest",
      decision: "REVIEW",
      minAmount: 10,
      maxAmount: 99.5,
      modelVersion: "3",
      limit: 20,
    });
    expect(queueFiltersToParams(filters).toString()).toBe(
      "status=escalated&sort=oldest&decision=REVIEW&minAmount=10&maxAmount=99.5&modelVersion=3&from=2026-01-01&to=2026-01-31",
    );
    expect(queueFiltersToParams(parseQueueFilters({})).toString()).toBe("");
  });
  it("names the field of a bad filter", () => {
    expect(() => parseQueueFilters({ status: "done" })).toThrow(/status/);
    expect(() => parseQueueFilters({ minAmount: "10", maxAmount: "5" })).toThrow(/maxAmount/);
    expect(() => parseQueueFilters({ limit: "1000" })).toThrow(/limit/);
  });
  it("makes a bare end date include the whole day", () => {
    expect(createdRange({ from: "2026-01-01", to: "2026-01-31" })).toEqual({
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-01-31T23:59:59.999Z",
    });
  });
  it("sorts score keys numerically as strings, unscored last", () => {
    const keys = [0.5, 0.05, 0.9999, 1, null, 0].map((s) => queueScoreIndexSk(s, "t"));
    expect([...keys].sort().reverse()).toEqual([1, 0.9999, 0.5, 0.05, 0, null].map((s) => queueScoreIndexSk(s, "t")));
  });
});
