import autocannon from "autocannon";

/** One autocannon run and its figures; percentiles come from every response time (autocannon has no p95). */
export interface LoadResult {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadSpec {
  name: string;
  url: string;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
  body: string;
  /** Requests per second from all connections (autocannon's overallRate); unbounded by default. */
  overallRate?: number;
  /** Replace `[<id>]` in the body with a fresh id per request (unique txn_ids: the queue is idempotent per id). */
  idReplacement?: boolean;
  /** The status every answer must have (default: any 2xx); others count as errors. */
  expectedStatus?: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const times: number[] = [];
  const instance = autocannon({
    url: spec.url,
    method: "POST",
    connections: spec.connections,
    duration: spec.durationSeconds,
    headers: spec.headers,
    body: spec.body,
    overallRate: spec.overallRate,
    idReplacement: spec.idReplacement,
  });
  let unexpected = 0;
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    if (spec.expectedStatus !== undefined && status !== spec.expectedStatus) unexpected++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    name: spec.name,
    connections: spec.connections,
    requestsPerSecond: result.requests.total / (result.duration || spec.durationSeconds),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts,
    non2xx: spec.expectedStatus === undefined ? result.non2xx : unexpected,
  };
}

export function formatRow(r: LoadResult, unitsPerRequest = 1): string {
  const rate = r.requestsPerSecond * unitsPerRequest;
  const cells = [
    r.name.padEnd(26),
    String(r.connections).padStart(4),
    rate.toFixed(0).padStart(9),
    r.p50.toFixed(2).padStart(8),
    r.p95.toFixed(2).padStart(8),
    r.p99.toFixed(2).padStart(8),
    String(r.errors + r.non2xx).padStart(6),
  ];
  return cells.join("  ");
}

export const HEADER = [
  "run".padEnd(26),
  "conn".padStart(4),
  "rate/s".padStart(9),
  "p50 ms".padStart(8),
  "p95 ms".padStart(8),
  "p99 ms".padStart(8),
  "errors".padStart(6),
].join("  ");
