import { FEATURE_NAMES, encodeCsvRow, toFeatureVector, type FeatureValue } from "@/lib/features/schema";
import type { Transaction } from "@/lib/features/transaction";
import type { EnqueueResult } from "@/lib/queue/enqueue-transaction";
import type { ModelRef, QueueItem } from "@/lib/queue/queue-item";
import type { TenantSettings } from "@/lib/settings/tenant-settings";
import { beforeDeadline, startDeadline, type Deadline } from "./deadline";
import { decideFromScore, mostSevere, needsReview, type Decision } from "./decision";
import { degradedDecision } from "./degraded-decision";
import type { RowAnswer, ScoreRowInput } from "./endpoint-scorer";
import type { ScoredRecord } from "./parse-invocation";
import { resultFromQueueItem, type ScoreResult } from "./score-result";
import { screenRules, type RuleScreen } from "./screen-rules";
import { topReasons } from "./top-reasons";

export interface ScoringTarget {
  tenantId: string;
  endpointName: string;
  settings: TenantSettings;
  /** performance.now() when the request arrived; latency_ms counts from here. */
  startedAt: number;
}

export interface ScoringDeps {
  scoreRow(input: ScoreRowInput): Promise<RowAnswer>;
  modelVersion(endpointName: string, variant: string | null): string | null;
  enqueue(item: QueueItem): Promise<EnqueueResult>;
  /** Called with a model failure that degraded a decision (logging, metrics). */
  onModelTrouble?(error: unknown): void;
  now(): number;
  wallClock?(): Date;
}

interface Decided {
  txn: Transaction;
  vector: FeatureValue[];
  screen: RuleScreen;
  decision: Decision;
  record: ScoredRecord | null;
  model: ModelRef;
  degraded: boolean;
}

/**
 * The scoring path for one request's transactions (DESIGN.md "Scoring path", steps 3–7): rules,
 * one model answer per transaction under a shared deadline, thresholds, and the review queue for
 * what needs a human. Model trouble of any kind degrades; only the queue write may fail the request.
 */
export async function scoreTransactions(target: ScoringTarget, txns: readonly Transaction[], deps: ScoringDeps): Promise<ScoreResult[]> {
  const deadline = startDeadline(target.settings.timeoutBudgetMs);
  try {
    const decided = await Promise.all(txns.map((txn) => decide(target, txn, deadline, deps)));
    return await Promise.all(decided.map((d) => respond(target, d, deps)));
  } finally {
    deadline.cancel();
  }
}

async function decide(target: ScoringTarget, txn: Transaction, deadline: Deadline, deps: ScoringDeps): Promise<Decided> {
  const { settings, endpointName } = target;
  const vector = toFeatureVector(txn);
  const screen = screenRules(txn, settings);
  const unscored = { endpoint: endpointName, variant: null, version: null };
  if (screen.isDecided) return { txn, vector, screen, decision: screen.floor, record: null, model: unscored, degraded: false };
  try {
    const answer = await beforeDeadline(
      deps.scoreRow({
        endpointName,
        row: encodeCsvRow(vector),
        explainAbove: settings.thresholds.review,
        timeoutMs: settings.timeoutBudgetMs,
      }),
      deadline,
    );
    const decision = mostSevere(decideFromScore(answer.record.score, settings.thresholds), screen.floor);
    const model = { endpoint: endpointName, variant: answer.variant, version: deps.modelVersion(endpointName, answer.variant) };
    return { txn, vector, screen, decision, record: answer.record, model, degraded: false };
  } catch (error) {
    deps.onModelTrouble?.(error);
    return { txn, vector, screen, decision: degradedDecision(screen, settings.failMode), record: null, model: unscored, degraded: true };
  }
}

async function respond(target: ScoringTarget, d: Decided, deps: ScoringDeps): Promise<ScoreResult> {
  const reasons = topReasons(d.record?.attributions ?? null, d.vector, FEATURE_NAMES);
  if (needsReview(d.decision)) {
    const queued = await deps.enqueue(queueItem(target, d, reasons, deps));
    if (!queued.isNew) return resultFromQueueItem(queued.item, target.endpointName, elapsed(target, deps));
  }
  return {
    txn_id: d.txn.txn_id,
    decision: d.decision,
    score: d.record?.score ?? null,
    reasons,
    rule_hits: d.screen.hits,
    model: d.model,
    degraded: d.degraded,
    latency_ms: elapsed(target, deps),
  };
}

function queueItem(target: ScoringTarget, d: Decided, reasons: ScoreResult["reasons"], deps: ScoringDeps): QueueItem {
  return {
    tenantId: target.tenantId,
    txnId: d.txn.txn_id,
    status: "open",
    decision: d.decision as QueueItem["decision"],
    score: d.record?.score ?? null,
    reasons,
    attributions: d.record?.attributions ?? null,
    baseValue: d.record?.baseValue ?? null,
    ruleHits: d.screen.hits,
    features: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, d.vector[i] ?? null])),
    transaction: d.txn,
    model: d.model,
    degraded: d.degraded,
    createdAt: (deps.wallClock?.() ?? new Date()).toISOString(),
  };
}

function elapsed(target: ScoringTarget, deps: ScoringDeps): number {
  return Math.round((deps.now() - target.startedAt) * 100) / 100;
}
