import { readdir, readFile } from "node:fs/promises";
import {
  InvokeEndpointCommand,
  ModelError,
  SageMakerRuntimeServiceException,
  ValidationError,
  type InvokeEndpointCommandInput,
} from "@aws-sdk/client-sagemaker-runtime";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sageMakerRuntimeClient } from "@/lib/aws/clients";
import { modelFileFrom } from "./runtime/model-archive";
import { parseXgboostModel } from "./xgboost";
import {
  admin,
  BUCKET,
  createModel,
  deployEndpoint,
  putObject,
  readFixture,
  startTestStack,
  TINY_FEATURES,
  type TestStack,
} from "./test-support";

interface Expected {
  rows: (number | null)[][];
  predictions: number[];
  contribs: number[][];
}

interface ClarifyBody {
  version: string;
  predictions: { content_type: string; data: string };
  explanations: { kernel_shap?: ({ feature_header: string; attributions: { attribution: number[] }[] }[] | null)[] };
}

let stack: TestStack;
let expected: Expected;
const CSV_ROWS = () => expected.rows.map((row) => row.map((v) => (v === null ? "" : String(v))).join(",")).join("\n");

async function invoke(input: Omit<InvokeEndpointCommandInput, "Body"> & { Body: string }) {
  const output = await sageMakerRuntimeClient().send(new InvokeEndpointCommand(input));
  return { ...output, text: new TextDecoder().decode(output.Body) };
}

async function invokeError(input: Omit<InvokeEndpointCommandInput, "Body"> & { Body: string }): Promise<SageMakerRuntimeServiceException> {
  const error = await invoke(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SageMakerRuntimeServiceException);
  return error as SageMakerRuntimeServiceException;
}

beforeAll(async () => {
  stack = await startTestStack();
  expected = await readFixture<Expected>("tiny-expected.json");
  await createModel("tiny");
  await deployEndpoint("plain", [{ name: "only", model: "tiny" }]);
  await deployEndpoint("split", [
    { name: "production", model: "tiny", weight: 3 },
    { name: "canary", model: "tiny", weight: 1 },
  ]);
  await deployEndpoint("explained", [{ name: "only", model: "tiny" }], {
    ExplainerConfig: {
      ClarifyExplainerConfig: {
        EnableExplanations: "[0]>`0.5`",
        InferenceConfig: { FeatureHeaders: ["amt", "vel", "rooted"] },
        ShapConfig: { ShapBaselineConfig: { ShapBaseline: "0,0,0" } },
      },
    },
  });
  await deployEndpoint("explained-unnamed", [{ name: "only", model: "tiny" }], {
    ExplainerConfig: { ClarifyExplainerConfig: { ShapConfig: { ShapBaselineConfig: { ShapBaseline: "0,0,0\n1,1,1" } } } },
  });
});

afterAll(async () => {
  await stack?.stop();
});

describe("InvokeEndpoint without an explainer", () => {
  it("scores many CSV rows, empty fields missing, one score per line", async () => {
    const output = await invoke({ EndpointName: "plain", ContentType: "text/csv", Body: CSV_ROWS() });
    expect(output.ContentType).toBe("text/csv; charset=utf-8");
    expect(output.InvokedProductionVariant).toBe("only");
    const scores = output.text.split("\n").map(Number);
    expect(scores).toHaveLength(3);
    scores.forEach((score, i) => expect(score).toBeCloseTo(expected.predictions[i]!, 6));
  });

  it("answers JSON when Accept asks for it", async () => {
    const output = await invoke({ EndpointName: "plain", ContentType: "text/csv", Accept: "application/json", Body: CSV_ROWS() });
    expect(output.ContentType).toBe("application/json");
    const parsed = JSON.parse(output.text) as { predictions: { score: number }[] };
    expect(parsed.predictions.map((p) => p.score)).toEqual(expected.predictions.map((p) => expect.closeTo(p, 6) as number));
  });

  // CustomAttributes come back only when the model sets them (InvokeEndpoint API reference); the
  // XGBoost container never does.
  it("honours TargetVariant and does not echo the request's custom attributes", async () => {
    const output = await invoke({
      EndpointName: "split",
      ContentType: "text/csv",
      Body: "1,2,3",
      TargetVariant: "canary",
      CustomAttributes: "trace=abc",
    });
    expect(output.InvokedProductionVariant).toBe("canary");
    expect(output.CustomAttributes).toBeUndefined();
  });

  // Seeded routing (README, "Routing"): the same seed and weights give the same variants, and the
  // shares follow weight / sum of weights (UpdateEndpointWeightsAndCapacities API reference).
  it("routes by weight with a seeded, reproducible sequence", async () => {
    const route = async (n: number) => {
      const picked: string[] = [];
      for (let i = 0; i < n; i++) {
        picked.push((await invoke({ EndpointName: "split", ContentType: "text/csv", Body: "1,2,3" })).InvokedProductionVariant!);
      }
      return picked;
    };
    await admin(stack, "POST", "router", { endpointName: "split", seed: 42 });
    const first = await route(200);
    await admin(stack, "POST", "router", { endpointName: "split", seed: 42 });
    expect(await route(200)).toEqual(first);
    const share = first.filter((v) => v === "production").length / first.length;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.85);
  });

  it("TargetVariant draws nothing: the seeded sequence continues where it was", async () => {
    const next = async (target?: string) =>
      (await invoke({ EndpointName: "split", ContentType: "text/csv", Body: "1,2,3", TargetVariant: target })).InvokedProductionVariant;
    await admin(stack, "POST", "router", { endpointName: "split", seed: 7 });
    const plain = [await next(), await next(), await next()];
    await admin(stack, "POST", "router", { endpointName: "split", seed: 7 });
    const mixed = [await next(), await next("canary"), await next(), await next("canary"), await next()];
    expect([mixed[0], mixed[2], mixed[4]]).toEqual(plain);
  });
});

describe("Clarify explanations", () => {
  function attributions(body: ClarifyBody, record: number): number[] | undefined {
    return body.explanations.kernel_shap?.[record]?.map((f) => f.attributions[0]!.attribution[0]!);
  }

  it("explains the records the expression selects, with exact TreeSHAP in log-odds", async () => {
    const output = await invoke({ EndpointName: "explained", ContentType: "text/csv", Accept: "application/json", Body: CSV_ROWS() });
    expect(output.ContentType).toBe("application/json");
    const body = JSON.parse(output.text) as ClarifyBody;
    expect(body.version).toBe("1.0");
    expect(body.predictions.content_type).toBe("text/csv; charset=utf-8");
    expect(body.predictions.data.split("\n").map(Number)).toEqual(expected.predictions.map((p) => expect.closeTo(p, 6) as number));
    // Only the first record scores above 0.5.
    expect(body.explanations.kernel_shap).toHaveLength(3);
    expect(body.explanations.kernel_shap![1]).toBeNull();
    expect(body.explanations.kernel_shap![2]).toBeNull();
    expect(body.explanations.kernel_shap![0]!.map((f) => f.feature_header)).toEqual(["amt", "vel", "rooted"]);
    const phi = attributions(body, 0)!;
    phi.forEach((value, j) => expect(value).toBeCloseTo(expected.contribs[0]![j]!, 5));
  });

  it("lets the request header override the config's expression", async () => {
    const all = await invoke({ EndpointName: "explained", ContentType: "text/csv", Body: CSV_ROWS(), EnableExplanations: "`true`" });
    const body = JSON.parse(all.text) as ClarifyBody;
    for (let r = 0; r < 3; r++) {
      attributions(body, r)!.forEach((value, j) => expect(value).toBeCloseTo(expected.contribs[r]![j]!, 5));
    }
    const none = await invoke({ EndpointName: "explained", ContentType: "text/csv", Body: CSV_ROWS(), EnableExplanations: "`false`" });
    expect((JSON.parse(none.text) as ClarifyBody).explanations).toEqual({});
  });

  it("uses the model's feature names when the explainer config names none", async () => {
    const output = await invoke({ EndpointName: "explained-unnamed", ContentType: "text/csv", Body: "1,0.5,-0.2" });
    const body = JSON.parse(output.text) as ClarifyBody;
    expect(body.explanations.kernel_shap![0]!.map((f) => f.feature_header)).toEqual(TINY_FEATURES);
  });

  // Without an ExplainerConfig there is no explainer: the header changes nothing and the container
  // answers as usual (SageMaker developer guide, clarify-online-explainability-invoke-endpoint).
  it("ignores EnableExplanations on an endpoint without an explainer config", async () => {
    const output = await invoke({ EndpointName: "plain", ContentType: "text/csv", Body: "1,0.5,-0.2", EnableExplanations: "`true`" });
    expect(output.ContentType).toBe("text/csv; charset=utf-8");
    expect(Number(output.text)).toBeGreaterThan(0);
  });
});

describe("runtime errors", () => {
  it("answers ValidationError for an unknown endpoint and an unknown TargetVariant", async () => {
    const unknown = await invokeError({ EndpointName: "ghost", ContentType: "text/csv", Body: "1,2,3" });
    expect(unknown).toBeInstanceOf(ValidationError);
    expect(unknown.message).toBe("Endpoint ghost of account 000000000000 not found.");
    expect(unknown.$metadata.httpStatusCode).toBe(400);

    const variant = await invokeError({ EndpointName: "plain", ContentType: "text/csv", Body: "1,2,3", TargetVariant: "nope" });
    expect(variant).toBeInstanceOf(ValidationError);
  });

  // sagemaker-xgboost-container serve.py: a payload it cannot load → 415, one it cannot evaluate → 400;
  // SageMaker wraps the container's answer in ModelError 424.
  it.each([
    ["a value that is not a number", "text/csv", "1,abc,3", 415],
    ["rows of different widths", "text/csv", "1,2,3\n1,2", 415],
    ["more columns than features", "text/csv", "1,2,3,4", 400],
    ["application/json", "application/json", "[[1,2,3]]", 415],
    ["a type the container cannot read", "application/x-protobuf", "xx", 415],
  ])("answers ModelError with the container's status for %s", async (_, contentType, body, status) => {
    const error = await invokeError({ EndpointName: "plain", ContentType: contentType, Body: body });
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).OriginalStatusCode).toBe(status);
    expect(error.$metadata.httpStatusCode).toBe(424);
  });
});

describe("fault injection", () => {
  afterEach(async () => {
    await admin(stack, "DELETE", "faults");
  });

  it("'down' fails every call to the variant as a crashed container, other variants unaffected", async () => {
    await admin(stack, "POST", "faults", { endpointName: "split", variantName: "canary", mode: "down" });
    expect(await admin(stack, "GET", "faults")).toEqual({ faults: [{ endpointName: "split", variantName: "canary", mode: "down" }] });
    const error = await invokeError({ EndpointName: "split", ContentType: "text/csv", Body: "1,2,3", TargetVariant: "canary" });
    expect(error).toBeInstanceOf(ModelError);
    const modelError = error as ModelError;
    expect(modelError.OriginalStatusCode).toBe(0);
    expect(modelError.LogStreamArn).toBe("arn:aws:logs:us-east-1:000000000000:log-group:/aws/sagemaker/Endpoints/split");
    expect(modelError.message).toContain("could not get a response");
    const healthy = await invoke({ EndpointName: "split", ContentType: "text/csv", Body: "1,2,3", TargetVariant: "production" });
    expect(healthy.InvokedProductionVariant).toBe("production");
  });

  it("'error' fails the given fraction with the container's 500", async () => {
    await admin(stack, "POST", "faults", { endpointName: "plain", mode: "error", errorRate: 1 });
    const error = await invokeError({ EndpointName: "plain", ContentType: "text/csv", Body: "1,2,3" });
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).OriginalStatusCode).toBe(500);
    await admin(stack, "POST", "faults", { endpointName: "plain", mode: "error", errorRate: 0 });
    await expect(invoke({ EndpointName: "plain", ContentType: "text/csv", Body: "1,2,3" })).resolves.toBeDefined();
  });

  it("'slow' still answers, and cleared faults stop applying", async () => {
    await admin(stack, "POST", "faults", { endpointName: "plain", mode: "slow", latencyMs: 30 });
    await expect(invoke({ EndpointName: "plain", ContentType: "text/csv", Body: "1,2,3" })).resolves.toMatchObject({
      InvokedProductionVariant: "only",
    });
    await admin(stack, "POST", "faults", { endpointName: "plain", mode: "down" });
    expect(await admin(stack, "DELETE", "faults?endpointName=plain")).toEqual({ removed: 1 });
    await expect(invoke({ EndpointName: "plain", ContentType: "text/csv", Body: "1,2,3" })).resolves.toBeDefined();
  });

  it("refuses a malformed fault", async () => {
    await expect(admin(stack, "POST", "faults", { endpointName: "plain", mode: "explode" })).rejects.toThrow(/400/);
  });
});

describe("committed model artifacts", () => {
  it("serves a model.tar.gz from infra/model/artifacts and scores as the evaluator does", async () => {
    const archive = await readFile(await firstArtifact());
    await putObject("committed/model.tar.gz", archive);
    const local = parseXgboostModel(await modelFileFrom(archive));
    await createModel("committed", `s3://${BUCKET}/committed/model.tar.gz`);
    const described = await deployEndpoint("committed", [{ name: "production", model: "committed" }]);
    expect(described.EndpointStatus).toBe("InService");
    const row = Array.from({ length: local.numFeatures }, (_, j) => (j % 3 === 0 ? "" : String(j * 1.5)));
    const output = await invoke({ EndpointName: "committed", ContentType: "text/csv", Body: row.join(",") });
    const expectedScore = local.predict(row.map((v) => (v === "" ? NaN : Number(v))));
    expect(Number(output.text)).toBeCloseTo(expectedScore, 6);
  });
});

async function firstArtifact(): Promise<URL> {
  const base = new URL("../../model/artifacts/", import.meta.url);
  for (const group of (await readdir(base)).sort()) {
    for (const version of (await readdir(new URL(`${group}/`, base))).sort()) {
      const file = new URL(`${group}/${version}/model.tar.gz`, base);
      if (
        await readFile(file).then(
          () => true,
          () => false,
        )
      )
        return file;
    }
  }
  throw new Error("no committed model.tar.gz under infra/model/artifacts");
}
