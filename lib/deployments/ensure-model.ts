import {
  CreateModelCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { AppError } from "@/lib/errors/app-error";
import { MODEL_VERSION_TAG, modelNameFor, TENANT_TAG } from "./build-endpoint-config";

export interface EnsureModelInput {
  tenantId: string;
  modelPackageGroupName: string;
  modelVersion: number;
  /** The role SageMaker assumes to read the artifact. */
  executionRoleArn: string;
}

/**
 * The SageMaker model serving a model package version, created once from the package's inference
 * container (image + artifact) and tagged with the tenant and MODEL_VERSION_TAG, which is how the
 * console later tells which version a variant serves. Two deployments may race to create the same
 * model: the loser finds it there and uses it.
 */
export async function ensureModel(input: EnsureModelInput, sm: Pick<SageMakerClient, "send">): Promise<string> {
  const name = modelNameFor(input.modelPackageGroupName, input.modelVersion);
  if (await modelExists(name, sm)) return name;
  const container = await packageContainer(input, sm);
  try {
    await sm.send(
      new CreateModelCommand({
        ModelName: name,
        ExecutionRoleArn: input.executionRoleArn,
        PrimaryContainer: { Image: container.Image, ModelDataUrl: container.ModelDataUrl, Environment: container.Environment },
        Tags: [
          { Key: TENANT_TAG, Value: input.tenantId },
          { Key: MODEL_VERSION_TAG, Value: String(input.modelVersion) },
        ],
      }),
    );
  } catch (error) {
    if (!(await modelExists(name, sm))) throw error;
  }
  return name;
}

async function modelExists(name: string, sm: Pick<SageMakerClient, "send">): Promise<boolean> {
  try {
    await sm.send(new DescribeModelCommand({ ModelName: name }));
    return true;
  } catch (error) {
    if (isSageMakerMissing(error)) return false;
    throw error;
  }
}

/** Versioned packages are described by ARN, which the group's listing gives (no account id needed here). */
async function packageContainer(input: EnsureModelInput, sm: Pick<SageMakerClient, "send">) {
  let NextToken: string | undefined;
  do {
    const page = await sm.send(
      new ListModelPackagesCommand({ ModelPackageGroupName: input.modelPackageGroupName, MaxResults: 100, NextToken }),
    );
    const found = page.ModelPackageSummaryList?.find((p) => p.ModelPackageVersion === input.modelVersion);
    if (found?.ModelPackageArn) {
      const described = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: found.ModelPackageArn }));
      const container = described.InferenceSpecification?.Containers?.[0];
      if (container?.Image) return container;
      break;
    }
    NextToken = page.NextToken;
  } while (NextToken);
  throw new AppError("bad_request", `Model version ${input.modelVersion} is not registered in ${input.modelPackageGroupName}`, {
    details: { modelVersion: input.modelVersion },
  });
}
