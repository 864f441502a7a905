/**
 * `npm run bench:rollback [-- --runs 20] [-- --transition-ms 1000]`: the one-click rollback on a
 * throwaway local stack, over `runs` rollbacks of a 90/10 canary (each run first puts the canary
 * back with setWeights and waits until it serves):
 *   - accepted: the rollback call (lib/deployments rollback, what POST /api/endpoints/{name}/rollback
 *     runs) returns — the click is answered;
 *   - moved: from the click until DescribeEndpoint shows canary CurrentWeight 0 (the traffic moved).
 * Baseline in the same run: a bare UpdateEndpointWeightsAndCapacities → CurrentWeight moved, i.e.
 * the emulator's own update time, so what rollback adds on top is visible. `--transition-ms` (the
 * launcher's default 1000 ms) is the emulator's time for changes that load models; a weights-only
 * update, what a rollback of a canary is, takes a quarter of it (infra/local/sagemaker/README.md).
 * Both stand in for SageMaker's, which AWS does not document. Target (issue [7/12]): moved ≤ 1 s.
 *
 * The alarm path (breach → rollback finished) is `npm run bench:alarm-rollback` (bench/alarm-rollback.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { defaultWeightsTransitionMs } from "@/infra/local/sagemaker/server";
import { startLocalStack } from "@/infra/local/stack";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "20" }, "transition-ms": { type: "string", default: "1000" } },
});
const RUNS = Number(values.runs);
const TRANSITION_MS = Number(values["transition-ms"]);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const summary = (label: string, ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
  return `${label.padEnd(44)} p50 ${f(percentile(sorted, 50))}   p95 ${f(percentile(sorted, 95))}   max ${f(sorted.at(-1) ?? NaN)}`;
};

/** Each AWS call the rollback makes: when it was sent (ms after the click) and how long it took. */
const trace: Array<{ name: string; sent: number; done: number }> = [];
let traceStart = 0;
const beforeUpdate: number[] = [];
const steps = new Map<string, number[]>();

const dataDir = await mkdtemp(path.join(tmpdir(), "bench-rollback-"));
const stack = await startLocalStack({ dataDir, transitionMs: TRANSITION_MS });
const { bootstrapResources } = await import("@/infra/local/bootstrap");
const { DEMO_TENANTS } = await import("@/infra/local/seed/demo-tenants");
const { seedTenantModels } = await import("@/infra/local/seed/seed-models");
const { createTestTenantRecords } = await import("@/test/support/test-tenant");
const { sageMakerClient } = await import("@/lib/aws/clients");
const { UpdateEndpointWeightsAndCapacitiesCommand } = await import("@aws-sdk/client-sagemaker");
const { getDeployment } = await import("@/lib/deployments/deployment-record");
const { rollback } = await import("@/lib/deployments/rollback");
const { documentClient } = await import("@/lib/aws/clients");
const { setWeights } = await import("@/lib/deployments/set-weights");
const { waitForWeights } = await import("@/lib/deployments/wait-endpoint");

try {
  await bootstrapResources();
  await seedTenantModels(DEMO_TENANTS[0]!);
  const tenant = await createTestTenantRecords({
    label: "bench-rollback",
    endpoint: { productionVersion: 1, canaryVersion: 2, weights: { production: 90, canary: 10 } },
  });
  const { tenantId, endpointName } = tenant;
  const sm = sageMakerClient();
  const canary = { production: 90, canary: 10 };
  const rolledBack = { production: 100, canary: 0 };
  const wait = async (weights: Record<string, number>) => {
    if (!(await waitForWeights(endpointName, weights, { sageMaker: sm, timeoutMs: 60_000, pollMs: 10 })))
      throw new Error("weights never moved");
  };

  // Baseline: the bare SageMaker call, click → CurrentWeight moved.
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const target = i % 2 === 0 ? rolledBack : canary;
    const started = performance.now();
    await sm.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: endpointName,
        DesiredWeightsAndCapacities: Object.entries(target).map(([VariantName, DesiredWeight]) => ({ VariantName, DesiredWeight })),
      }),
    );
    await wait(target);
    bare.push(performance.now() - started);
  }
  // Leave the endpoint as the record says it is (90/10).
  if (RUNS % 2 === 1) {
    await sm.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: endpointName,
        DesiredWeightsAndCapacities: Object.entries(canary).map(([VariantName, DesiredWeight]) => ({ VariantName, DesiredWeight })),
      }),
    );
    await wait(canary);
  }

  const { accepted, moved } = await timeRollbacks({ tenantId, endpointName, runs: RUNS, restore: canary, target: rolledBack, wait });
  console.log(
    `\nrollback on the local stack, ${RUNS} runs, emulator transition ${TRANSITION_MS} ms, weights-only ${defaultWeightsTransitionMs(TRANSITION_MS)} ms (stand in for SageMaker's update time)`,
  );
  console.log(summary("baseline: bare UpdateEndpointWeights → moved", bare));
  console.log(summary("rollback: click → accepted (answer)", accepted));
  console.log(summary("rollback: click → traffic moved", moved));
  const overhead = accepted.map((a, i) => moved[i]! - a);
  console.log(summary("rollback: accepted → traffic moved", overhead));
  console.log(summary("rollback: click → UpdateEndpointWeights sent", beforeUpdate));
  console.log("\nper call the rollback makes (its duration):");
  for (const [name, ms] of steps) console.log(summary(`  ${name} ×${(ms.length / RUNS).toFixed(1)}`, ms));
} finally {
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}

/** `runs` rollbacks, each after restoring the canary: click → accepted and click → CurrentWeight moved. */
async function timeRollbacks(input: {
  tenantId: string;
  endpointName: string;
  runs: number;
  restore: Record<string, number>;
  target: Record<string, number>;
  wait: (weights: Record<string, number>) => Promise<void>;
}): Promise<{ accepted: number[]; moved: number[] }> {
  const accepted: number[] = [];
  const moved: number[] = [];
  for (let i = 0; i < input.runs; i++) {
    const record = (await getDeployment(input))!;
    if (record.kind === "rollback") {
      await setWeights({ ...input, weights: input.restore, reason: "bench: canary back", expectedVersion: record.version, actor: "bench" });
      await input.wait(input.restore);
    }
    trace.length = 0;
    const started = performance.now();
    traceStart = started;
    const { event } = await rollback(
      { ...input, trigger: "manual", actor: "bench", reason: `bench run ${i + 1}` },
      { db: traced(documentClient()), sageMaker: traced(sageMakerClient()) },
    );
    if (event.outcome !== "succeeded") throw new Error(`rollback ${i + 1}: ${event.outcome} ${JSON.stringify(event.error)}`);
    accepted.push(performance.now() - started);
    await input.wait(input.target);
    moved.push(performance.now() - started);
    const update = trace.find((t) => t.name === "UpdateEndpointWeightsAndCapacitiesCommand");
    if (update) beforeUpdate.push(update.sent);
    for (const t of trace) (steps.get(t.name) ?? steps.set(t.name, []).get(t.name)!).push(t.done - t.sent);
  }
  return { accepted, moved };
}

function traced<C extends { send: (command: never) => Promise<unknown> }>(client: C): C {
  return {
    send: async (command: { constructor: { name: string } }) => {
      const sent = performance.now() - traceStart;
      try {
        return await (client.send as (c: unknown) => Promise<unknown>)(command);
      } finally {
        trace.push({ name: command.constructor.name, sent, done: performance.now() - traceStart });
      }
    },
  } as unknown as C;
}
