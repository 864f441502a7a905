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

/** Admits one request of an API key or throws RateLimitedError (429 with Retry-After, see lib/http/with-api-key.ts). */
export async function enforceRateLimit(
  key: { tenantId: string; keyId: string },
  limitPerSecond: number,
  rateLimiter: RateLimiter = liveLimiter(),
): Promise<void> {
  const admission = await rateLimiter.admit(key, limitPerSecond);
  if (!admission.isAllowed) throw new RateLimitedError(limitPerSecond, admission.retryAfterSeconds);
}
