import { readFile } from "node:fs/promises";
import { CreateEndpointConfigCommand, type ExplainerConfig } from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { sageMakerClient } from "@/lib/aws/clients";
import { createModel, deploy, failure, invoke, variant } from "./support";

/** SageMaker Clarify online explainability, as the SageMaker developer guide and API reference describe it. */
const P = "fid-clarify";
const FRAUD_FEATURES = 14;
const fixture = JSON.parse(
  await readFile(new URL("../../infra/local/sagemaker/test-fixtures/tiny-expected.json", import.meta.url), "utf8"),
) as { rows: (number | null)[][]; predictions: number[]; contribs: number[][] };

interface ClarifyAnswer {
  predictions: { data: string };
  explanations: { kernel_shap?: ({ feature_header: string; attributions: { attribution: number[] }[] }[] | null)[] };
}

const explainer = (baseline: string, extra: object = {}) => ({
  ClarifyExplainerConfig: { EnableExplanations: "`true`", ShapConfig: { ShapBaselineConfig: { ShapBaseline: baseline }, ...extra } },
});

beforeAll(async () => {
  await createModel(`${P}-tiny`);
  await createModel(`${P}-fraud`, "fraud");
  await deploy(`${P}-tiny`, { ProductionVariants: [variant("only", `${P}-tiny`)], ExplainerConfig: explainer("0,0,0") });
  await deploy(`${P}-plain`, { ProductionVariants: [variant("only", `${P}-tiny`)] });
  // The largest inline baseline AWS allows (ShapBaseline ≤ 4096 characters): 146 records, so each
  // explained record scores 146 × 2,076 synthetic rows through the model.
  const zeros = Array.from({ length: FRAUD_FEATURES }, () => "0").join(",");
  const baseline = Array.from({ length: Math.floor(4096 / (zeros.length + 1)) }, () => zeros).join("\n");
  await deploy(`${P}-heavy`, { ProductionVariants: [variant("only", `${P}-fraud`)], ExplainerConfig: explainer(baseline) });
  await deploy(`${P}-fraud-plain`, { ProductionVariants: [variant("only", `${P}-fraud`)] });
});

describe("configuration (API reference: ClarifyShapConfig, ClarifyShapBaselineConfig)", () => {
  it.each([
    ["without ShapBaselineConfig (required)", { ClarifyExplainerConfig: { ShapConfig: {} } }],
    ["with neither ShapBaseline nor ShapBaselineUri", { ClarifyExplainerConfig: { ShapConfig: { ShapBaselineConfig: {} } } }],
    ["with an inline ShapBaseline over 4096 characters", explainer("0,".repeat(2100))],
  ])("refuses an explainer config %s with ValidationException", async (_, config) => {
    const error = await failure(() =>
      sageMakerClient().send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: `${P}-bad-${JSON.stringify(config).length}`,
          ProductionVariants: [variant("only", `${P}-tiny`)],
          // Deliberately invalid shapes, as a caller without the SDK's types could send them.
          ExplainerConfig: config as ExplainerConfig,
        }),
      ),
    );
    expect(error.name).toBe("ValidationException");
  });
});

describe("explanations (developer guide: clarify-online-explainability-invoke-endpoint)", () => {
  it("answers Clarify's JSON with exact TreeSHAP values (AWS's Kernel SHAP approximates them)", async () => {
    const body = fixture.rows.map((row) => row.map((v) => (v === null ? "" : String(v))).join(",")).join("\n");
    const output = await invoke({ EndpointName: `${P}-tiny`, Body: body });
    expect(output.ContentType).toBe("application/json");
    const answer = JSON.parse(output.text) as ClarifyAnswer;
    answer.explanations.kernel_shap!.forEach((record, r) =>
      record!.forEach((feature, j) => expect(feature.attributions[0]!.attribution[0]).toBeCloseTo(fixture.contribs[r]![j]!, 5)),
    );
  });

  // "If the endpoint is created with ExplainerConfig, then a new response schema is used": without
  // one there is no explainer, and the header reaches nothing.
  it("ignores EnableExplanations on an endpoint without an ExplainerConfig", async () => {
    const output = await invoke({ EndpointName: `${P}-plain`, Body: "1,0.5,-0.2", EnableExplanations: "`true`" });
    expect(output.ContentType).toBe("text/csv; charset=utf-8");
    expect(Number(output.text)).toBeGreaterThan(0);
  });

  // Supported request formats are text/csv and application/jsonlines; the XGBoost container behind
  // the explainer reads CSV, so a JSON request is refused by the container (415).
  it("refuses an application/json request on an explainer endpoint", async () => {
    const error = await failure(() => invoke({ EndpointName: `${P}-tiny`, ContentType: "application/json", Body: "[[1,2,3]]" }));
    expect(error.name).toBe("ModelError");
  });

  // clarify-online-explainability-create-endpoint-synthetic: each explained record costs baseline
  // size × n_samples model calls. AWS's explainer is a container of its own, so that work does not
  // hold up other requests: plain invocations started after an explanation finish before it.
  it("does not hold up plain invocations while an expensive explanation runs", async () => {
    const row = Array.from({ length: FRAUD_FEATURES }, (_, j) => String(j + 1)).join(",");
    const order: string[] = [];
    const explanation = invoke({ EndpointName: `${P}-heavy`, Body: row }).then((o) => (order.push("explanation"), o));
    await invoke({ EndpointName: `${P}-fraud-plain`, Body: row }).then(() => order.push("other endpoint"));
    await invoke({ EndpointName: `${P}-heavy`, Body: row, EnableExplanations: "`false`" }).then(() => order.push("same endpoint"));
    const explained = JSON.parse((await explanation).text) as ClarifyAnswer;
    expect(order).toEqual(["other endpoint", "same endpoint", "explanation"]);
    expect(explained.explanations.kernel_shap![0]).toHaveLength(FRAUD_FEATURES);
  });
});
