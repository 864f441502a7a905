/**
 * The drift job alone, in a process of its own so that its wall time and peak RSS are the job's
 * (bench/drift.ts starts it with the stack's environment). Prints one JSON line.
 */
import { performance } from "node:perf_hooks";
import { runDriftJob } from "@/lib/drift/run-drift-job";

const [tenantId, endpointName, from, to] = process.argv.slice(2) as [string, string, string, string];
const started = performance.now();
const result = await runDriftJob({ tenantId, endpointName, from: new Date(from), to: new Date(to) });
const wallMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ wallMs, maxRssKb: process.resourceUsage().maxRSS, result })}\n`);
