import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  type ProductionVariantInstanceType,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { sageMakerClient } from "@/lib/aws/clients";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { describeEndpointModels, MODEL_VERSION_TAG } from "@/lib/deployments/describe-endpoint-models";

type SageMaker = Pick<SageMakerClient, "send">;

/**
 * A backtest scores its candidate on an endpoint of its own: one variant serving the candidate's
 * model package, with no data capture (replayed traffic must never read as live traffic to drift
 * or to a comparison) and no explainer, deleted when the run ends. On AWS it is the same calls: a
 * real-time endpoint for the length of the run, on the production variant's instance type and
 * execution role. (A batch transform job is the other AWS way; it needs the window staged to S3
 * as CSV and polls a job, and the tenant's live endpoint is never touched either way.)
 */
export function scoringEndpointName(tenantId: string, backtestId: string): string {
  return `bt-${tenantId}`.slice(0, 40).replace(/-+$/, "") + `-${backtestId.slice(-6)}`;
}

export async function createScoringEndpoint(
  input: { name: string; tenantId: string; liveEndpointName: string; modelPackageArn: string; version: number },
  sm: SageMaker = sageMakerClient(),
): Promise<void> {
  const pkg = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: input.modelPackageArn }));
  const container = pkg.InferenceSpecification?.Containers?.[0];
  if (!container?.Image) throw new Error(`model package ${input.modelPackageArn} has no container`);
  const live = await describeEndpointModels({ endpointName: input.liveEndpointName }, { sageMaker: sm });
  const production = [...live.variants.values()][0];
  const role = production?.modelName
    ? (await sm.send(new DescribeModelCommand({ ModelName: production.modelName }))).ExecutionRoleArn
    : undefined;
  const tags = [
    { Key: "tenant", Value: input.tenantId },
    { Key: MODEL_VERSION_TAG, Value: String(input.version) },
    { Key: "purpose", Value: "backtest" },
  ];
  await sm.send(
    new CreateModelCommand({
      ModelName: input.name,
      ExecutionRoleArn: role,
      PrimaryContainer: { Image: container.Image, ModelDataUrl: container.ModelDataUrl, Environment: container.Environment },
      Tags: tags,
    }),
  );
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: input.name,
      ProductionVariants: [
        {
          VariantName: "candidate",
          ModelName: input.name,
          InitialInstanceCount: 1,
          InstanceType: (production?.instanceType ?? "ml.m5.large") as ProductionVariantInstanceType,
          InitialVariantWeight: 1,
        },
      ],
      Tags: tags,
    }),
  );
  await sm.send(new CreateEndpointCommand({ EndpointName: input.name, EndpointConfigName: input.name, Tags: tags }));
}

/** "InService", "Failed" (with the reason) or still coming up. */
export async function scoringEndpointStatus(name: string, sm: SageMaker = sageMakerClient()): Promise<{ status: string; reason?: string }> {
  const out = await sm.send(new DescribeEndpointCommand({ EndpointName: name }));
  return { status: out.EndpointStatus ?? "Unknown", reason: out.FailureReason };
}

/** Deletes what createScoringEndpoint made; a part already gone is fine. */
export async function deleteScoringEndpoint(name: string, sm: SageMaker = sageMakerClient()): Promise<void> {
  await ignoreMissing(() => sm.send(new DeleteEndpointCommand({ EndpointName: name })));
  await ignoreMissing(() => sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: name })));
  await ignoreMissing(() => sm.send(new DeleteModelCommand({ ModelName: name })));
}

async function ignoreMissing(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!isSageMakerMissing(error)) throw error;
  }
}
