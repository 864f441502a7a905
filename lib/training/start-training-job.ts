import { CreateTrainingJobCommand, type CreateTrainingJobCommandInput, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { sageMakerClient } from "@/lib/aws/clients";
import { executionRoleArnFor } from "@/lib/aws/execution-role";
import { env } from "@/lib/env";
import { s3Uri } from "./s3-uri";
import type { PreparedChannels, TrainingParameters } from "./training-job";

/**
 * SageMaker's built-in XGBoost 1.7 container in script mode (the framework image runs our
 * train.py): its ECR account per region (SageMaker developer guide, "Docker Registry Paths and
 * Example Code", XGBoost). The local emulator accepts the URI and runs infra/model/train itself.
 */
const XGBOOST_ACCOUNTS: Readonly<Record<string, string>> = {
  "us-east-1": "683313688378",
  "us-east-2": "257758044811",
  "us-west-1": "746614075791",
  "us-west-2": "246618743249",
  "eu-west-1": "141502667606",
  "eu-west-2": "764974769150",
  "eu-central-1": "492215442770",
  "ap-southeast-2": "783357654285",
};
export const xgboostImage = (region: string) =>
  `${XGBOOST_ACCOUNTS[region] ?? XGBOOST_ACCOUNTS["us-east-1"]}.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`;

/** A job's hard limit (StoppingCondition.MaxRuntimeInSeconds): a demo-sized retrain takes about a minute. */
export const MAX_RUNTIME_SECONDS = 3600;

export const trainingSourceUri = () => env().TRAINING_SOURCE_S3_URI ?? s3Uri(env().MODELS_BUCKET, "training/code/sourcedir.tar.gz");
export const jobOutputPath = (tenantId: string) => s3Uri(env().MODELS_BUCKET, `training/${tenantId}/jobs`);

const csvChannel = (name: string, uri: string, contentType = "text/csv") => ({
  ChannelName: name,
  ContentType: contentType,
  InputMode: "File" as const,
  DataSource: { S3DataSource: { S3DataType: "S3Prefix" as const, S3Uri: uri, S3DataDistributionType: "FullyReplicated" as const } },
});

/**
 * What SageMaker extracts from the script's output into FinalMetricDataList: train.py's last line
 * reads "<group> v<n>: test ROC-AUC 0.9651 PR-AUC 0.8620 (… rows, …s)".
 */
export const METRIC_DEFINITIONS = [
  { Name: "test:roc_auc", Regex: "ROC-AUC ([0-9.]+)" },
  { Name: "test:pr_auc", Regex: "PR-AUC ([0-9.]+)" },
];

/**
 * CreateTrainingJob exactly as on AWS: the XGBoost image in script mode (sagemaker_program and
 * sagemaker_submit_directory among the hyper-parameters, every value a string), the CSV channels
 * train / validation / test and `champion` (production's model.tar.gz, which the script scores on
 * the same test split), output to S3, a runtime limit, the tenant in the tags.
 */
export function buildCreateTrainingJobInput(input: {
  jobName: string;
  region: string;
  parameters: TrainingParameters;
  channels: PreparedChannels;
}): CreateTrainingJobCommandInput {
  const { parameters: p, channels } = input;
  const hyperparameters: Record<string, string> = {
    sagemaker_program: "train.py",
    sagemaker_submit_directory: trainingSourceUri(),
    ...Object.fromEntries(Object.entries(p.hyperparameters).map(([k, v]) => [k, String(v)])),
    model_package_group: p.modelPackageGroupName,
    description: `Retrained from production v${p.production.version} with analyst labels ${p.window.from.slice(0, 10)} – ${p.window.to.slice(0, 10)}`,
    created: p.cutoff,
    evaluated_at: p.cutoff,
    training_window: `production v${p.production.version}'s training data plus ${p.labels.used - p.rows.test} matured analyst labels`,
    training_from: p.window.from,
    training_to: p.testWindow?.from ?? p.window.to,
    test_from: p.testWindow?.from ?? "",
    test_to: p.testWindow?.to ?? "",
    champion_version: String(p.production.version),
  };
  return {
    TrainingJobName: input.jobName,
    AlgorithmSpecification: { TrainingImage: xgboostImage(input.region), TrainingInputMode: "File", MetricDefinitions: METRIC_DEFINITIONS },
    RoleArn: executionRoleArnFor(p.tenantId),
    HyperParameters: hyperparameters,
    InputDataConfig: [
      csvChannel("train", channels.train),
      csvChannel("validation", channels.validation),
      csvChannel("test", channels.test),
      csvChannel("champion", channels.champion, "application/x-gzip"),
    ],
    OutputDataConfig: { S3OutputPath: jobOutputPath(p.tenantId) },
    ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: MAX_RUNTIME_SECONDS },
    Tags: [
      { Key: "tenant", Value: p.tenantId },
      { Key: "fraud-console:production-version", Value: String(p.production.version) },
    ],
  };
}

/**
 * Step 2: CreateTrainingJob. Idempotent by name: a retry after a lost answer meets SageMaker's
 * "already exists" (ResourceInUse), which means the job was created.
 */
export async function startTrainingJob(
  input: { jobName: string; parameters: TrainingParameters; channels: PreparedChannels },
  deps: { sageMaker?: Pick<SageMakerClient, "send"> & { config?: SageMakerClient["config"] } } = {},
): Promise<{ trainingJobArn: string | null; alreadyStarted: boolean }> {
  const sm = deps.sageMaker ?? sageMakerClient();
  const region = (await sm.config?.region?.()) ?? "us-east-1";
  try {
    const out = await sm.send(new CreateTrainingJobCommand(buildCreateTrainingJobInput({ ...input, region })));
    return { trainingJobArn: out.TrainingJobArn ?? null, alreadyStarted: false };
  } catch (error) {
    if (error instanceof Error && error.name === "ResourceInUse") return { trainingJobArn: null, alreadyStarted: true };
    throw error;
  }
}
