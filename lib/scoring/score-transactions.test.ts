import { describe, expect, it, vi } from "vitest";
import { FEATURE_NAMES } from "@/lib/features/schema";
import { transactionSchema } from "@/lib/features/transaction";
import type { QueueItem } from "@/lib/queue/queue-item";
import { DEFAULT_TENANT_SETTINGS, type TenantSettings } from "@/lib/settings/tenant-settings";
import type { RowAnswer } from "./endpoint-scorer";
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

function depsWith(scoreRow: ScoringDeps["scoreRow"]) {
  const queued = new Map<string, QueueItem>();
  const deps = {
    scoreRow: vi.fn(scoreRow),
    modelVersion: () => "2",
    enqueue: vi.fn((item: QueueItem) => {
      const original = queued.get(item.txnId);
      if (original) return Promise.resolve({ isNew: false, item: original });
      queued.set(item.txnId, item);
      return Promise.resolve({ isNew: true, item });
    }),
    now: () => 0,
    onModelTrouble: vi.fn(),
  } satisfies ScoringDeps;
  return { deps, queued };
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
      rule_hits: [],
      model: { endpoint: "fraud-acme-bank", variant: "production", version: "2" },
      degraded: false,
      latency_ms: 0,
    });
    expect(queued.size).toBe(0);
  });

  it("asks for explanations above the review threshold and queues a SUSPICIOUS answer with its evidence", async () => {
    const { deps, queued } = depsWith(() => Promise.resolve(answer(0.97, { is_rooted_device: 2.1, amount: 0.8, hour_of_day: -0.2 })));
    const [result] = await scoreTransactions(target(), [txn({ amount: 5000, geo: "unknown", device: "rooted-phone" })], deps);
    expect(deps.scoreRow).toHaveBeenCalledWith(
      expect.objectContaining({ endpointName: "fraud-acme-bank", explainAbove: 0.35, timeoutMs: 250 }),
    );
    expect(result?.decision).toBe("SUSPICIOUS");
    expect(result?.reasons.map((r) => r.feature)).toEqual(["is_rooted_device", "amount"]);
    const item = queued.get("t1");
    expect(item).toMatchObject({
      decision: "SUSPICIOUS",
      score: 0.97,
      baseValue: -3,
      status: "open",
      model: { variant: "production", version: "2" },
    });
    expect(item?.features.amount).toBe(5000);
    expect(item?.attributions).toHaveLength(FEATURE_NAMES.length);
  });

  it("decides by rule without asking the model, and queues the hit", async () => {
    const { deps, queued } = depsWith(() => Promise.reject(new Error("must not be called")));
    const [result] = await scoreTransactions(target(), [txn({ amount: 30_000 })], deps);
    expect(deps.scoreRow).not.toHaveBeenCalled();
    expect(result).toMatchObject({ decision: "SUSPICIOUS", score: null, degraded: false, rule_hits: [{ rule_id: "large-amount" }] });
    expect(queued.get("t1")?.ruleHits).toHaveLength(1);
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
    expect(retry).toMatchObject({ decision: "REVIEW", score: 0.5 });
    expect(queued.size).toBe(1);
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
