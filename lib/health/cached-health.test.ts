import { describe, expect, it } from "vitest";
import type { HealthReport } from "./check-health";
import { cachedHealth } from "./cached-health";

const OK: HealthReport = { status: "ok", checks: { dynamodb: { ok: true, latencyMs: 1 } } };

function harness(run: () => Promise<HealthReport> = () => Promise.resolve(OK)) {
  let clock = Date.parse("2026-12-01T10:00:00.000Z");
  let rounds = 0;
  const health = cachedHealth(
    () => {
      rounds += 1;
      return run();
    },
    { ttlMs: 5_000, now: () => clock },
  );
  return { health, rounds: () => rounds, advance: (ms: number) => (clock += ms) };
}

describe("cachedHealth", () => {
  it("answers every caller within the TTL from one round of checks, stamped with when it ran", async () => {
    const h = harness();
    const first = await h.health();
    h.advance(4_999);
    expect(await h.health()).toBe(first);
    expect(h.rounds()).toBe(1);
    expect(first).toEqual({ ...OK, checkedAt: "2026-12-01T10:00:00.000Z" });
  });

  it("runs the checks again once the TTL has passed", async () => {
    const h = harness();
    await h.health();
    h.advance(5_000);
    expect((await h.health()).checkedAt).toBe("2026-12-01T10:00:05.000Z");
    expect(h.rounds()).toBe(2);
  });

  it("lets concurrent callers share the round that is running", async () => {
    let finish: (report: HealthReport) => void = () => {};
    const h = harness(() => new Promise((resolve) => (finish = resolve)));
    const waiting = [h.health(), h.health(), h.health()];
    finish(OK);
    const reports = await Promise.all(waiting);
    expect(h.rounds()).toBe(1);
    expect(new Set(reports).size).toBe(1);
  });

  it("does not keep a round that threw", async () => {
    let fail = true;
    const h = harness(() => (fail ? Promise.reject(new Error("boom")) : Promise.resolve(OK)));
    await expect(h.health()).rejects.toThrow("boom");
    fail = false;
    expect((await h.health()).status).toBe("ok");
    expect(h.rounds()).toBe(2);
  });
});
