import { describe, expect, it } from "vitest";
import { getModelMetrics, type ModelMetricsDeps } from "./get-model-metrics";

const ARN = "arn:aws:sagemaker:us-east-1:000000000000:model-package/acme-bank-fraud/2";
const evaluation = {
  dataset: "test",
  rows: 50_000,
  roc_auc: 0.965,
  pr_auc: 0.862,
  recall_at_precision: [
    { precision: 0.5, recall: 0.87, threshold: 0.04 },
    { precision: 0.8, recall: 0.826, threshold: 0.17 },
  ],
  confusion_matrices: [],
};

function deps(statisticsUri: string | undefined, body: unknown): ModelMetricsDeps & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    sageMaker: {
      send: (command: { input: unknown }) => {
        asked.push(command.input);
        return Promise.resolve({ ModelMetrics: statisticsUri ? { ModelQuality: { Statistics: { S3Uri: statisticsUri } } } : undefined });
      },
    },
    s3: {
      send: (command: { input: unknown }) => {
        asked.push(command.input);
        return Promise.resolve({ Body: { transformToString: () => Promise.resolve(JSON.stringify(body)) } });
      },
    },
  };
}

describe("getModelMetrics", () => {
  it("reads the evaluation the package's ModelQuality statistics point at", async () => {
    const d = deps("s3://models/acme-bank-fraud/v2/evaluation.json", evaluation);
    expect(await getModelMetrics(ARN, d)).toEqual({
      rocAuc: 0.965,
      prAuc: 0.862,
      recallAt80Precision: 0.826,
      evaluatedRows: 50_000,
      evaluatedFrauds: null,
      sampleWarning: null,
      dataset: "test",
      evaluatedAt: null,
      trainingWindow: null,
      testWindow: null,
      champion: null,
    });
    expect(d.asked).toEqual([{ ModelPackageName: ARN }, { Bucket: "models", Key: "acme-bank-fraud/v2/evaluation.json" }]);
  });

  it("reads the evaluation's context and the champion's figures on the same split", async () => {
    const annotated = {
      ...evaluation,
      context: {
        evaluated_at: "2026-10-13T10:00:00Z",
        training_window: { from: "2026-07-09", to: "2026-07-30", description: "fresh" },
        test_window: { from: "2026-07-30", to: "2026-08-29" },
      },
      champion: { version: 1, roc_auc: 0.94, pr_auc: 0.79, recall_at_precision: [{ precision: 0.8, recall: 0.73, threshold: 0.2 }] },
    };
    expect(await getModelMetrics(ARN, deps("s3://models/e.json", annotated))).toMatchObject({
      evaluatedAt: "2026-10-13T10:00:00Z",
      trainingWindow: { from: "2026-07-09", to: "2026-07-30", description: "fresh" },
      testWindow: { from: "2026-07-30", to: "2026-08-29" },
      champion: { version: 1, rocAuc: 0.94, prAuc: 0.79, recallAt80Precision: 0.73 },
    });
  });

  it("is null, not a guess, when the package has no evaluation or the file is not one", async () => {
    expect(await getModelMetrics(ARN, deps(undefined, evaluation))).toBeNull();
    expect(await getModelMetrics(ARN, deps("s3://models/x.json", { roc_auc: "high" }))).toBeNull();
  });

  it("warns when the held-out split has fewer than 30 rows of a class, and counts both classes", async () => {
    const thin = await getModelMetrics(ARN, deps("s3://models/e.json", { ...evaluation, rows: 51, frauds: 50 }));
    expect(thin).toMatchObject({ evaluatedRows: 51, evaluatedFrauds: 50 });
    expect(thin?.sampleWarning).toBe(
      "Held out: 51 rows, 50 fraud and 1 legitimate. With fewer than 30 of a class, these figures and production's beside them say little.",
    );
    const fewFrauds = await getModelMetrics(ARN, deps("s3://models/e.json", { ...evaluation, rows: 5_000, frauds: 29 }));
    expect(fewFrauds?.sampleWarning).toContain("29 fraud and 4971 legitimate");
    const enough = await getModelMetrics(ARN, deps("s3://models/e.json", { ...evaluation, rows: 60, frauds: 30 }));
    expect(enough?.sampleWarning).toBeNull();
  });

  it("reports recall at 80% precision as missing when that point was not evaluated", async () => {
    const d = deps("s3://models/e.json", { ...evaluation, recall_at_precision: [{ precision: 0.9, recall: 0.7 }] });
    expect((await getModelMetrics(ARN, d))?.recallAt80Precision).toBeNull();
  });
});
