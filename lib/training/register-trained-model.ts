import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import {
  CreateModelPackageCommand,
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { evaluationSchema, toModelMetrics, type ModelMetrics } from "@/lib/models/model-metrics";
import { TRAINING_DATA_KEY, TRAINING_JOB_KEY } from "./production-version";
import { filesInTarGz } from "./read-archive";
import { parseS3Uri, s3Dir } from "./s3-uri";
import { xgboostImage } from "./start-training-job";
import { TrainingRefused } from "./training-refused";
import type { PreparedChannels, TrainingParameters } from "./training-job";

export interface RegisterInput {
  tenantId: string;
  jobName: string;
  parameters: TrainingParameters;
  channels: PreparedChannels;
  /** DescribeTrainingJob's ModelArtifacts.S3ModelArtifacts. */
  modelArtifacts: string;
}

export interface RegisteredVersion {
  version: number;
  arn: string;
  metrics: ModelMetrics;
}

type Deps = { sageMaker?: Pick<SageMakerClient, "send">; s3?: Pick<S3Client, "send">; region?: string };

/** The version a job registered already (a retry after a crash between CreateModelPackage and the record). */
async function findRegistered(
  group: string,
  jobName: string,
  sm: Pick<SageMakerClient, "send">,
): Promise<{ arn: string; version: number } | null> {
  // Only the newest versions can be this job's: it registers right after training.
  const page = await sm.send(
    new ListModelPackagesCommand({ ModelPackageGroupName: group, SortBy: "CreationTime", SortOrder: "Descending", MaxResults: 10 }),
  );
  for (const summary of page.ModelPackageSummaryList ?? []) {
    const described = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: summary.ModelPackageArn }));
    if (described.CustomerMetadataProperties?.[TRAINING_JOB_KEY] === jobName) {
      return { arn: summary.ModelPackageArn ?? "", version: summary.ModelPackageVersion ?? 0 };
    }
  }
  return null;
}

/**
 * Step 4, on Completed: the job's reports (output.tar.gz: evaluation.json, baseline.json) are put
 * beside its model, and the version is registered — CreateModelPackage with ModelMetrics pointing at
 * the evaluation, DriftCheckBaselines at the baseline, PendingManualApproval — so lib/promotion's
 * gates, shadow, backtest, canary and promotion take it like any other. Idempotent: a version
 * already registered for this job (CustomerMetadataProperties) is returned, never doubled.
 */
export async function registerTrainedModel(input: RegisterInput, deps: Deps = {}): Promise<RegisteredVersion> {
  const sm = deps.sageMaker ?? sageMakerClient();
  const s3 = deps.s3 ?? s3Client();
  const outputDir = s3Dir(input.modelArtifacts);
  const archive = await s3.send(new GetObjectCommand(parseS3Uri(`${outputDir}output.tar.gz`)));
  const files = await filesInTarGz(await archive.Body!.transformToByteArray());
  const evaluationFile = files.get("evaluation.json");
  const baselineFile = files.get("baseline.json");
  if (!evaluationFile || !baselineFile)
    throw new TrainingRefused("The training job wrote no evaluation.json and baseline.json (output.tar.gz)");
  const evaluation = evaluationSchema.parse(JSON.parse(evaluationFile.toString("utf8")));
  const evaluationUri = `${outputDir}evaluation.json`;
  const baselineUri = `${outputDir}baseline.json`;
  await s3.send(new PutObjectCommand({ ...parseS3Uri(evaluationUri), Body: evaluationFile, ContentType: "application/json" }));
  await s3.send(new PutObjectCommand({ ...parseS3Uri(baselineUri), Body: baselineFile, ContentType: "application/json" }));

  const group = input.parameters.modelPackageGroupName;
  const existing = await findRegistered(group, input.jobName, sm);
  if (existing) return { ...existing, metrics: toModelMetrics(evaluation) };
  const p = input.parameters;
  const created = await sm.send(
    new CreateModelPackageCommand({
      ModelPackageGroupName: group,
      ModelPackageDescription: `Retrain of production v${p.production.version} with ${p.labels.used} matured analyst labels (${p.window.from.slice(0, 10)} – ${p.window.to.slice(0, 10)}), training job ${input.jobName}`,
      ModelApprovalStatus: "PendingManualApproval",
      InferenceSpecification: {
        Containers: [{ Image: xgboostImage(deps.region ?? "us-east-1"), ModelDataUrl: input.modelArtifacts }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv", "application/json"],
      },
      ModelMetrics: { ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: evaluationUri } } },
      DriftCheckBaselines: { ModelDataQuality: { Statistics: { ContentType: "application/json", S3Uri: baselineUri } } },
      CustomerMetadataProperties: {
        tenant: input.tenantId,
        [TRAINING_JOB_KEY]: input.jobName,
        [TRAINING_DATA_KEY]: input.channels.dataPrefix,
      },
      Tags: [{ Key: "tenant", Value: input.tenantId }],
    }),
  );
  const arn = created.ModelPackageArn ?? "";
  const version = Number(/\/(\d+)$/.exec(arn)?.[1] ?? 0);
  return { arn, version, metrics: toModelMetrics(evaluation) };
}
