import { performance } from "node:perf_hooks";
import { toErrorResponse } from "@/lib/http/error-response";
import type { ApiKeyRecord } from "@/lib/api-keys/api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { recordScoringError } from "@/lib/metrics/publish-decision-metrics";
import { cachedSettings } from "@/lib/settings/settings-cache";
import { enforceRateLimit, RateLimitedError } from "@/lib/scoring/rate-limit/enforce-rate-limit";

export interface ApiKeyContext {
  req: Request;
  key: ApiKeyRecord;
  /** Always the key's tenant: a payment app cannot name another tenant. */
  tenantId: string;
  /** performance.now() at arrival, before authentication and body parsing. */
  startedAt: number;
  /**
   * Charges the rest of a request that carries `transactions` transactions: one unit was admitted
   * on arrival (before the body was read), so a batch of n rows costs n in all.
   */
  chargeTransactions: (transactions: number) => Promise<void>;
}

/**
 * The wrapper of the scoring API's route handlers: tenant API key (not a session, no same-origin
 * check: callers are servers), the key's rate limit (before the body is read: a flood costs little),
 * then the handler; anything thrown becomes the one error body.
 */
export function withApiKey(handler: (ctx: ApiKeyContext) => Promise<Response>): (req: Request) => Promise<Response> {
  return async (req) => {
    const startedAt = performance.now();
    let tenantId: string | undefined;
    try {
      const key = await authenticateApiKey(req.headers.get("authorization"));
      tenantId = key.tenantId;
      const { rateLimitPerSecond } = await cachedSettings({ tenantId: key.tenantId });
      await enforceRateLimit(key, rateLimitPerSecond);
      const chargeTransactions = (transactions: number) =>
        enforceRateLimit(key, rateLimitPerSecond, { units: transactions - 1, requestTotal: transactions });
      return await handler({ req, key, tenantId: key.tenantId, startedAt, chargeTransactions });
    } catch (error) {
      const response = toErrorResponse(error);
      // Only a 5xx of an authenticated tenant's request counts against its SLO; 4xx are the caller's.
      if (tenantId && response.status >= 500) recordScoringError({ tenantId, at: Date.now() });
      if (error instanceof RateLimitedError) response.headers.set("retry-after", String(error.retryAfterSeconds));
      return response;
    }
  };
}
