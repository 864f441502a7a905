/**
 * The error-budget policy, defined once (Google SRE workbook ch. 5; the seeds' policy; ../shared/OPS.md).
 *
 * - The budget is (1 − SLO) of the scoring requests over a rolling 30 days.
 * - Burn rate over a window = the window's error rate / (1 − SLO): 1× spends the budget in exactly
 *   30 days.
 * - Multi-window alerts (table 5-8): each fires only when both its long and its short window burn
 *   faster than its rate (the short window makes it stop soon after the burning stops).
 * - 30% of the budget burned within 7 days freezes promotions; 80% burned rolls the canary back
 *   (through the alarm path: lib/error-budget/publish-error-budget.ts publishes the share burned,
 *   and the alarm on it triggers the rollback handler).
 */
export const BUDGET_WINDOW_SECONDS = 30 * 86_400;
/** Every window is a multiple of the step, and the step divides every window. */
export const STEP_SECONDS = 300;

export const BURN_WINDOWS = [
  { id: "5m", seconds: 300 },
  { id: "30m", seconds: 1_800 },
  { id: "1h", seconds: 3_600 },
  { id: "6h", seconds: 21_600 },
  { id: "3d", seconds: 259_200 },
] as const;
export type BurnWindowId = (typeof BURN_WINDOWS)[number]["id"];

export const BURN_ALERTS = [
  { id: "page-1h", severity: "page", burnRate: 14.4, longWindow: "1h", shortWindow: "5m", budgetShare: 0.02 },
  { id: "page-6h", severity: "page", burnRate: 6, longWindow: "6h", shortWindow: "30m", budgetShare: 0.05 },
  { id: "ticket-3d", severity: "ticket", burnRate: 1, longWindow: "3d", shortWindow: "6h", budgetShare: 0.1 },
] as const satisfies ReadonlyArray<{ longWindow: BurnWindowId; shortWindow: BurnWindowId } & Record<string, unknown>>;

export const FREEZE_POLICY = { share: 0.3, withinSeconds: 7 * 86_400 } as const;
export const ROLLBACK_POLICY = { share: 0.8 } as const;

/**
 * How far back the series is read: the 30-day window at every point of a 30-day history (the chart,
 * and when a freeze began) needs 60 days. Every window above divides it, so a GetMetricData period of
 * a window's length ends exactly at the evaluation time.
 */
export const LOOKBACK_SECONDS = 2 * BUDGET_WINDOW_SECONDS;
