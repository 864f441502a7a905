/**
 * `npm run bench:metrics [-- --data-dir .data] [-- --runs 20]`: GET /api/metrics over HTTP, signed in
 * as acme-bank's ML engineer, for the 1 h, 24 h and 7 d ranges (every panel), next to the raw
 * GetMetricData calls those panels make (their durations summed per request; the route runs the
 * panels in parallel), timed in the same run against the same CloudWatch. Without
 * --data-dir it starts a throwaway demo (seeded with three days of history, no traffic simulator).
 * Each request names a fresh custom range (`to` moves by a millisecond) so the route's per-tenant
 * cache never answers: the figures are the work itself. Target: 24 h p95 ≤ 300 ms.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { applyLocalStackEnv } from "@/infra/local/stack-env";
import { attachToDemo, startDemo } from "./score-stack";

const { values } = parseArgs({ options: { "data-dir": { type: "string" }, runs: { type: "string", default: "20" } } });
const RUNS = Number(values.runs);
/** Each range at its finest step (the target is 24 h at one-minute resolution; a week's finest is ten minutes). */
const RANGES = {
  "1h": { span: 3_600_000, step: 60 },
  "24h": { span: 86_400_000, step: 60 },
  "7d": { span: 7 * 86_400_000, step: 600 },
} as const;
const PASSWORD = process.env.DEMO_PASSWORD ?? "demo1234";

const target = values["data-dir"] ? await attachToDemo(values["data-dir"]) : await startDemo();
applyLocalStackEnv(target.stack);
const { getDashboard, panelsFor } = await import("@/lib/dashboards/get-dashboard");
const { cloudWatchClient } = await import("@/lib/aws/clients");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const fmt = (ms: number) => ms.toFixed(1).padStart(7);

async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = pair!.split("=");
      jar.set(name!, rest.join("="));
    }
  };
  const header = () => [...jar].map(([n, v]) => `${n}=${v}`).join("; ");
  const csrf = await fetch(`${target.consoleUrl}/api/auth/csrf`);
  remember(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${target.consoleUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: target.consoleUrl },
    body: new URLSearchParams({ csrfToken, email: "mlops@acme-bank.test", password: PASSWORD, json: "true" }),
  });
  remember(callback);
  if (![...jar.keys()].some((n) => n.includes("session-token"))) throw new Error(`sign-in failed (${callback.status})`);
  return header();
}

/** The panels' GetMetricData calls alone: the same dashboard built in this process, timing only CloudWatch's answers. */
async function rawCalls(from: number, to: number, step: number): Promise<{ ms: number; calls: number }> {
  const client = cloudWatchClient();
  let ms = 0;
  let calls = 0;
  const timed: Pick<CloudWatchClient, "send"> = {
    send: (async (command: Parameters<CloudWatchClient["send"]>[0]) => {
      const started = performance.now();
      try {
        return await client.send(command);
      } finally {
        if (command.constructor.name === "GetMetricDataCommand") {
          ms += performance.now() - started;
          calls++;
        }
      }
    }) as CloudWatchClient["send"],
  };
  const range = { from, to, step: 0 };
  const { parseDashboardRange } = await import("@/lib/dashboards/range");
  Object.assign(range, parseDashboardRange(new URLSearchParams({ from: String(from), to: String(to), step: String(step) }), to));
  await getDashboard(
    { tenantId: "acme-bank", range, panels: panelsFor("ml_engineer"), now: to },
    { cloudWatch: timed, onMetricCalls: () => undefined },
  );
  return { ms, calls };
}

try {
  const cookie = await signIn();
  console.log(`GET /api/metrics (every panel, acme-bank, ${RUNS} runs each) vs the GetMetricData calls it makes, same run:\n`);
  console.log("range   step  route p50  route p95   GetMetricData p50  p95   calls/request");
  for (const [name, { span, step }] of Object.entries(RANGES)) {
    const route: number[] = [];
    const raw: number[] = [];
    let calls = 0;
    for (let i = 0; i < RUNS; i++) {
      const to = Date.now() - i;
      const from = to - span;
      const started = performance.now();
      const response = await fetch(`${target.consoleUrl}/api/metrics?from=${from}&to=${to}&step=${step}`, { headers: { cookie } });
      const body = await response.text();
      route.push(performance.now() - started);
      if (!response.ok) throw new Error(`GET /api/metrics answered ${response.status}: ${body.slice(0, 300)}`);
      const measured = await rawCalls(from, to, step);
      raw.push(measured.ms);
      calls = measured.calls;
    }
    route.sort((a, b) => a - b);
    raw.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(5)} ${String(step).padStart(5)} s ${fmt(percentile(route, 50))} ms ${fmt(percentile(route, 95))} ms   ${fmt(percentile(raw, 50))} ms ${fmt(percentile(raw, 95))} ms   ${calls}`,
    );
  }
} finally {
  await target.stop();
}
