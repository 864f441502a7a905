import { describe, expect, it } from "vitest";
import { metricsLinkAround, timelineDays } from "./timeline";

describe("timelineDays", () => {
  it("counts events per UTC day and trigger over the range ending today; outside the range is left out", () => {
    const now = Date.parse("2026-12-01T12:00:00Z");
    const days = timelineDays(
      [
        { startedAt: "2026-12-01T01:00:00Z", trigger: "alarm" },
        { startedAt: "2026-12-01T23:59:00Z", trigger: "manual" },
        { startedAt: "2026-11-25T10:00:00Z", trigger: "alarm" },
        { startedAt: "2026-11-01T10:00:00Z", trigger: "alarm" },
      ],
      "7d",
      now,
    );
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ day: Date.parse("2026-11-25T00:00:00Z"), alarm: 1, manual: 0 });
    expect(days[6]).toEqual({ day: Date.parse("2026-12-01T00:00:00Z"), alarm: 1, manual: 1 });
    expect(days.reduce((n, d) => n + d.alarm + d.manual, 0)).toBe(3);
  });
});

describe("metricsLinkAround", () => {
  it("links the Endpoints page to ±30 minutes of the event", () => {
    expect(metricsLinkAround("2026-10-21T09:15:00.000Z")).toBe(
      "/endpoints?from=2026-10-21T08%3A45%3A00.000Z&to=2026-10-21T09%3A45%3A00.000Z",
    );
  });
});
