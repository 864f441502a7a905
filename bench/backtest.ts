/**
 * npm run bench:backtest — the backtest's throughput and peak memory over 100,000 captured
 * transactions (lib/promotion/backtest/run-backtest.ts, the function the console runs), next to
 * the emulator's own batch scoring rate on the same rows in the same run (InvokeEndpoint with the
 * backtest's batch size on the same temporary-endpoint kind of deployment: the tenant's endpoint).
 *
 * A throwaway local stack; a tenant of its own; capture written as SageMaker writes it (100
 * objects of 1,000 lines, one row each, as scoring's single-row calls are captured).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startLocalStack } from "@/infra/local/stack";
import { applyLocalStackEnv } from "@/infra/local/stack-env";

const TRANSACTIONS = Number(process.argv[2] ?? 100_000);
const PER_OBJECT = 1000;

const dataDir = await mkdtemp(path.join(tmpdir(), "bench-backtest-"));
const stack = await startLocalStack({ dataDir, transitionMs: 200 });
applyLocalStackEnv(stack.urls);
try {
  const { bootstrapResources } = await import("@/infra/local/bootstrap");
  await bootstrapResources();
  const { seedTenantModels } = await import("@/infra/local/seed/seed-models");
  const { DEMO_TENANTS } = await import("@/infra/local/seed/demo-tenants");
  const { FEATURE_NAMES, toCsvRow } = await import("@/lib/features/schema");
  await seedTenantModels(DEMO_TENANTS[0]!);
  const { seedDeploymentStory } = await import("@/infra/local/seed/seed-deployments");
  await seedDeploymentStory(DEMO_TENANTS[0]!, FEATURE_NAMES);
  const { createTestTenantRecords } = await import("@/test/support/test-tenant");
  const tenant = await createTestTenantRecords({ label: "bench-backtest" });
  const { s3Client, sageMakerRuntimeClient } = await import("@/lib/aws/clients");
  const { PutObjectCommand } = await import("@aws-sdk/client-s3");
  const { InvokeEndpointCommand } = await import("@aws-sdk/client-sagemaker-runtime");
  const { env } = await import("@/lib/env");

  const now = new Date();
  const hour = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${String(now.getUTCDate()).padStart(2, "0")}/${String(now.getUTCHours()).padStart(2, "0")}`;
  const row = (i: number) =>
    toCsvRow({
      txn_id: `b${i}`,
      amount: 10 + ((i * 37) % 5000),
      device: i % 3 === 0 ? "rooted-phone" : "mobile",
      geo: i % 7 === 0 ? "unknown" : "US",
    } as never);
  const rows: string[] = [];
  for (let i = 0; i < TRANSACTIONS; i++) rows.push(row(i));
  const time = new Date(now.getTime() - 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  for (let o = 0; o * PER_OBJECT < TRANSACTIONS; o++) {
    const lines = rows.slice(o * PER_OBJECT, (o + 1) * PER_OBJECT).map((r, i) =>
      JSON.stringify({
        captureData: {
          endpointInput: { observedContentType: "text/csv", mode: "INPUT", data: r, encoding: "CSV" },
          endpointOutput: { observedContentType: "text/csv; charset=utf-8", mode: "OUTPUT", data: "0.01", encoding: "CSV" },
        },
        eventMetadata: { eventId: `e${o}-${i}`, inferenceTime: time },
        eventVersion: "0",
      }),
    );
    await s3Client().send(
      new PutObjectCommand({
        Bucket: env().CAPTURE_BUCKET,
        Key: `datacapture/${tenant.endpointName}/production/${hour}/${String(o).padStart(5, "0")}.jsonl`,
        Body: `${lines.join("\n")}\n`,
      }),
    );
  }

  const { BATCH_ROWS, runBacktest } = await import("@/lib/promotion/backtest/run-backtest");
  const { startBacktest, getBacktest } = await import("@/lib/promotion/backtest/backtest-store");
  const { captureReader } = await import("@/lib/promotion/backtest/capture-reader");
  const { listModelVersions } = await import("@/lib/models/list-model-versions");
  const v2 = (await listModelVersions({ tenantId: tenant.tenantId })).find((v) => v.version === 2)!;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 50);
  const from = new Date(now.getTime() - 3_600_000).toISOString();
  const to = new Date(now.getTime() + 60_000).toISOString();
  const backtest = await startBacktest({
    tenantId: tenant.tenantId,
    version: 2,
    endpointName: tenant.endpointName,
    from,
    to,
    actor: "bench",
  });
  const started = performance.now();
  await runBacktest(backtest, v2.arn, { capture: captureReader({ tenantId: tenant.tenantId }) });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const done = await getBacktest({ tenantId: tenant.tenantId, id: backtest.id });
  // Baseline, after the backtest (its calls are captured on the tenant's endpoint and must not be
  // replayed): the emulator alone, the same rows in the backtest's batch size.
  const encoder = new TextEncoder();
  const baseStart = performance.now();
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await sageMakerRuntimeClient().send(
      new InvokeEndpointCommand({
        EndpointName: tenant.endpointName,
        TargetVariant: "production",
        ContentType: "text/csv",
        Accept: "text/csv",
        Body: encoder.encode(rows.slice(i, i + BATCH_ROWS).join("\n")),
      }),
    );
  }
  const baseSeconds = (performance.now() - baseStart) / 1000;

  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  console.log(
    `backtest: ${done.status}, ${done.progress.rowsScored} transactions in ${seconds.toFixed(1)} s = ${(done.progress.rowsScored / seconds).toFixed(0)} transactions/s (includes the temporary endpoint's start)`,
  );
  console.log(
    `backtest memory: peak heap ${mb(peakHeap)} MB (${mb(peakHeap - heapBefore)} MB above the start), peak RSS ${mb(peakRss)} MB`,
  );
  console.log(
    `baseline, emulator batch scoring alone (InvokeEndpoint, ${BATCH_ROWS} rows a call): ${TRANSACTIONS} rows in ${baseSeconds.toFixed(1)} s = ${(TRANSACTIONS / baseSeconds).toFixed(0)} rows/s`,
  );
} finally {
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}
