import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { cloudWatchClient, sageMakerClient } from "@/lib/aws/clients";
import { captureConfig, createModel, decodeCaptured, deploy, emulator, eventually, failure, invoke, readCapture, variant } from "./support";

/** Data capture and endpoint metrics as SageMaker writes them. */
const P = "fid-cap";
const startedAt = Date.now();

beforeAll(async () => {
  await createModel(`${P}-tiny`);
  await deploy(`${P}-b64`, { ProductionVariants: [variant("only", `${P}-tiny`)], DataCaptureConfig: captureConfig(`${P}/b64`) });
  await deploy(`${P}-text`, {
    ProductionVariants: [variant("only", `${P}-tiny`)],
    DataCaptureConfig: captureConfig(`${P}/text`, { CsvContentTypes: ["text/csv"] }),
  });
  await deploy(`${P}-shadowed`, {
    ProductionVariants: [variant("production", `${P}-tiny`)],
    ShadowProductionVariants: [variant("shadow", `${P}-tiny`)],
    DataCaptureConfig: captureConfig(`${P}/shadowed`, { CsvContentTypes: ["text/csv"] }),
  });
  await deploy(`${P}-measured`, { ProductionVariants: [variant("only", `${P}-tiny`)] });
});

describe("data capture (API reference: DataCaptureConfig, CaptureContentTypeHeader; developer guide: model-monitor-data-capture)", () => {
  // "If no headers are specified SageMaker AI will by default base64 encode when capturing the data."
  it("base64-encodes payloads whose content type CaptureContentTypeHeader does not list", async () => {
    await invoke({ EndpointName: `${P}-b64`, Body: "1,0.5,-0.2", InferenceId: "b64-1" });
    await emulator("POST", "flush");
    const { lines } = await readCapture(`${P}/b64/`);
    const input = lines[0]!.captureData.endpointInput!;
    expect(input).toMatchObject({ observedContentType: "text/csv", mode: "INPUT", encoding: "BASE64" });
    expect(decodeCaptured(input)).toBe("1,0.5,-0.2");
    expect(lines[0]!.captureData.endpointOutput!.encoding).toBe("BASE64");
  });

  it("writes listed types as text, one JSON line per call under <endpoint>/<variant>/yyyy/mm/dd/hh/", async () => {
    await invoke({ EndpointName: `${P}-text`, Body: "1,0.5,-0.2", InferenceId: "text-1" });
    await emulator("POST", "flush");
    const { keys, lines } = await readCapture(`${P}/text/`);
    expect(keys[0]).toMatch(new RegExp(`^${P}/text/${P}-text/only/\\d{4}/\\d{2}/\\d{2}/\\d{2}/[^/]+\\.jsonl$`));
    expect(lines[0]).toMatchObject({
      captureData: {
        endpointInput: { observedContentType: "text/csv", mode: "INPUT", data: "1,0.5,-0.2", encoding: "CSV" },
        endpointOutput: { observedContentType: "text/csv; charset=utf-8", mode: "OUTPUT", encoding: "CSV" },
      },
      eventMetadata: { inferenceId: "text-1" },
      eventVersion: "0",
    });
  });
});

// CreateEndpointConfig ShadowProductionVariants: "production traffic replicated from the model
// specified on ProductionVariants"; the shadow's answers are not returned to the caller.
describe("shadow variants", () => {
  it("lists the shadow in DescribeEndpoint, answers from production and captures the copy under the shadow's name", async () => {
    const described = await sageMakerClient().send(new DescribeEndpointCommand({ EndpointName: `${P}-shadowed` }));
    expect(described.ProductionVariants?.map((v) => v.VariantName)).toEqual(["production"]);
    expect(described.ShadowProductionVariants?.map((v) => v.VariantName)).toEqual(["shadow"]);
    const output = await invoke({ EndpointName: `${P}-shadowed`, Body: "1,0.5,-0.2", InferenceId: "shadowed-1" });
    expect(output.InvokedProductionVariant).toBe("production");
    const shadow = await eventually(async () => {
      await emulator("POST", "flush");
      const { lines } = await readCapture(`${P}/shadowed/${P}-shadowed/shadow/`);
      return lines.length > 0 ? lines : undefined;
    }, "the shadow's capture");
    expect(shadow[0]!.eventMetadata.inferenceId).toBe("shadowed-1");
    expect(shadow[0]!.captureData.endpointOutput!.data).toBe(output.text);
  });

  it("refuses a shadow beside two production variants (only one of each is allowed)", async () => {
    const error = await failure(() =>
      deploy(`${P}-two-plus-shadow`, {
        ProductionVariants: [variant("a", `${P}-tiny`), variant("b", `${P}-tiny`)],
        ShadowProductionVariants: [variant("s", `${P}-tiny`)],
      }),
    );
    expect(error.name).toBe("ValidationException");
  });
});

// Developer guide, monitoring-cloudwatch: Invocations ("use the Sum statistic"), Invocation5XXErrors
// (1 per 5xx response, else 0: Average = error rate), one value per request.
describe("endpoint metrics in CloudWatch", () => {
  it("gives SampleCount of Invocations = requests and Average of Invocation5XXErrors = the error rate", async () => {
    for (let i = 0; i < 3; i++) await invoke({ EndpointName: `${P}-measured`, Body: "1,2,3" });
    await emulator("POST", "faults", { endpointName: `${P}-measured`, mode: "error", errorRate: 1 });
    await failure(() => invoke({ EndpointName: `${P}-measured`, Body: "1,2,3" }));
    await emulator("DELETE", `faults?endpointName=${P}-measured`);
    await emulator("POST", "flush");
    const dimensions = [
      { Name: "EndpointName", Value: `${P}-measured` },
      { Name: "VariantName", Value: "only" },
    ];
    const query = (Id: string, MetricName: string, Stat: string) => ({
      Id,
      // One period wide enough for the whole test: one datapoint per query.
      MetricStat: { Metric: { Namespace: "AWS/SageMaker", MetricName, Dimensions: dimensions }, Period: 7200, Stat },
    });
    const values = await eventually<Record<string, number | undefined>>(async () => {
      const { MetricDataResults } = await cloudWatchClient().send(
        new GetMetricDataCommand({
          StartTime: new Date(startedAt - 3_600_000),
          EndTime: new Date(startedAt + 3_600_000),
          MetricDataQueries: [
            query("count", "Invocations", "SampleCount"),
            query("sum", "Invocations", "Sum"),
            query("rate", "Invocation5XXErrors", "Average"),
            query("errors", "Invocation5XXErrors", "Sum"),
          ],
        }),
      );
      const byId: Record<string, number | undefined> = Object.fromEntries(
        (MetricDataResults ?? []).map((r): [string, number | undefined] => [r.Id ?? "", r.Values?.[0]]),
      );
      return byId.count === 4 ? byId : undefined;
    }, "published metrics");
    expect(values).toEqual({ count: 4, sum: 4, rate: 0.25, errors: 1 });
  });
});
