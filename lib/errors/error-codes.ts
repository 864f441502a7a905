/**
 * The error codes the console's API answers with, and the HTTP status of each. One table, so a
 * handler never picks a status by hand and a client can branch on `error.code`.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  // Promotion guardrails (lib/promotion): a refusal is 409 with a code per gate, so a client can say which.
  gate_roc_auc: 409,
  gate_champion: 409,
  model_not_approved: 409,
  backtest_running: 409,
  deployment_conflict: 409,
  no_canary: 409,
  canary_unhealthy: 409,
  canary_too_few_requests: 409,
  budget_frozen: 409,
  // Retraining (lib/training): one job at a time per tenant.
  training_running: 409,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** The one error body: `{ "error": { "code", "message", "details"? } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
