import type { Slo } from "@/lib/settings/tenant-settings";
import type { BudgetPoint, BurnAlert, BurnRate, ErrorBudget } from "./error-budget";
import {
  BUDGET_WINDOW_SECONDS,
  BURN_ALERTS,
  BURN_WINDOWS,
  FREEZE_POLICY,
  LOOKBACK_SECONDS,
  ROLLBACK_POLICY,
  STEP_SECONDS,
  type BurnWindowId,
} from "./policy";

/**
 * The budget's arithmetic on 5-minute steps, pure (unit-tested on hand-computed series). The reader
 * (read-slo-series.ts) fills the steps from CloudWatch; every window is a whole number of steps
 * ending at `endMs`, the evaluation time (a step boundary).
 */
export interface SloSeries {
  /** Step i covers [endMs − LOOKBACK + i·STEP, … + STEP); LOOKBACK / STEP entries. */
  requests: readonly number[];
  bad: readonly number[];
  /** p95 latency (ms) per burn window and over the 30 days, where there were requests. */
  latencyP95Ms: Partial<Record<BurnWindowId | "30d", number>>;
}

export interface BudgetInput {
  tenantId: string;
  slo: Slo;
  endMs: number;
  series: SloSeries;
  /** The timeline's stretch and step (a multiple of 5 minutes); default: the 30 days, hourly. */
  timeline?: { fromMs: number; stepSeconds: number };
}

const STEPS = LOOKBACK_SECONDS / STEP_SECONDS;
const steps = (seconds: number) => seconds / STEP_SECONDS;
const iso = (ms: number) => new Date(ms).toISOString();

function prefixSums(values: readonly number[]): Float64Array {
  const sums = new Float64Array(STEPS + 1);
  for (let i = 0; i < STEPS; i++) sums[i + 1] = sums[i]! + (values[i] ?? 0);
  return sums;
}

export function computeErrorBudget(input: BudgetInput): ErrorBudget {
  const { slo, endMs } = input;
  const allowedShare = 1 - slo.availabilityTarget;
  const req = prefixSums(input.series.requests);
  const bad = prefixSums(input.series.bad);
  // Sums over the `count` steps ending at step boundary k (k = STEPS is endMs).
  const sum = (p: Float64Array, k: number, count: number) => p[k]! - p[Math.max(0, k - count)]!;
  const timeAt = (k: number) => endMs - (STEPS - k) * STEP_SECONDS * 1000;
  const budgetSteps = steps(BUDGET_WINDOW_SECONDS);
  const freezeSteps = steps(FREEZE_POLICY.withinSeconds);

  const allowedAt = (k: number) => allowedShare * sum(req, k, budgetSteps);
  const consumedAt = (k: number) => share(sum(bad, k, budgetSteps), allowedAt(k));
  const burned7At = (k: number) => share(sum(bad, k, freezeSteps), allowedAt(k));
  const burnAt = (k: number, seconds: number): number | null => {
    const n = sum(req, k, steps(seconds));
    return n > 0 ? sum(bad, k, steps(seconds)) / n / allowedShare : null;
  };

  const burnRates: BurnRate[] = BURN_WINDOWS.map(({ id, seconds }) => {
    const requests = sum(req, STEPS, steps(seconds));
    const badCount = sum(bad, STEPS, steps(seconds));
    const errorRate = requests > 0 ? badCount / requests : null;
    return {
      window: id,
      seconds,
      requests,
      bad: badCount,
      errorRate,
      burnRate: errorRate === null ? null : errorRate / allowedShare,
      latencyP95Ms: input.series.latencyP95Ms[id] ?? null,
    };
  });
  const rateOf = (id: BurnWindowId) => burnRates.find((b) => b.window === id)?.burnRate ?? null;
  const exceeds = (id: BurnWindowId, rate: number) => (rateOf(id) ?? 0) > rate;
  const alerts: BurnAlert[] = BURN_ALERTS.map((a) => ({
    ...a,
    firing: exceeds(a.longWindow, a.burnRate) && exceeds(a.shortWindow, a.burnRate),
  }));

  const requests = sum(req, STEPS, budgetSteps);
  const badCount = sum(bad, STEPS, budgetSteps);
  const allowedBad = allowedAt(STEPS);
  const consumed = consumedAt(STEPS);
  const burnedLast7d = burned7At(STEPS);
  const isFrozenAt = (k: number) => burned7At(k) >= FREEZE_POLICY.share;
  const frozen = isFrozenAt(STEPS);

  let frozenSince: string | null = null;
  let frozenUntil: string | null = null;
  if (frozen) {
    let k = STEPS;
    while (k - 1 >= STEPS - budgetSteps && isFrozenAt(k - 1)) k--;
    frozenSince = iso(timeAt(k));
    // With no more bad requests (and today's traffic), the freeze lifts once enough of the last 7
    // days' bad requests have aged out of the window.
    const limit = FREEZE_POLICY.share * allowedBad;
    let j = 1;
    while (j <= freezeSteps && sum(bad, STEPS, freezeSteps - j) >= limit) j++;
    frozenUntil = iso(endMs + j * STEP_SECONDS * 1000);
  }

  const latency30d = input.series.latencyP95Ms["30d"] ?? null;
  const every = steps(Math.max(STEP_SECONDS, input.timeline?.stepSeconds ?? 3_600));
  const first = input.timeline
    ? STEPS - Math.floor((endMs - Math.max(input.timeline.fromMs, timeAt(0))) / (every * STEP_SECONDS * 1000)) * every
    : STEPS - budgetSteps + every;
  const timeline: BudgetPoint[] = [];
  for (let k = Math.max(0, first); k <= STEPS; k += every) {
    timeline.push({ at: iso(timeAt(k)), remaining: 1 - consumedAt(k), burnedLast7d: burned7At(k), burnRate1h: burnAt(k, 3_600) });
  }

  return {
    tenantId: input.tenantId,
    slo,
    window: { from: iso(endMs - BUDGET_WINDOW_SECONDS * 1000), to: iso(endMs), days: BUDGET_WINDOW_SECONDS / 86_400 },
    requests,
    bad: badCount,
    allowedBad,
    remaining: 1 - consumed,
    consumed,
    burnedLast7d,
    burnRates,
    alerts,
    latency: { p95Ms: latency30d, objectiveMs: slo.latencyP95Ms, met: latency30d === null ? null : latency30d <= slo.latencyP95Ms },
    frozen,
    frozenSince,
    frozenUntil,
    rollbackDue: consumed >= ROLLBACK_POLICY.share,
    thresholds: { freezeShare: FREEZE_POLICY.share, rollbackShare: ROLLBACK_POLICY.share },
    timeline,
  };
}

/** bad / allowed; no requests means nothing was spent. */
function share(badCount: number, allowed: number): number {
  return allowed > 0 ? badCount / allowed : 0;
}

/** The evaluation time for `now`: the last full 5 minutes (CloudWatch's periods then line up). */
export function evaluationEnd(now: Date): number {
  const step = STEP_SECONDS * 1000;
  return Math.floor(now.getTime() / step) * step;
}
