import { ModelError, ValidationError } from "@aws-sdk/client-sagemaker-runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { createModel, deploy, emulator, failure, invoke, variant } from "./support";

/**
 * SageMaker Runtime InvokeEndpoint as AWS and SageMaker's XGBoost 1.7-1 container answer it. Each
 * case names the document or source it follows.
 */
const P = "fid-rt";

beforeAll(async () => {
  await createModel(`${P}-tiny`);
  await deploy(`${P}-plain`, { ProductionVariants: [variant("only", `${P}-tiny`)] });
  await deploy(`${P}-split`, { ProductionVariants: [variant("production", `${P}-tiny`, 3), variant("canary", `${P}-tiny`, 1)] });
});

describe("container errors (sagemaker-xgboost-container serve.py; InvokeEndpoint API reference, Errors)", () => {
  // serve.py: parse_content_data failures → 415; predict failures → 400; SageMaker wraps the
  // container's answer in ModelError 424 with OriginalStatusCode.
  it.each([
    ["a CSV value that is not a number", "text/csv", "1,abc,3", 415, /could not convert string to float: 'abc'/],
    ["CSV rows of different widths", "text/csv", "1,2,3\n1,2", 415, /Loading csv data failed/],
    ["a row wider than the model", "text/csv", "1,2,3,4", 400, /Number of columns does not match number of features/],
    ["application/json (not a type the 1.7-1 container reads)", "application/json", "[[1,2,3]]", 415, /not supported/],
  ])("%s → ModelError 424, OriginalStatusCode %i", async (_, contentType, body, status, message) => {
    const error = await failure(() => invoke({ EndpointName: `${P}-plain`, ContentType: contentType, Body: body }));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.$metadata?.httpStatusCode).toBe(424);
    expect((error as ModelError).OriginalStatusCode).toBe(status);
    expect((error as ModelError).OriginalMessage).toMatch(message);
    expect((error as ModelError).LogStreamArn).toBe(`arn:aws:logs:us-east-1:000000000000:log-group:/aws/sagemaker/Endpoints/${P}-plain`);
  });

  // XGBoost scores a DMatrix with fewer columns than num_feature: the rest are missing.
  it("scores a row narrower than the model with the remaining features missing", async () => {
    const narrow = await invoke({ EndpointName: `${P}-plain`, Body: "1,0.5" });
    const missing = await invoke({ EndpointName: `${P}-plain`, Body: "1,0.5," });
    expect(narrow.text).toBe(missing.text);
  });
});

describe("InvokeEndpoint request rules (InvokeEndpoint API reference)", () => {
  it("refuses an unknown endpoint with ValidationError 400", async () => {
    const error = await failure(() => invoke({ EndpointName: `${P}-ghost`, Body: "1,2,3" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toBe(`Endpoint ${P}-ghost of account 000000000000 not found.`);
  });

  // "Maximum request body size 6 MB"; AWS answers 413 "HTTP content length exceeded 6291456 bytes."
  it("refuses a body over 6 MB with 413", async () => {
    const body = new Uint8Array(6 * 1024 * 1024 + 1).fill(0x31);
    const error = await failure(() => invoke({ EndpointName: `${P}-plain`, Body: body }));
    expect(error.$metadata?.httpStatusCode).toBe(413);
    expect(error.message).toBe("HTTP content length exceeded 6291456 bytes.");
  });

  // TargetModel is "the model to request for inference when invoking a multi-model endpoint".
  it("refuses TargetModel on a single-model endpoint with ValidationError", async () => {
    const error = await failure(() => invoke({ EndpointName: `${P}-plain`, Body: "1,2,3", TargetModel: "m.tar.gz" }));
    expect(error).toBeInstanceOf(ValidationError);
  });

  // CustomAttributes in the response: "if a custom attribute was set by the model"; XGBoost sets none.
  it("does not echo the request's CustomAttributes", async () => {
    const output = await invoke({ EndpointName: `${P}-plain`, Body: "1,2,3", CustomAttributes: "trace=1" });
    expect(output.CustomAttributes).toBeUndefined();
  });

  // TargetVariant "overrides the default behavior for the endpoint, which is to distribute the
  // invocation traffic based on the variant weights".
  it("sends TargetVariant to the named variant and names it in InvokedProductionVariant", async () => {
    for (const name of ["canary", "production", "canary"]) {
      expect((await invoke({ EndpointName: `${P}-split`, Body: "1,2,3", TargetVariant: name })).InvokedProductionVariant).toBe(name);
    }
    const error = await failure(() => invoke({ EndpointName: `${P}-split`, Body: "1,2,3", TargetVariant: "nope" }));
    expect(error).toBeInstanceOf(ValidationError);
  });
});

// Routing by weight (UpdateEndpointWeightsAndCapacities: share = weight / sum of weights), drawn
// from the endpoint's seeded PRNG so a seed reproduces the sequence (emulator README, "Seeded chance").
describe("seeded routing", () => {
  const route = async (n: number) => {
    const picked: string[] = [];
    for (let i = 0; i < n; i++) picked.push((await invoke({ EndpointName: `${P}-split`, Body: "1,2,3" })).InvokedProductionVariant!);
    return picked;
  };

  it("repeats the same variants for the same seed, in shares that follow the weights", async () => {
    await emulator("POST", "router", { endpointName: `${P}-split`, seed: 2026 });
    const first = await route(120);
    await emulator("POST", "router", { endpointName: `${P}-split`, seed: 2026 });
    expect(await route(120)).toEqual(first);
    const share = first.filter((v) => v === "production").length / first.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.9);
  });
});
