import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeEndpointCommand,
  ListEndpointsCommand,
  ListModelPackagesCommand,
  SageMakerServiceException,
  UpdateEndpointWeightsAndCapacitiesCommand,
  UpdateModelPackageCommand,
  DescribeModelPackageCommand,
  waitUntilEndpointInService,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, inject, it } from "vitest";
import { sageMakerClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { XGBOOST_IMAGE, artifactKey } from "@/infra/local/seed/seed-models";
import { holdTransitions } from "@/infra/local/sagemaker/test-support";

const sm = () => sageMakerClient();
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const modelUrl = (version: number) => `s3://${env().MODELS_BUCKET}/${artifactKey("acme-bank-fraud", version, "model.tar.gz")}`;

async function createServingEndpoint({ holdCreating = false } = {}): Promise<string> {
  const [modelA, modelB, config, endpoint] = [unique("it-a"), unique("it-b"), unique("it-config"), unique("it-endpoint")];
  for (const [name, version] of [
    [modelA, 1],
    [modelB, 2],
  ] as const) {
    await sm().send(
      new CreateModelCommand({
        ModelName: name,
        ExecutionRoleArn: "arn:aws:iam::000000000000:role/x",
        PrimaryContainer: { Image: XGBOOST_IMAGE, ModelDataUrl: modelUrl(version) },
      }),
    );
  }
  await sm().send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: config,
      ProductionVariants: [
        { VariantName: "production", ModelName: modelA, InitialInstanceCount: 1, InstanceType: "ml.m5.large", InitialVariantWeight: 9 },
        { VariantName: "canary", ModelName: modelB, InitialInstanceCount: 1, InstanceType: "ml.m5.large", InitialVariantWeight: 1 },
      ],
    }),
  );
  if (holdCreating) await holdTransitions(endpoint, true);
  await sm().send(new CreateEndpointCommand({ EndpointName: endpoint, EndpointConfigName: config }));
  return endpoint;
}

describe("SageMaker emulator through @aws-sdk/client-sagemaker", () => {
  it("is reached through AWS_ENDPOINT_URL_SAGEMAKER, not a hard-coded endpoint", async () => {
    // The client is built with no endpoint option; record where its requests actually go.
    const seen: string[] = [];
    const name = "recordRequestHost";
    sm().middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { protocol: string; hostname: string; port?: number };
        seen.push(`${request.protocol}//${request.hostname}:${request.port}`);
        return next(args);
      },
      { step: "finalizeRequest", name },
    );
    try {
      await sm().send(new ListEndpointsCommand({ MaxResults: 1 }));
    } finally {
      sm().middlewareStack.remove(name);
    }
    expect(seen).toEqual([inject("stackUrls").sagemaker]);
  });

  it("creates an endpoint that goes from Creating to InService with weighted variants", async () => {
    const endpoint = await createServingEndpoint({ holdCreating: true });
    const creating = await sm().send(new DescribeEndpointCommand({ EndpointName: endpoint }));
    expect(creating.EndpointStatus).toBe("Creating");
    await holdTransitions(endpoint, false);
    await waitUntilEndpointInService({ client: sm(), maxWaitTime: 60, minDelay: 1 }, { EndpointName: endpoint });
    const ready = await sm().send(new DescribeEndpointCommand({ EndpointName: endpoint }));
    expect(ready.EndpointStatus).toBe("InService");
    expect(ready.CreationTime).toBeInstanceOf(Date);
    expect(ready.ProductionVariants?.map((v) => [v.VariantName, v.CurrentWeight])).toEqual([
      ["production", 9],
      ["canary", 1],
    ]);
  });

  it("updates weights: Updating, then InService with the new weights; a second update while Updating is refused", async () => {
    const endpoint = await createServingEndpoint();
    await waitUntilEndpointInService({ client: sm(), maxWaitTime: 60, minDelay: 1 }, { EndpointName: endpoint });
    await holdTransitions(endpoint, true);
    await sm().send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: endpoint,
        DesiredWeightsAndCapacities: [
          { VariantName: "production", DesiredWeight: 0 },
          { VariantName: "canary", DesiredWeight: 1 },
        ],
      }),
    );
    const updating = await sm().send(new DescribeEndpointCommand({ EndpointName: endpoint }));
    expect(updating.EndpointStatus).toBe("Updating");
    const second = sm().send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: endpoint,
        DesiredWeightsAndCapacities: [{ VariantName: "canary", DesiredWeight: 2 }],
      }),
    );
    await expect(second).rejects.toMatchObject({ name: "ValidationException", $fault: "client" });
    await holdTransitions(endpoint, false);
    await waitUntilEndpointInService({ client: sm(), maxWaitTime: 60, minDelay: 1 }, { EndpointName: endpoint });
    const done = await sm().send(new DescribeEndpointCommand({ EndpointName: endpoint }));
    expect(done.ProductionVariants?.map((v) => v.CurrentWeight)).toEqual([0, 1]);
  });

  it("lists the seeded model packages in registration order", async () => {
    const listed = await sm().send(
      new ListModelPackagesCommand({ ModelPackageGroupName: "acme-bank-fraud", SortBy: "CreationTime", SortOrder: "Ascending" }),
    );
    const arns = listed.ModelPackageSummaryList?.map((p) => p.ModelPackageArn) ?? [];
    expect(arns.length).toBeGreaterThanOrEqual(3);
    expect(arns[0]).toMatch(/^arn:aws:sagemaker:us-east-1:\d{12}:model-package\/acme-bank-fraud\/1$/);
  });

  it("records an approval change on a model package", async () => {
    // A group of its own: the demo's registry is read by other tests and must not change under them.
    const group = unique("it-group");
    await sm().send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }));
    const { ModelPackageArn: arn } = await sm().send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: group,
        ModelApprovalStatus: "PendingManualApproval",
        InferenceSpecification: {
          Containers: [{ Image: XGBOOST_IMAGE, ModelDataUrl: modelUrl(2) }],
          SupportedContentTypes: ["text/csv"],
          SupportedResponseMIMETypes: ["text/csv"],
        },
      }),
    );
    await sm().send(
      new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: "Rejected", ApprovalDescription: "integration test" }),
    );
    const described = await sm().send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
    expect(described).toMatchObject({ ModelApprovalStatus: "Rejected", ApprovalDescription: "integration test" });
  });

  it("surfaces an unknown endpoint as the SDK's typed ValidationException", async () => {
    const error = await sm()
      .send(new DescribeEndpointCommand({ EndpointName: "no-such-endpoint" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SageMakerServiceException);
    expect(error).toMatchObject({ name: "ValidationException", $fault: "client", $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toContain("Could not find endpoint");
  });
});
