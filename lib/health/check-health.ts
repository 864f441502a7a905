/**
 * Runs dependency checks in parallel, each bounded by a timeout, and reports each one's outcome.
 * Pure orchestration: the checks themselves (lib/health/aws-checks.ts) are passed in.
 */
export type HealthCheck = (signal: AbortSignal) => Promise<unknown>;

export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  /** A short, secret-free reason (an error name or "timeout"), never an SDK message. */
  error?: string;
}

export interface HealthReport {
  status: "ok" | "degraded";
  checks: Record<string, CheckResult>;
}

export async function checkHealth(
  checks: Record<string, HealthCheck>,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<HealthReport> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const now = options.now ?? (() => performance.now());
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await runCheck(check, timeoutMs, now)] as const),
  );
  const results = Object.fromEntries(entries);
  return { status: entries.every(([, r]) => r.ok) ? "ok" : "degraded", checks: results };
}

async function runCheck(check: HealthCheck, timeoutMs: number, now: () => number): Promise<CheckResult> {
  const started = now();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race, not only the abort signal, enforces the timeout: not every client honours the signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Reject before aborting: the abort makes the check reject too, and the race keeps the first.
      reject(new TimeoutError());
      controller.abort();
    }, timeoutMs);
  });
  try {
    await Promise.race([check(controller.signal), timeout]);
    return { ok: true, latencyMs: elapsed(started, now) };
  } catch (error) {
    return { ok: false, latencyMs: elapsed(started, now), error: describeFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}

class TimeoutError extends Error {
  override name = "timeout";
}

function elapsed(started: number, now: () => number): number {
  return Math.round(now() - started);
}

/** Error name or errno code only: messages may carry hosts, ARNs or account ids. */
function describeFailure(error: unknown): string {
  if (error instanceof TimeoutError) return "timeout";
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return typeof code === "string" && /^[A-Z_]+$/.test(code) ? code : sanitiseName(error.name);
  }
  return "error";
}

function sanitiseName(name: string): string {
  return /^[A-Za-z]{1,64}$/.test(name) ? name : "error";
}
