import { describe, expect, it } from "vitest";
import { explanationStatus, isStale, pendingExplanation, readyExplanation } from "./explanation";
import { toQueueRow } from "./queue-row";

const at = new Date("2026-12-01T09:00:00.000Z");

describe("explanation state", () => {
  it("is pending with a lease from when it was queued, and stale only once the lease has run out", () => {
    const pending = pendingExplanation(at);
    expect(pending).toEqual({
      state: "pending",
      attempts: 0,
      leaseUntil: "2026-12-01T09:00:30.000Z",
      lastError: null,
      updatedAt: at.toISOString(),
    });
    expect(isStale(pending, new Date("2026-12-01T09:00:29.999Z"))).toBe(false);
    expect(isStale(pending, new Date("2026-12-01T09:00:30.000Z"))).toBe(true);
    expect(isStale(readyExplanation(at, 1), new Date("2027-01-01T00:00:00.000Z"))).toBe(false);
    expect(isStale(null, at)).toBe(false);
  });

  it("reads items queued before explanation states existed by their attributions", () => {
    expect(explanationStatus({ attributions: [{ feature: "amount", attribution: 1 }] })).toBe("ready");
    expect(explanationStatus({ attributions: null })).toBe("none");
    expect(explanationStatus({ explanation: pendingExplanation(at), attributions: null })).toBe("pending");
  });

  it("tells the queue list a row's explanation is pending, without reading attributions", () => {
    const base = { txnId: "t", status: "open", decision: "SUSPICIOUS", createdAt: at.toISOString() } as const;
    expect(toQueueRow({ ...base, explanation: pendingExplanation(at), reasons: [] }, at)).toMatchObject({
      explanation: "pending",
      topReason: null,
    });
    expect(toQueueRow({ ...base, reasons: [] }, at).explanation).toBe("none");
  });
});
