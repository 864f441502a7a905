import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudWatchClient, s3Client, sageMakerRuntimeClient } from "@/lib/aws/clients";
import { admin, createModel, deployEndpoint, eventually, startTestStack, type TestStack } from "./test-support";

const CAPTURE_BUCKET = "capture";
let stack: TestStack;
const startedAt = new Date();

function captureConfig(endpoint: string, percentage: number, csvContentTypes: string[] | null = ["text/csv"]) {
  return {
    DataCaptureConfig: {
      EnableCapture: true,
      InitialSamplingPercentage: percentage,
      DestinationS3Uri: `s3://${CAPTURE_BUCKET}/datacapture/${endpoint}`,
      CaptureOptions: [{ CaptureMode: "Input" as const }, { CaptureMode: "Output" as const }],
      CaptureContentTypeHeader: csvContentTypes ? { CsvContentTypes: csvContentTypes } : undefined,
    },
  };
}

async function invoke(endpoint: string, body: string, inferenceId?: string, target?: string) {
  return sageMakerRuntimeClient().send(
    new InvokeEndpointCommand({
      EndpointName: endpoint,
      ContentType: "text/csv",
      Body: body,
      InferenceId: inferenceId,
      TargetVariant: target,
    }),
  );
}

async function listKeys(prefix: string): Promise<string[]> {
  const listed = await s3Client().send(new ListObjectsV2Command({ Bucket: CAPTURE_BUCKET, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key!);
}

beforeAll(async () => {
  stack = await startTestStack({ captureFlushMs: 100, metricsFlushMs: 100 });
  await s3Client().send(new CreateBucketCommand({ Bucket: CAPTURE_BUCKET }));
  await createModel("tiny");
  await deployEndpoint("captured", [{ name: "only", model: "tiny" }], captureConfig("captured", 100));
  await deployEndpoint("unsampled", [{ name: "only", model: "tiny" }], captureConfig("unsampled", 0));
  await deployEndpoint("encoded", [{ name: "only", model: "tiny" }], captureConfig("encoded", 100, null));
  await deployEndpoint("measured", [
    { name: "production", model: "tiny" },
    { name: "canary", model: "tiny" },
  ]);
});

afterAll(async () => {
  await stack?.stop();
});

describe("data capture", () => {
  it("writes SageMaker capture lines under endpoint/variant/yyyy/mm/dd/hh", async () => {
    await invoke("captured", "1,0.5,-0.2", "txn-1");
    await invoke("captured", "-1,,0.3\n0.2,-0.4,1.5", "txn-2");
    const keys = await eventually(async () => {
      const found = await listKeys("datacapture/captured/");
      const lines = await Promise.all(found.map(readLines));
      return lines.flat().length >= 2 ? found : undefined;
    }, "capture files");
    for (const key of keys)
      expect(key).toMatch(/^datacapture\/captured\/captured\/only\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/\d{2}-\d{2}-\d{3}-[0-9a-f-]{36}\.jsonl$/);
    const records = (await Promise.all(keys.map(readLines))).flat().map((line) => JSON.parse(line) as CaptureRecord);
    const second = records.find((r) => r.eventMetadata.inferenceId === "txn-2")!;
    expect(second.eventVersion).toBe("0");
    expect(second.captureData.endpointInput).toEqual({
      observedContentType: "text/csv",
      mode: "INPUT",
      data: "-1,,0.3\n0.2,-0.4,1.5",
      encoding: "CSV",
    });
    expect(second.captureData.endpointOutput.mode).toBe("OUTPUT");
    expect(second.captureData.endpointOutput.encoding).toBe("CSV");
    expect(second.captureData.endpointOutput.data.split("\n")).toHaveLength(2);
    expect(second.eventMetadata.inferenceTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(second.eventMetadata.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  // "If no headers are specified SageMaker AI will by default base64 encode when capturing the data"
  // (API reference, CaptureContentTypeHeader); readers decode by `encoding`.
  it("base64-encodes payloads whose content type CaptureContentTypeHeader does not list", async () => {
    await invoke("encoded", "1,0.5,-0.2", "txn-b64");
    const keys = await eventually(async () => {
      const found = await listKeys("datacapture/encoded/");
      return found.length > 0 ? found : undefined;
    }, "capture files");
    const [record] = (await Promise.all(keys.map(readLines))).flat().map((line) => JSON.parse(line) as CaptureRecord);
    expect(record!.captureData.endpointInput).toEqual({
      observedContentType: "text/csv",
      mode: "INPUT",
      data: Buffer.from("1,0.5,-0.2").toString("base64"),
      encoding: "BASE64",
    });
    expect(record!.captureData.endpointOutput.encoding).toBe("BASE64");
    expect(Number(decodeCaptured(record!.captureData.endpointOutput))).toBeGreaterThan(0);
  });

  it("captures nothing at a 0 % sampling rate", async () => {
    await invoke("unsampled", "1,2,3");
    await admin(stack, "POST", "flush");
    expect(await listKeys("datacapture/unsampled/")).toEqual([]);
  });
});

describe("CloudWatch metrics", () => {
  it("publishes per-variant invocations, errors and latency percentiles", async () => {
    for (let i = 0; i < 5; i++) await invoke("measured", "1,2,3", undefined, "production");
    await admin(stack, "POST", "faults", { endpointName: "measured", variantName: "canary", mode: "error" });
    await invoke("measured", "1,2,3", undefined, "canary").catch(() => undefined);
    await admin(stack, "DELETE", "faults");

    const dimensions = (variant: string) => [
      { Name: "EndpointName", Value: "measured" },
      { Name: "VariantName", Value: variant },
    ];
    const query = (id: string, metric: string, variant: string, stat: string) => ({
      Id: id,
      MetricStat: { Metric: { Namespace: "AWS/SageMaker", MetricName: metric, Dimensions: dimensions(variant) }, Period: 3600, Stat: stat },
    });
    const results = await eventually<Record<string, number>>(async () => {
      const data = await cloudWatchClient().send(
        new GetMetricDataCommand({
          StartTime: new Date(startedAt.getTime() - 3_600_000),
          EndTime: new Date(Date.now() + 3_600_000),
          MetricDataQueries: [
            query("invocations", "Invocations", "production", "Sum"),
            query("errors", "Invocation5XXErrors", "canary", "Sum"),
            query("latency", "ModelLatency", "production", "p99"),
            query("overhead", "OverheadLatency", "production", "SampleCount"),
          ],
        }),
      );
      const byId: Record<string, number> = Object.fromEntries(
        (data.MetricDataResults ?? []).map((r) => [r.Id ?? "", r.Values?.reduce((a, b) => a + b, 0) ?? 0]),
      );
      return byId.invocations === 5 && byId.errors === 1 && byId.overhead === 5 ? byId : undefined;
    }, "published metrics");
    expect(results.latency).toBeGreaterThan(0);
  });
});

interface CaptureRecord {
  captureData: {
    endpointInput: { observedContentType: string; mode: string; data: string; encoding: string };
    endpointOutput: { observedContentType: string; mode: string; data: string; encoding: string };
  };
  eventMetadata: { eventId: string; inferenceId?: string; inferenceTime: string };
  eventVersion: string;
}

function decodeCaptured(payload: { data: string; encoding: string }): string {
  return payload.encoding === "BASE64" ? Buffer.from(payload.data, "base64").toString("utf8") : payload.data;
}

async function readLines(key: string): Promise<string[]> {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: CAPTURE_BUCKET, Key: key }));
  return (await object.Body!.transformToString()).split("\n").filter((line) => line !== "");
}
