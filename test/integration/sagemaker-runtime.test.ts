import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { InvokeEndpointCommand, ModelError } from "@aws-sdk/client-sagemaker-runtime";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { s3Client, sageMakerRuntimeClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { LEGIT_DEMO, SUSPICIOUS_DEMO } from "@/lib/features/demo-transactions";
import { FEATURE_NAMES, toCsvRow } from "@/lib/features/schema";
import { parseTransaction } from "@/lib/features/transaction";
import { createTestTenant, type TestTenant } from "./fixtures";

// Its own endpoint (acme-bank's v2 in production, v3 as canary), built as the seed builds the demo's:
// the faults below are injected on it, and its data capture prefix holds only this file's calls.
let tenant: TestTenant;
let ENDPOINT = "";

beforeAll(async () => {
  tenant = await createTestTenant({ label: "runtime", endpoint: { weights: { production: 1, canary: 1 } } });
  ENDPOINT = tenant.endpointName;
});
afterEach(() => tenant.clearFaults());
afterAll(() => tenant.dispose());

function csvOf(...txns: unknown[]): string {
  return txns
    .map((txn) => {
      const parsed = parseTransaction(txn);
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      return toCsvRow(parsed.data);
    })
    .join("\n");
}

async function invoke(body: string, extra: Partial<ConstructorParameters<typeof InvokeEndpointCommand>[0]> = {}) {
  const response = await sageMakerRuntimeClient().send(
    new InvokeEndpointCommand({ EndpointName: ENDPOINT, ContentType: "text/csv", Body: new TextEncoder().encode(body), ...extra }),
  );
  return { text: new TextDecoder().decode(response.Body), variant: response.InvokedProductionVariant, contentType: response.ContentType };
}

async function flushCapture(): Promise<void> {
  const response = await fetch(`${inject("stackUrls").sagemaker}/_emulator/flush`, { method: "POST" });
  expect(response.ok).toBe(true);
}

describe("an endpoint through @aws-sdk/client-sagemaker-runtime", () => {
  it("scores the payment apps' demo transactions: LEGIT low, SUSPICIOUS high, on the production variant", async () => {
    const { text, variant } = await invoke(csvOf(LEGIT_DEMO, SUSPICIOUS_DEMO), { TargetVariant: "production" });
    // The endpoint has a Clarify explainer config, so even with explanations off the answer is Clarify's JSON.
    const body = JSON.parse(text) as { predictions: { data: string }; explanations: object };
    expect(body.explanations).toEqual({});
    const [legit, suspicious] = body.predictions.data.trim().split("\n").map(Number);
    expect(variant).toBe("production");
    expect(legit).toBeLessThan(0.1);
    expect(suspicious).toBeGreaterThan(0.9);
  });

  it("explains only the records whose score passes the EnableExplanations expression, in Clarify's format", async () => {
    const { text } = await invoke(csvOf(LEGIT_DEMO, SUSPICIOUS_DEMO), { TargetVariant: "production", EnableExplanations: "[0]>`0.5`" });
    const body = JSON.parse(text) as {
      predictions: { data: string };
      explanations: { kernel_shap: Array<null | Array<{ feature_header: string; attributions: Array<{ attribution: number[] }> }>> };
    };
    const scores = body.predictions.data.trim().split("\n").map(Number);
    const [legitExplanation, suspiciousExplanation] = body.explanations.kernel_shap;
    expect(legitExplanation).toBeNull();
    expect(suspiciousExplanation?.map((f) => f.feature_header)).toEqual(FEATURE_NAMES);
    // Clarify has no base value; the console derives it as logit(score) − Σ attributions. It must be the
    // same for every record of one model (the expected margin).
    const sum = suspiciousExplanation!.reduce((acc, f) => acc + f.attributions[0]!.attribution[0]!, 0);
    const score = scores[1]!;
    const base = Math.log(score / (1 - score)) - sum;
    const { text: again } = await invoke(csvOf({ ...SUSPICIOUS_DEMO, amount: 9000 }), {
      TargetVariant: "production",
      EnableExplanations: "`true`",
    });
    const other = JSON.parse(again) as typeof body;
    const otherScore = Number(other.predictions.data.trim());
    const otherSum = other.explanations.kernel_shap[0]!.reduce((acc, f) => acc + f.attributions[0]!.attribution[0]!, 0);
    expect(Math.log(otherScore / (1 - otherScore)) - otherSum).toBeCloseTo(base, 3);
  });

  it("answers a killed variant with SageMaker's ModelError, typed by the SDK, and leaves the other variant serving", async () => {
    await tenant.setFault({ variantName: "canary", mode: "down" });
    const error = await invoke(csvOf(LEGIT_DEMO), { TargetVariant: "canary" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 424 }, OriginalStatusCode: 0 });
    expect((error as ModelError).LogStreamArn).toMatch(/^arn:aws:logs:/);
    const healthy = await invoke(csvOf(LEGIT_DEMO), { TargetVariant: "production" });
    expect(healthy.variant).toBe("production");
  });

  // The XGBoost container answers a row wider than the model 400 ("Unable to evaluate payload"),
  // which SageMaker wraps in ModelError 424 (sagemaker-xgboost-container serve.py).
  it("refuses a row with more columns than the model has features as the container does", async () => {
    const error = await invoke(Array.from({ length: FEATURE_NAMES.length + 1 }, () => "1").join(",")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 424 }, OriginalStatusCode: 400 });
  });

  it("captures input and output as JSON lines under <endpoint>/<variant>/yyyy/mm/dd/hh/", async () => {
    await invoke(csvOf(LEGIT_DEMO), { TargetVariant: "production" });
    await flushCapture();
    const listed = await s3Client().send(
      new ListObjectsV2Command({ Bucket: env().CAPTURE_BUCKET, Prefix: `datacapture/${ENDPOINT}/production/` }),
    );
    const keys = listed.Contents?.map((o) => o.Key ?? "") ?? [];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys[0]).toMatch(new RegExp(`^datacapture/${ENDPOINT}/production/\\d{4}/\\d{2}/\\d{2}/\\d{2}/.+\\.jsonl$`));
  });
});
