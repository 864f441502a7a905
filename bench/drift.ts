/**
 * `npm run bench:drift`: the drift job over 1,000,000 captured records against a Python reference.
 *
 * A throwaway local stack (real s3rver, dynalite, emulators on free ports, as the integration tests
 * start it) gets a tenant serving acme-bank's v2 (production, 90%) and v3 (canary, 10%), and a day
 * of capture written in SageMaker's layout: one JSON line per invocation, an object per variant per
 * five minutes, simulated transactions with drift turned on, scored by the committed models. Then,
 * each in a process of its own: the job (`runDriftJob` over the day), and the Evidently way in
 * Python (pandas + scipy: the window and the training data loaded into DataFrames, the same
 * statistics on raw values). Prints records/s, wall time and peak RSS of both and the largest
 * difference between their figures; for ours also, in separate passes, the S3 reads alone and the
 * computation alone (bench/drift-run.ts), and the CPU the job's process and the stack's used while it
 * ran (the two compete for the machine's cores). Targets: ≤ 10 s and ≤ 300 MB for ours, faster than the
 * reference. The load average at the start and the end is printed: the machine is shared.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { buildTenantData } from "@/infra/model/pipeline/datasets";
import { PYTHON } from "@/infra/model/pipeline/python";
import { TENANT_PLANS } from "@/infra/model/pipeline/plan";
import { createTransactionGenerator } from "@/infra/model/simulator/generator";
import { startLocalStack } from "@/infra/local/stack";
import { applyLocalStackEnv, localStackEnv } from "@/infra/local/stack-env";
import { parseXgboostModel, predictBatch } from "@/infra/local/sagemaker/xgboost";

const RECORDS = Number(process.env.BENCH_DRIFT_RECORDS ?? 1_000_000);
const FROM = new Date("2026-11-01T00:00:00Z");
const TO = new Date("2026-11-02T00:00:00Z");
const OBJECT_MS = 5 * 60_000;
/** BENCH_DRIFT_PROFILE=<dir>: the job's process writes a V8 CPU profile there (node --cpu-prof). */
const PROFILE_ARGS = process.env.BENCH_DRIFT_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_DRIFT_PROFILE}`] : [];
const TENANT = {
  tenantId: "bench-drift",
  name: "Bench drift",
  endpointName: "fraud-bench-drift",
  modelPackageGroupName: "acme-bank-fraud",
};
const ARTIFACTS = path.join(process.cwd(), "infra/model/artifacts/acme-bank-fraud");

function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv, onStderr?: (text: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      onStderr?.(err);
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(" ").slice(0, 80)} failed (${code}): ${err}`))));
  });
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), "fraud-console-bench-drift-"));
  const stack = await startLocalStack({ dataDir: path.join(work, "stack"), transitionMs: 200 });
  try {
    applyLocalStackEnv(stack.urls);
    const { bootstrapResources } = await import("@/infra/local/bootstrap");
    const { createVariantEndpoint, seedTenantModels, waitForEndpoints } = await import("@/infra/local/seed/seed-models");
    const { createTenant } = await import("@/lib/tenants/create-tenant");
    const { captureSource } = await import("@/lib/capture/capture-source");
    const { captureObjectKey, encodeCaptureLine } = await import("@/lib/capture/encode-capture");
    const { s3Client } = await import("@/lib/aws/clients");
    const { FEATURE_NAMES, toFeatureVector } = await import("@/lib/features/schema");
    await bootstrapResources();
    await createTenant({ ...TENANT, createdAt: new Date().toISOString() });
    await seedTenantModels({ ...TENANT, name: TENANT.tenantId });
    await createVariantEndpoint({
      ...TENANT,
      productionVersion: 2,
      canaryVersion: 3,
      weights: { production: 90, canary: 10 },
      featureHeaders: FEATURE_NAMES,
    });
    await waitForEndpoints([TENANT]);
    const { destination } = await captureSource({ tenantId: TENANT.tenantId, endpointName: TENANT.endpointName });

    console.log(`writing ${RECORDS.toLocaleString("en")} captured records to s3://${destination.bucket}/${destination.prefix}/ ...`);
    const models = {
      production: parseXgboostModel(await readFile(path.join(ARTIFACTS, "v2/xgboost-model"))),
      canary: parseXgboostModel(await readFile(path.join(ARTIFACTS, "v3/xgboost-model"))),
    };
    const generator = createTransactionGenerator({
      tenant: "acme-bank",
      seed: 9001,
      driftStart: new Date("2026-09-01T00:00:00Z"),
      drift: { amountGrowthPerMonth: 0.1, ecommerceShiftPerMonth: 0.05, newDeviceShiftPerMonth: 0.05 },
    });
    const localDir = path.join(work, "capture");
    const step = (TO.getTime() - FROM.getTime()) / RECORDS;
    let written = 0;
    let bytes = 0;
    let objects = 0;
    for (let start = FROM.getTime(); start < TO.getTime(); start += OBJECT_MS) {
      const count = Math.min(RECORDS - written, Math.round((start + OBJECT_MS - FROM.getTime()) / step) - written);
      const byVariant = {
        production: [] as Array<{ row: (number | null)[]; time: Date }>,
        canary: [] as Array<{ row: (number | null)[]; time: Date }>,
      };
      for (let i = 0; i < count; i++) {
        const time = new Date(FROM.getTime() + (written + i) * step);
        const row = toFeatureVector(generator.next(time).transaction);
        byVariant[(written + i) % 10 === 9 ? "canary" : "production"].push({ row, time });
      }
      written += count;
      for (const variant of ["production", "canary"] as const) {
        const calls = byVariant[variant];
        if (calls.length === 0) continue;
        const matrix = new Float32Array(calls.length * FEATURE_NAMES.length);
        calls.forEach((c, r) => c.row.forEach((v, j) => (matrix[r * FEATURE_NAMES.length + j] = v ?? NaN)));
        const scores = predictBatch(models[variant], matrix, calls.length);
        const body = `${calls.map((c, r) => encodeCaptureLine({ rows: [c.row], scores: [Number(scores[r]!.toPrecision(7))], time: c.time })).join("\n")}\n`;
        const key = captureObjectKey(destination, TENANT.endpointName, variant, new Date(start + OBJECT_MS - 1));
        await s3Client().send(new PutObjectCommand({ Bucket: destination.bucket, Key: key, Body: body }));
        const local = path.join(localDir, key.slice(`${destination.prefix}/${TENANT.endpointName}/`.length));
        mkdirSync(path.dirname(local), { recursive: true });
        writeFileSync(local, body);
        bytes += Buffer.byteLength(body);
        objects++;
      }
    }
    console.log(`  ${objects} objects, ${(bytes / 1e6).toFixed(0)} MB of JSON lines`);

    const loadAtJob = loadavg()[0]!;
    console.log(`running the drift job (load average ${loadAtJob.toFixed(2)}) ...`);
    const env = { ...process.env, ...localStackEnv(stack.urls) };
    // Asynchronously: the stack's services run in this process and must keep answering. Their CPU
    // while the job runs (until it says "job done", before its split passes) is what serving it cost.
    const stackCpuBefore = process.cpuUsage();
    let stackCpuMs: number | undefined;
    const run = await runProcess(
      process.execPath,
      [
        ...PROFILE_ARGS,
        "--import",
        "tsx",
        "bench/drift-run.ts",
        TENANT.tenantId,
        TENANT.endpointName,
        FROM.toISOString(),
        TO.toISOString(),
        localDir,
      ],
      env,
      (err) => {
        if (stackCpuMs === undefined && err.includes("job done\n")) {
          const used = process.cpuUsage(stackCpuBefore);
          stackCpuMs = (used.user + used.system) / 1000;
        }
      },
    );
    const ours = JSON.parse(run.trim().split("\n").pop()!) as {
      wallMs: number;
      cpuMs: number;
      maxRssKb: number;
      result: { records: number; features: unknown[] };
      split: { s3ReadMs: number; computeMs: number; bytes: number };
    };
    const oursPath = path.join(work, "ours.json");
    writeFileSync(oursPath, JSON.stringify(ours));

    console.log("preparing the reference's training data (simulated, as npm run model:train does) ...");
    const plan = TENANT_PLANS.find((p) => p.tenant === "acme-bank")!;
    const data = await buildTenantData(plan, path.join(work, "training"));
    const reference = await runProcess(
      PYTHON,
      [
        "bench/drift_reference.py",
        localDir,
        path.join(data.sets.full.train, "data.csv"),
        path.join(ARTIFACTS, "v2/baseline.json"),
        oursPath,
      ],
      process.env,
    );
    const ref = JSON.parse(reference.trim().split("\n").pop()!) as {
      seconds: number;
      maxRssKb: number;
      rows: number;
      largest: Record<string, { diff: number; feature: string; ours: number; reference: number }>;
    };

    const oursSeconds = ours.wallMs / 1000;
    console.log(
      `\nload average (1 min): ${loadAtJob.toFixed(2)} when the job started, ${loadavg()[0]!.toFixed(2)} after the reference (2 cores)`,
    );
    console.log(`\nrecords: ${ours.result.records.toLocaleString("en")} in ${objects} capture objects (${(bytes / 1e6).toFixed(0)} MB)`);
    console.log(
      `ours (lib/drift runDriftJob, streaming partials): ${oursSeconds.toFixed(2)} s, ${Math.round(ours.result.records / oursSeconds).toLocaleString("en")} records/s, peak RSS ${mb(ours.maxRssKb)}`,
    );
    console.log(
      `  CPU while the job ran: ${(ours.cpuMs / 1000).toFixed(2)} s in the job's process (one thread), ${((stackCpuMs ?? NaN) / 1000).toFixed(2)} s in the local stack's (s3rver serving it, and the emulators' own timers)`,
    );
    console.log(
      `  where the job's time goes (separate passes after it, same process): S3 reads alone (list + GET from s3rver, nothing decoded) ${(ours.split.s3ReadMs / 1000).toFixed(2)} s (${(ours.split.bytes / 1e6 / (ours.split.s3ReadMs / 1000)).toFixed(0)} MB/s); the map step alone on the local copy (decode + counts, no S3) ${(ours.split.computeMs / 1000).toFixed(2)} s, ${Math.round(ours.result.records / (ours.split.computeMs / 1000)).toLocaleString("en")} records/s`,
    );
    console.log(
      `reference (pandas + scipy, Evidently-style):       ${ref.seconds.toFixed(2)} s, ${Math.round(ref.rows / ref.seconds).toLocaleString("en")} records/s, peak RSS ${mb(ref.maxRssKb)}`,
    );
    console.log(
      `speed-up ${(ref.seconds / oursSeconds).toFixed(1)}x; targets: ≤ 10 s ${oursSeconds <= 10 ? "met" : "MISSED"}, ≤ 300 MB ${ours.maxRssKb <= 300 * 1024 ? "met" : "MISSED"}, faster than the reference ${oursSeconds < ref.seconds ? "met" : "MISSED"}`,
    );
    console.log(
      "largest difference from the reference per statistic (production variant vs v2's training data; KS and W1 within our binning bounds):",
    );
    for (const [stat, d] of Object.entries(ref.largest)) {
      console.log(
        `  ${stat.padEnd(12)} ${d.diff.toExponential(2)}  (${d.feature}: ours ${d.ours.toPrecision(6)}, reference ${d.reference.toPrecision(6)})`,
      );
    }
  } finally {
    await stack.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
