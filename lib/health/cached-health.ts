import type { HealthReport } from "./check-health";

export interface CachedHealthReport extends HealthReport {
  /** When the dependency checks behind this report ran (ISO 8601). */
  checkedAt: string;
}

export interface CachedHealthOptions {
  /** How long one round of checks answers every caller. */
  ttlMs: number;
  /** Milliseconds since the epoch; injectable so tests move time themselves. */
  now?: () => number;
}

/**
 * /api/health is public and polled (load balancers, the launcher, anyone): without this, every
 * anonymous hit costs one call to each AWS dependency. One round of checks answers all callers for
 * ttlMs, and callers that arrive while a round is running wait for that round instead of starting
 * another. The cache is per process and holds nothing that matters across requests.
 *
 * (The smallest thing that works: the shared stale-while-revalidate helper from [5/12]'s adapter
 * layer had not landed when this was written; switch to it once it has.)
 */
export function cachedHealth(runChecks: () => Promise<HealthReport>, options: CachedHealthOptions): () => Promise<CachedHealthReport> {
  const now = options.now ?? Date.now;
  let current: { startedAt: number; report: Promise<CachedHealthReport> } | undefined;
  return () => {
    const startedAt = now();
    if (!current || startedAt - current.startedAt >= options.ttlMs) {
      const round = { startedAt, report: runChecks().then((report) => ({ ...report, checkedAt: new Date(startedAt).toISOString() })) };
      // checkHealth reports failures rather than throwing; should anything throw, do not keep it.
      round.report.catch(() => {
        if (current === round) current = undefined;
      });
      current = round;
    }
    return current.report;
  };
}
