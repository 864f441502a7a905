import type { Slo } from "@/lib/settings/tenant-settings";
import type { BurnWindowId } from "./policy";

/** GET /api/error-budget, the Models page's budget section, and the promotion freeze check. */
export interface BurnRate {
  window: BurnWindowId;
  seconds: number;
  requests: number;
  bad: number;
  /** bad / requests; null without requests. */
  errorRate: number | null;
  /** errorRate / (1 − SLO); null without requests. */
  burnRate: number | null;
  /** p95 of the console's scoring latency over the window (ms); null without requests. */
  latencyP95Ms: number | null;
}

export interface BurnAlert {
  id: string;
  severity: "page" | "ticket";
  burnRate: number;
  longWindow: BurnWindowId;
  shortWindow: BurnWindowId;
  /** Share of the 30-day budget such a burn spends before the long window fires. */
  budgetShare: number;
  firing: boolean;
}

export interface BudgetPoint {
  at: string;
  /** 1 − consumed over the 30 days ending here (below 0 once overspent). */
  remaining: number;
  /** Share of the 30-day budget burned in the 7 days ending here (the freeze rule). */
  burnedLast7d: number;
  /** Burn rate over the hour ending here; null without requests. */
  burnRate1h: number | null;
}

export interface ErrorBudget {
  tenantId: string;
  slo: Slo;
  /** The rolling window the budget covers, ending at the last full 5 minutes. */
  window: { from: string; to: string; days: number };
  requests: number;
  bad: number;
  /** (1 − SLO) × requests: how many bad requests the 30 days may have. */
  allowedBad: number;
  /** 1 − bad / allowedBad (1 without requests; negative once overspent). */
  remaining: number;
  consumed: number;
  burnedLast7d: number;
  burnRates: BurnRate[];
  alerts: BurnAlert[];
  latency: { p95Ms: number | null; objectiveMs: number; met: boolean | null };
  /** Promotions frozen: ≥ 30% of the budget burned within 7 days. */
  frozen: boolean;
  /** When the current freeze began (the first 5-minute step it held, within the last 30 days). */
  frozenSince: string | null;
  /** When the freeze lifts if no more requests fail (bad requests age out of the 7 days). */
  frozenUntil: string | null;
  /** ≥ 80% burned: the canary is rolled back (the ErrorBudgetBurned alarm). */
  rollbackDue: boolean;
  thresholds: { freezeShare: number; rollbackShare: number };
  timeline: BudgetPoint[];
}
