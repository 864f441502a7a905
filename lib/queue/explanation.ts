import type { FeatureAttribution } from "@/lib/scoring/parse-invocation";

/**
 * Where a queue item's SHAP explanation is. Scoring answers without it (Clarify's Kernel SHAP costs
 * hundreds of milliseconds per record on AWS) and a background worker fills it in later
 * (lib/scoring/explain). The state lives on the item, written in the same conditional put that
 * queues it, so a crash leaves it `pending` and lib/scoring/explain/redrive-explanations.ts finds it.
 *
 * - `pending`: requested; `leaseUntil` is when the instance that asked stops owning it (then any
 *   instance may re-drive it). `attempts` counts InvokeEndpoint calls made so far.
 * - `ready`: attributions, baseValue and reasons are on the item.
 * - `failed`: gave up after `attempts`; `lastError` says why.
 */
export const EXPLANATION_STATES = ["pending", "ready", "failed"] as const;
export type ExplanationStateName = (typeof EXPLANATION_STATES)[number];

export interface ExplanationState {
  state: ExplanationStateName;
  attempts: number;
  leaseUntil: string | null;
  lastError: string | null;
  updatedAt: string;
}

/** What a list row, the detail page and the scoring API say; `none` = nothing to explain (rule or degraded). */
export const EXPLANATION_STATUSES = [...EXPLANATION_STATES, "none"] as const;
export type ExplanationStatus = (typeof EXPLANATION_STATUSES)[number];

/** The status of an item; items queued before explanations moved off the path have none recorded. */
export function explanationStatus(item: {
  explanation?: ExplanationState | null;
  attributions?: readonly FeatureAttribution[] | null;
}): ExplanationStatus {
  if (item.explanation) return item.explanation.state;
  return item.attributions?.length ? "ready" : "none";
}

/** How long the instance that queued an item owns its explanation before others may re-drive it. */
export const EXPLANATION_LEASE_MS = 30_000;

export function pendingExplanation(now: Date, leaseMs: number = EXPLANATION_LEASE_MS): ExplanationState {
  return {
    state: "pending",
    attempts: 0,
    leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    lastError: null,
    updatedAt: now.toISOString(),
  };
}

export function readyExplanation(now: Date, attempts: number): ExplanationState {
  return { state: "ready", attempts, leaseUntil: null, lastError: null, updatedAt: now.toISOString() };
}

/** A pending explanation nobody owns any more: its lease ran out (a crash, a dropped job, a lost retry). */
export function isStale(explanation: ExplanationState | null | undefined, now: Date): boolean {
  if (explanation?.state !== "pending") return false;
  return explanation.leaseUntil === null || Date.parse(explanation.leaseUntil) <= now.getTime();
}
