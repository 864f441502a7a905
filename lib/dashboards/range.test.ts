import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { defaultStep, parseDashboardRange } from "./range";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const parse = (query: string) => parseDashboardRange(new URLSearchParams(query), NOW);

function refusal(query: string): string {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error(`"${query}" was accepted`);
}

describe("parseDashboardRange", () => {
  it("gives each preset the finest step that keeps a chart within 360 points", () => {
    expect(parse("range=15m")).toEqual({ from: NOW - 15 * 60_000, to: NOW, step: 60 });
    expect(parse("range=1h").step).toBe(60);
    expect(parse("range=24h").step).toBe(300);
    expect(parse("range=7d").step).toBe(1800);
    expect(parse("").step).toBe(60);
  });

  it("accepts a finer step on request, up to 1,440 points (24 h at one minute)", () => {
    expect(parse("range=24h&step=60").step).toBe(60);
    expect(refusal("range=7d&step=60")).toBe("step 60s gives more than 1440 points over this range; use at least 600");
  });

  it("takes a custom range in epoch milliseconds or ISO 8601", () => {
    expect(parse(`from=${NOW - 7_200_000}&to=${NOW - 3_600_000}`)).toEqual({ from: NOW - 7_200_000, to: NOW - 3_600_000, step: 60 });
    expect(parse("from=2026-12-01T10:00:00Z").from).toBe(Date.UTC(2026, 11, 1, 10));
  });

  it("names what is wrong with a bad range", () => {
    expect(refusal("range=2h")).toBe('range must be one of 15m, 1h, 24h, 7d, got "2h"');
    expect(refusal("from=yesterday")).toBe('from must be an ISO 8601 time or epoch milliseconds, got "yesterday"');
    expect(refusal(`from=${NOW}&to=${NOW - 1}`)).toBe("from must be before to");
    expect(refusal(`from=${NOW - 60_000}&to=${NOW + 3_600_000}`)).toBe("to must not be in the future");
    expect(refusal(`from=${NOW - 16 * 86_400_000}`)).toBe("from must be within the last 15 days (CloudWatch's one-minute retention)");
    expect(refusal("range=1h&step=90")).toBe("step must be a whole number of minutes in seconds (60, 120, …)");
  });

  it("falls back to a day per point past the nice periods", () => {
    expect(defaultStep(400 * 86_400_000)).toBe(86_400);
  });
});
