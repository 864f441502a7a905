import { AppError } from "@/lib/errors/app-error";
import { dynamoLease } from "./lease-window";
import { createRateLimiter, type RateLimiter } from "./rate-limiter";

let limiter: RateLimiter | undefined;
let lastLogged = 0;

function liveLimiter(): RateLimiter {
  return (limiter ??= createRateLimiter({
    lease: dynamoLease(),
    onLeaseError: (error) => {
      // Fail open, and say so at most once a second rather than per request.
      if (Date.now() - lastLogged < 1000) return;
      lastLogged = Date.now();
      console.warn(`rate limit lease failed, admitting locally: ${(error as Error).name}: ${(error as Error).message}`);
    },
  }));
}

export class RateLimitedError extends AppError {
  constructor(
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", `This API key is limited to ${limit} requests per second; retry after ${retryAfterSeconds} s`, {
      details: { limitPerSecond: limit, retryAfterSeconds },
    });
  }
}

export interface RateLimitCharge {
  /** Units to admit now (one per transaction). */
  units?: number;
  /** Transactions the whole request carries, when part of it was admitted earlier; defaults to `units`. */
  requestTotal?: number;
  rateLimiter?: RateLimiter;
}

/**
 * Admits `units` transactions of an API key (1 for a single score, n for a batch of n) or throws
 * RateLimitedError (429 with Retry-After, see lib/http/with-api-key.ts). A request carrying more transactions
 * than the per-second limit can never be admitted, so that is a 413 telling the caller to split the
 * batch, not a 429 to retry.
 */
export async function enforceRateLimit(
  key: { tenantId: string; keyId: string },
  limitPerSecond: number,
  { units = 1, requestTotal = units, rateLimiter = liveLimiter() }: RateLimitCharge = {},
): Promise<void> {
  if (requestTotal > limitPerSecond) {
    throw new AppError(
      "payload_too_large",
      `${requestTotal} transactions exceed this API key's limit of ${limitPerSecond} per second; send smaller batches`,
      { details: { limitPerSecond, transactions: requestTotal } },
    );
  }
  if (units <= 0) return;
  const admission = await rateLimiter.admit(key, limitPerSecond, units);
  if (!admission.isAllowed) throw new RateLimitedError(limitPerSecond, admission.retryAfterSeconds);
}
