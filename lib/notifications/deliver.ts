import type { NotificationAttempt } from "@/lib/deployments/rollback-event";

export interface DeliveryOptions {
  /** Attempts in all (bounded: a webhook that is down must not keep a rollback's notifier busy). */
  attempts?: number;
  /** Wait before attempt n+1: baseDelayMs · 4^(n-1) (200 ms, 800 ms by default). */
  baseDelayMs?: number;
  /** Per attempt. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POSTs one JSON message to a webhook, retrying network errors, 429 and 5xx a bounded number of
 * times; a 4xx other than 429 is final (the URL or the message is wrong, a retry cannot help).
 * Never throws: the attempts say what happened.
 */
export async function deliver(
  url: string,
  message: unknown,
  options: DeliveryOptions = {},
): Promise<{ delivered: boolean; attempts: NotificationAttempt[] }> {
  const { attempts = 3, baseDelayMs = 200, timeoutMs = 5_000, fetch: post = fetch, now = () => new Date(), sleep = defaultSleep } = options;
  const log: NotificationAttempt[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const at = now().toISOString();
    try {
      const response = await post(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error",
      });
      await response.arrayBuffer().catch(() => undefined);
      log.push({ at, ok: response.ok, status: response.status });
      if (response.ok) return { delivered: true, attempts: log };
      if (response.status < 500 && response.status !== 429) break;
    } catch (error) {
      log.push({ at, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error) });
    }
    if (attempt < attempts) await sleep(baseDelayMs * 4 ** (attempt - 1));
  }
  return { delivered: false, attempts: log };
}
