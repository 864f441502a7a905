import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetMetricDataCommand, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { startCloudWatchEmulator } from "./server";

/**
 * Throughput check: `npx tsx infra/local/cloudwatch/bench.ts [seconds]`.
 * Pushes per-variant endpoint metrics through the real SDK as fast as 8 concurrent callers can,
 * for a bounded time, then times dashboard-style GetMetricData calls. Prints figures against the
 * required rate (a few hundred datums per second); loopback only.
 */
const SECONDS = Number(process.argv[2] ?? 10);
const REQUIRED_DATUMS_PER_SECOND = 300;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "cloudwatch-bench-"));
  const service = await startCloudWatchEmulator({ port: 0, dataDir, maintenanceEveryMs: 2000 });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_CLOUDWATCH: service.url,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
  });
  const { cloudWatchClient } = await import("@/lib/aws/clients");
  const dims = (v: string) => [
    { Name: "EndpointName", Value: "bench" },
    { Name: "VariantName", Value: v },
  ];
  let datums = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const variant = datums % 2 ? "canary" : "production";
      await cloudWatchClient().send(
        new PutMetricDataCommand({
          Namespace: "AWS/SageMaker",
          MetricData: [
            { MetricName: "Invocations", Dimensions: dims(variant), Value: 1, Unit: "Count" },
            ...Array.from({ length: 9 }, () => ({
              MetricName: "ModelLatency",
              Dimensions: dims(variant),
              Value: 800 + Math.random() * 4000,
              Unit: "Microseconds" as const,
            })),
          ],
        }),
      );
      datums += 10;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  const rate = datums / ((Date.now() - started) / 1000);
  const queryStarted = performance.now();
  const queries = 50;
  for (let i = 0; i < queries; i++) {
    await cloudWatchClient().send(
      new GetMetricDataCommand({
        StartTime: new Date(Date.now() - 3 * 3600_000),
        EndTime: new Date(Date.now() + 60_000),
        MetricDataQueries: ["production", "canary"].flatMap((v) =>
          ["p50", "p99", "Average"].map((Stat) => ({
            Id: `${v}_${Stat.replace(".", "_").toLowerCase()}`,
            MetricStat: { Metric: { Namespace: "AWS/SageMaker", MetricName: "ModelLatency", Dimensions: dims(v) }, Period: 60, Stat },
          })),
        ),
      }),
    );
  }
  const queryMs = (performance.now() - queryStarted) / queries;
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
  console.log(
    `PutMetricData: ${datums} datums in ${SECONDS}s = ${rate.toFixed(0)} datums/s (required ${REQUIRED_DATUMS_PER_SECOND}/s: ${(rate / REQUIRED_DATUMS_PER_SECOND).toFixed(1)}x)`,
  );
  console.log(`GetMetricData (6 queries, p50/p99/Average over 3 h): ${queryMs.toFixed(1)} ms per call`);
}

void main();
