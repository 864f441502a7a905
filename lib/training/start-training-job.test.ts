import { describe, expect, it } from "vitest";
import { buildCreateTrainingJobInput, xgboostImage } from "./start-training-job";
import type { TrainingParameters } from "./training-job";

const parameters = {
  tenantId: "acme-bank",
  modelPackageGroupName: "acme-bank-fraud",
  window: { from: "2026-11-28T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z" },
  cutoff: "2026-12-01T00:00:00.000Z",
  production: { version: 2, modelDataUrl: "s3://models/acme-bank-fraud/v2/model.tar.gz" },
  labels: { used: 100 },
  rows: { train: 1000, validation: 100, test: 30 },
  testWindow: { from: "2026-11-30T10:00:00.000Z", to: "2026-11-30T23:00:00.000Z" },
  hyperparameters: { num_round: 200, max_depth: 5, eta: 0.08 },
} as unknown as TrainingParameters;
const channels = {
  dataPrefix: "s3://models/training/acme-bank/j/data/",
  train: "s3://models/training/acme-bank/j/data/train/",
  validation: "s3://models/training/acme-bank/j/data/validation/",
  test: "s3://models/training/acme-bank/j/data/test/",
  champion: "s3://models/acme-bank-fraud/v2/model.tar.gz",
};

describe("buildCreateTrainingJobInput", () => {
  const input = buildCreateTrainingJobInput({ jobName: "fc-20261201t000000-abcdef", region: "eu-west-1", parameters, channels });

  it("runs SageMaker's XGBoost image in script mode with string hyper-parameters", () => {
    expect(input.AlgorithmSpecification?.TrainingImage).toBe("141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1");
    expect(input.HyperParameters).toMatchObject({ sagemaker_program: "train.py", num_round: "200", eta: "0.08", champion_version: "2" });
    expect(input.HyperParameters?.sagemaker_submit_directory).toMatch(/^s3:\/\/.+\/training\/code\/sourcedir\.tar\.gz$/);
    expect(Object.values(input.HyperParameters ?? {}).every((v) => typeof v === "string")).toBe(true);
  });

  it("names the channels, output, limit and tenant", () => {
    expect(input.InputDataConfig?.map((c) => [c.ChannelName, c.DataSource?.S3DataSource?.S3Uri])).toEqual([
      ["train", channels.train],
      ["validation", channels.validation],
      ["test", channels.test],
      ["champion", channels.champion],
    ]);
    expect(input.OutputDataConfig?.S3OutputPath).toMatch(/\/training\/acme-bank\/jobs$/);
    expect(input.StoppingCondition?.MaxRuntimeInSeconds).toBe(3600);
    expect(input.Tags).toContainEqual({ Key: "tenant", Value: "acme-bank" });
  });

  it("falls back to us-east-1's registry account for an unlisted region", () => {
    expect(xgboostImage("sa-east-1")).toBe("683313688378.dkr.ecr.sa-east-1.amazonaws.com/sagemaker-xgboost:1.7-1");
  });
});
