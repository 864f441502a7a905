import { isConditionFailed } from "@/lib/db/condition";

/**
 * Retries a DynamoDB write on transient trouble (throttling, 5xx, network), on top of the SDK's own
 * three attempts, because a lost queue write loses a fraud case. Conditional-check failures and
 * validation errors are answers, not trouble, and pass straight through.
 */
const PERMANENT = new Set(["ValidationException", "ResourceNotFoundException", "AccessDeniedException"]);

export function isTransient(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? "";
  return !isConditionFailed(error) && !PERMANENT.has(name);
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetries<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 3, baseDelayMs = 20, sleep = defaultSleep } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      // Full jitter: concurrent retries of one hot partition must not arrive together again.
      await sleep(Math.random() * baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
