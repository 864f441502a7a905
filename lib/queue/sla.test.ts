import { describe, expect, it } from "vitest";
import { formatDuration, slaState } from "./sla";

const at = (minutesAgo: number) => new Date(Date.UTC(2026, 0, 1) - minutesAgo * 60_000).toISOString();
const now = Date.UTC(2026, 0, 1);

describe("slaState", () => {
  it.each([
    ["SUSPICIOUS", 10, "ok", "10m", "SLA 1h 0m, 50m left"],
    ["SUSPICIOUS", 50, "due", "50m", "SLA 1h 0m, 10m left"],
    ["SUSPICIOUS", 185, "breached", "3h 5m", "SLA 1h 0m, breached by 2h 5m"],
    ["REVIEW", 185, "due", "3h 5m", "SLA 4h 0m, 55m left"],
  ] as const)("%s aged %i min is %s", (decision, minutes, tone, age, title) => {
    expect(slaState(decision, at(minutes), now)).toEqual({ tone, age, title });
  });
  it("formats long ages in days", () => {
    expect(formatDuration(3 * 86_400_000 + 5 * 3_600_000)).toBe("3d 5h");
  });
});
