/**
 * The drift job alone, in a process of its own so that its wall time and peak RSS are the job's
 * (bench/drift.ts starts it with the stack's environment). Prints one JSON line.
 *
 * With a local copy of the capture (argument 5, the bench writes one beside s3rver), two more
 * passes follow the timed job, to tell where its time goes: the S3 reads alone (list and GET every
 * object, bodies drained, nothing decoded) and the computation alone (the same map step,
 * accumulateCapture, on the same objects read from the local files instead of s3rver).
 */
import { createReadStream } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { s3Client } from "@/lib/aws/clients";
import { captureSource } from "@/lib/capture/capture-source";
import { endpointFolder } from "@/lib/capture/capture-layout";
import { listCaptureObjects, type CaptureObject } from "@/lib/capture/list-capture-objects";
import { DriftAccumulator } from "@/lib/drift/accumulator";
import { loadBaseline } from "@/lib/drift/load-baseline";
import { accumulateCapture, baselinePlans, runDriftJob } from "@/lib/drift/run-drift-job";
import { servingVersions } from "@/lib/drift/serving-versions";

const [tenantId, endpointName, fromText, toText, localDir] = process.argv.slice(2) as [string, string, string, string, string?];
const from = new Date(fromText);
const to = new Date(toText);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await runDriftJob({ tenantId, endpointName, from, to });
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
const maxRssKb = process.resourceUsage().maxRSS;
// For bench/drift.ts: the job is over (the stack's CPU until now served it), the split passes follow.
process.stderr.write("job done\n");

async function eachObject(objects: CaptureObject[], read: (object: CaptureObject) => Promise<void>, concurrency = 8) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, objects.length) }, async () => {
      for (let i = next++; i < objects.length; i = next++) await read(objects[i]!);
    }),
  );
}

let split: { s3ReadMs: number; computeMs: number; bytes: number } | undefined;
if (localDir) {
  const source = await captureSource({ tenantId, endpointName });
  const versionOf = await servingVersions({ tenantId, endpointName });
  const planOf = baselinePlans((version) => loadBaseline({ modelPackageGroupName: source.tenant.modelPackageGroupName, version }));
  let t = performance.now();
  const objects = await listCaptureObjects({ destination: source.destination, endpointName, from, to });
  let bytes = 0;
  await eachObject(objects, async (object) => {
    const out = await s3Client().send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key }));
    for await (const chunk of out.Body as AsyncIterable<Uint8Array>) bytes += chunk.length;
  });
  const s3ReadMs = performance.now() - t;
  for (const version of new Set(result.versions.map((v) => v.version))) await planOf(version);
  const folder = endpointFolder(source.destination, endpointName);
  // GetObject answered from the local copy: the map step runs unchanged, without s3rver.
  const local = {
    send: (command: GetObjectCommand) =>
      Promise.resolve({
        Body: createReadStream(path.join(localDir, command.input.Key!.slice(folder.length)), { highWaterMark: 64 * 1024 }),
      }),
  } as unknown as Pick<S3Client, "send">;
  t = performance.now();
  // As the job reads: 8 objects at a time into one accumulator.
  const counts = new DriftAccumulator();
  await eachObject(objects, (object) => accumulateCapture(object, counts, { from, to, versionOf, planOf }, { s3: local }));
  const computeMs = performance.now() - t;
  const records = counts.records;
  if (records !== result.records) throw new Error(`the local pass read ${records} records, the job ${result.records}`);
  split = { s3ReadMs, computeMs, bytes };
}
process.stdout.write(`${JSON.stringify({ wallMs, cpuMs, maxRssKb, split, result })}\n`);
