import { describe, expect, it, vi } from "vitest";
import { FEATURE_NAMES } from "@/lib/features/schema";
import { transactionSchema } from "@/lib/features/transaction";
import type { QueueItem } from "@/lib/queue/queue-item";
import { DEFAULT_TENANT_SETTINGS, type TenantSettings } from "@/lib/settings/tenant-settings";
import type { RowAnswer } from "./endpoint-scorer";
import type { ExplanationJob } from "./explain/explanation-job";
import type { ScoredRecord } from "./parse-invocation";
import { scoreTransactions, type ScoringDeps } from "./score-transactions";

const txn = (fields: Record<string, unknown>) => transactionSchema.parse({ txn_id: "t1", amount: 50, ...fields });

function answer(score: number, attributions: Record<string, number> | null = null): RowAnswer {
  return {
    variant: "production",
    record: {
      score,
      attributions: attributions ? FEATURE_NAMES.map((feature) => ({ feature, attribution: attributions[feature] ?? 0 })) : null,
      baseValue: attributions ? -3 : null,
    },
  };
}

function explainedRecord(score: number, attributions: Record<string, number>): ScoredRecord {
  return { score, attributions: FEATURE_NAMES.map((feature) => ({ feature, attribution: attributions[feature] ?? 0 })), baseValue: -3 };
}

function depsWith(scoreRow: ScoringDeps["scoreRow"], explainNow: ScoringDeps["explainNow"] = () => Promise.reject(new Error("not asked"))) {
  const queued = new Map<string, QueueItem>();
  const later: ExplanationJob[] = [];
  const deps = {
    scoreRow: vi.fn(scoreRow),
    modelVersion: () => "2",
    enqueue: vi.fn((item: QueueItem) => {
      const original = queued.get(item.txnId);
      if (original) return Promise.resolve({ isNew: false, item: original });
      queued.set(item.txnId, item);
      return Promise.resolve({ isNew: true, item });
    }),
    explainLater: vi.fn((job: ExplanationJob) => void later.push(job)),
    explainNow: vi.fn(explainNow),
    now: () => 0,
    wallClock: () => new Date("2026-12-01T09:00:00.000Z"),
    onModelTrouble: vi.fn(),
  } satisfies ScoringDeps;
  return { deps, queued, later };
}

const target = (settings: Partial<TenantSettings> = {}) => ({
  tenantId: "acme-bank",
  endpointName: "fraud-acme-bank",
  settings: { ...DEFAULT_TENANT_SETTINGS, ...settings },
  startedAt: 0,
});

describe("scoreTransactions", () => {
  it("answers LEGIT below the review threshold and queues nothing", async () => {
    const { deps, queued } = depsWith(() => Promise.resolve(answer(0.02)));
    const [result] = await scoreTransactions(target(), [txn({ device: "mobile" })], deps);
    expect(result).toEqual({
      txn_id: "t1",
      decision: "LEGIT",
      score: 0.02,
      reasons: [],
      explanation: "none",
      rule_hits: [],
      model: { endpoint: "fraud-acme-bank", variant: "production", version: "2" },
      degraded: false,
      latency_ms: 0,
    });
    expect(queued.size).toBe(0);
  });

  it("answers a SUSPICIOUS score without waiting for its explanation, queues it pending and hands it to the worker", async () => {
    const { deps, queued, later } = depsWith(() => Promise.resolve(answer(0.97)));
    const [result] = await scoreTransactions(target(), [txn({ amount: 5000, geo: "unknown", device: "rooted-phone" })], deps);
    expect(deps.scoreRow).toHaveBeenCalledWith({ endpointName: "fraud-acme-bank", row: expect.any(String) as string, timeoutMs: 250 });
    expect(deps.explainNow).not.toHaveBeenCalled();
    expect(result).toMatchObject({ decision: "SUSPICIOUS", degraded: false, reasons: [], explanation: "pending" });
    const item = queued.get("t1");
    expect(item).toMatchObject({
      decision: "SUSPICIOUS",
      score: 0.97,
      attributions: null,
      baseValue: null,
      status: "open",
      model: { variant: "production", version: "2" },
      explanation: { state: "pending", attempts: 0, leaseUntil: "2026-12-01T09:00:30.000Z", lastError: null },
    });
    expect(item?.features.amount).toBe(5000);
    // Pinned to the variant that produced the score, with the inputs that were scored.
    expect(later).toEqual([
      {
        tenantId: "acme-bank",
        txnId: "t1",
        endpointName: "fraud-acme-bank",
        variant: "production",
        vector: FEATURE_NAMES.map((name) => item?.features[name] ?? null),
        attempts: 0,
        inFlight: undefined,
      },
    ]);
  });

  it("with synchronous reasons, answers and queues the reasons that arrive within the budget", async () => {
    const record = explainedRecord(0.97, { is_rooted_device: 2.1, amount: 0.8, hour_of_day: -0.2 });
    const { deps, queued, later } = depsWith(
      () => Promise.resolve(answer(0.97)),
      () => Promise.resolve(record),
    );
    const [result] = await scoreTransactions(target({ synchronousReasons: true }), [txn({ amount: 5000 })], deps);
    expect(deps.explainNow).toHaveBeenCalledWith(expect.objectContaining({ variant: "production", attempts: 0 }));
    expect(result).toMatchObject({ decision: "SUSPICIOUS", degraded: false, explanation: "ready" });
    expect(result?.reasons.map((r) => r.feature)).toEqual(["is_rooted_device", "amount"]);
    expect(queued.get("t1")).toMatchObject({
      attributions: record.attributions,
      baseValue: -3,
      explanation: { state: "ready", attempts: 1 },
    });
    expect(later).toEqual([]);
  });

  it("with synchronous reasons, a late explanation neither degrades the decision nor is lost: the worker awaits the same call", async () => {
    const late = new Promise<ScoredRecord>(() => undefined);
    const { deps, queued, later } = depsWith(
      () => Promise.resolve(answer(0.97)),
      () => late,
    );
    const [result] = await scoreTransactions(target({ synchronousReasons: true, timeoutBudgetMs: 10 }), [txn({})], deps);
    expect(result).toMatchObject({ decision: "SUSPICIOUS", degraded: false, score: 0.97, reasons: [], explanation: "pending" });
    expect(queued.get("t1")?.explanation?.state).toBe("pending");
    expect(later).toHaveLength(1);
    expect(later[0]?.inFlight).toBe(late);
  });

  it("decides by rule without asking the model, and queues the hit", async () => {
    const { deps, queued } = depsWith(() => Promise.reject(new Error("must not be called")));
    const [result] = await scoreTransactions(target(), [txn({ amount: 30_000 })], deps);
    expect(deps.scoreRow).not.toHaveBeenCalled();
    expect(result).toMatchObject({ decision: "SUSPICIOUS", score: null, degraded: false, rule_hits: [{ rule_id: "large-amount" }] });
    expect(queued.get("t1")).toMatchObject({ ruleHits: [{ rule_id: "large-amount" }], explanation: null });
    expect(result?.explanation).toBe("none");
  });

  it("lets a REVIEW rule raise a low model score", async () => {
    const rules: TenantSettings["rules"] = [
      { id: "velocity", description: "Burst", field: "txn_count_1h", operator: "gte", value: 10, decision: "REVIEW", enabled: true },
    ];
    const { deps } = depsWith(() => Promise.resolve(answer(0.01)));
    const [result] = await scoreTransactions(target({ rules }), [txn({ txn_count_1h: 12 })], deps);
    expect(result).toMatchObject({ decision: "REVIEW", score: 0.01, rule_hits: [{ rule_id: "velocity" }] });
  });

  it.each([
    ["review", "REVIEW", 1],
    ["allow", "LEGIT", 0],
  ] as const)("degrades on a model error by fail mode %s → %s", async (failMode, decision, queuedCount) => {
    const { deps, queued } = depsWith(() => Promise.reject(Object.assign(new Error("boom"), { name: "ModelError" })));
    const [result] = await scoreTransactions(target({ failMode }), [txn({})], deps);
    expect(result).toMatchObject({ decision, degraded: true, score: null, model: { endpoint: "fraud-acme-bank", variant: null } });
    expect(queued.size).toBe(queuedCount);
    expect(deps.explainLater).not.toHaveBeenCalled();
    expect(deps.onModelTrouble).toHaveBeenCalledOnce();
  });

  it("degrades when the model answers after the tenant's budget", async () => {
    const { deps } = depsWith(() => new Promise<RowAnswer>(() => undefined));
    const [result] = await scoreTransactions(target({ timeoutBudgetMs: 10 }), [txn({})], deps);
    expect(result).toMatchObject({ decision: "REVIEW", degraded: true });
  });

  it("answers a retried txn_id with the original decision", async () => {
    const { deps, queued } = depsWith(() => Promise.resolve(answer(0.5)));
    await scoreTransactions(target(), [txn({})], deps);
    deps.scoreRow.mockResolvedValue(answer(0.9));
    const [retry] = await scoreTransactions(target(), [txn({})], deps);
    expect(retry).toMatchObject({ decision: "REVIEW", score: 0.5, explanation: "pending" });
    expect(queued.size).toBe(1);
    // The original request asked for the explanation; a retry does not ask again.
    expect(deps.explainLater).toHaveBeenCalledOnce();
  });

  it("fails the request when the queue write fails (the caller retries; nothing is lost)", async () => {
    const { deps } = depsWith(() => Promise.resolve(answer(0.9)));
    deps.enqueue.mockRejectedValueOnce(new Error("unavailable"));
    await expect(scoreTransactions(target(), [txn({})], deps)).rejects.toThrow("unavailable");
  });

  it("answers every transaction of a batch in order", async () => {
    const { deps } = depsWith((input) => Promise.resolve(answer(input.row.startsWith("900,") ? 0.9 : 0.1)));
    const results = await scoreTransactions(target(), [txn({ txn_id: "a" }), txn({ txn_id: "b", amount: 900 })], deps);
    expect(results.map((r) => [r.txn_id, r.decision])).toEqual([
      ["a", "LEGIT"],
      ["b", "SUSPICIOUS"],
    ]);
  });
});
