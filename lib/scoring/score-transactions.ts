import { FEATURE_NAMES, encodeCsvRow, toFeatureVector, type FeatureValue } from "@/lib/features/schema";
import type { Transaction } from "@/lib/features/transaction";
import type { EnqueueResult } from "@/lib/queue/enqueue-transaction";
import { pendingExplanation, readyExplanation, type ExplanationState } from "@/lib/queue/explanation";
import type { ModelRef, QueueItem } from "@/lib/queue/queue-item";
import type { TenantSettings } from "@/lib/settings/tenant-settings";
import { beforeDeadline, startDeadline, type Deadline } from "./deadline";
import { decideFromScore, mostSevere, needsReview, type Decision } from "./decision";
import { degradedDecision } from "./degraded-decision";
import type { RowAnswer, ScoreRowInput } from "./endpoint-scorer";
import type { ExplanationJob } from "./explain/explanation-job";
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
  /** Hands a queued item's explanation to the background worker; never awaited by the caller. */
  explainLater(job: ExplanationJob): void;
  /** One explanation call now, for tenants with synchronous reasons (awaited within the budget). */
  explainNow(job: ExplanationJob): Promise<ScoredRecord>;
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
 * one model answer per transaction under a shared deadline (explanations off), thresholds, and the
 * review queue for what needs a human. Model trouble of any kind degrades; only the queue write may
 * fail the request. A flagged transaction's explanation is asked for after it is queued, off the
 * caller's path; a tenant with synchronous reasons waits for it only within what is left of its
 * budget, and a late one is finished in the background like the others, never degrading the decision.
 */
export async function scoreTransactions(target: ScoringTarget, txns: readonly Transaction[], deps: ScoringDeps): Promise<ScoreResult[]> {
  const deadline = startDeadline(target.settings.timeoutBudgetMs);
  try {
    const decided = await Promise.all(txns.map((txn) => decide(target, txn, deadline, deps)));
    return await Promise.all(decided.map((d) => respond(target, d, deadline, deps)));
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

async function respond(target: ScoringTarget, d: Decided, deadline: Deadline, deps: ScoringDeps): Promise<ScoreResult> {
  const isFlagged = needsReview(d.decision);
  const job = isFlagged ? explanationJob(target, d) : null;
  let inFlight: Promise<ScoredRecord> | undefined;
  let explained: ScoredRecord | null = null;
  if (job && target.settings.synchronousReasons) {
    inFlight = deps.explainNow(job);
    explained = await beforeDeadline(inFlight, deadline).then(
      (record) => (record.attributions ? record : null),
      () => null,
    );
  }
  const reasons = topReasons(explained?.attributions ?? null, d.vector, FEATURE_NAMES);
  const now = deps.wallClock?.() ?? new Date();
  const explanation: ExplanationState | null = job ? (explained ? readyExplanation(now, 1) : pendingExplanation(now)) : null;
  if (isFlagged) {
    const queued = await deps.enqueue(queueItem(target, d, { reasons, explained, explanation, createdAt: now }));
    if (!queued.isNew) return resultFromQueueItem(queued.item, target.endpointName, elapsed(target, deps));
    if (job && !explained) deps.explainLater({ ...job, inFlight });
  }
  return {
    txn_id: d.txn.txn_id,
    decision: d.decision,
    score: d.record?.score ?? null,
    reasons,
    explanation: explanation?.state ?? "none",
    rule_hits: d.screen.hits,
    model: d.model,
    degraded: d.degraded,
    latency_ms: elapsed(target, deps),
  };
}

/** What to explain for a flagged transaction the model scored; null when rules alone decided. */
function explanationJob(target: ScoringTarget, d: Decided): ExplanationJob | null {
  if (!d.record || d.degraded || !d.model.variant) return null;
  return {
    tenantId: target.tenantId,
    txnId: d.txn.txn_id,
    endpointName: target.endpointName,
    variant: d.model.variant,
    vector: d.vector,
    attempts: 0,
  };
}

function queueItem(
  target: ScoringTarget,
  d: Decided,
  e: { reasons: ScoreResult["reasons"]; explained: ScoredRecord | null; explanation: ExplanationState | null; createdAt: Date },
): QueueItem {
  return {
    tenantId: target.tenantId,
    txnId: d.txn.txn_id,
    status: "open",
    decision: d.decision as QueueItem["decision"],
    score: d.record?.score ?? null,
    reasons: e.reasons,
    attributions: e.explained?.attributions ?? null,
    baseValue: e.explained?.baseValue ?? null,
    explanation: e.explanation,
    ruleHits: d.screen.hits,
    features: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, d.vector[i] ?? null])),
    transaction: d.txn,
    model: d.model,
    degraded: d.degraded,
    createdAt: e.createdAt.toISOString(),
  };
}

function elapsed(target: ScoringTarget, deps: ScoringDeps): number {
  return Math.round((deps.now() - target.startedAt) * 100) / 100;
}
