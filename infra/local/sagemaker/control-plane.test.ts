import {
  AddTagsCommand,
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteEndpointCommand,
  DeleteModelCommand,
  DeleteTagsCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  ListEndpointsCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  ListModelsCommand,
  ListTagsCommand,
  SageMakerServiceException,
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  UpdateModelPackageCommand,
} from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sageMakerClient, sageMakerRuntimeClient } from "@/lib/aws/clients";
import {
  BUCKET,
  createModel,
  deployEndpoint,
  holdTransitions,
  startTestStack,
  waitForStatus,
  XGBOOST_IMAGE,
  type TestStack,
} from "./test-support";

let stack: TestStack;
const sm = () => sageMakerClient();

beforeAll(async () => {
  // Tests that look at Creating/Updating hold the transition (holdTransitions) rather than race it.
  stack = await startTestStack({ transitionMs: 400 });
  await createModel("tiny-a");
  await createModel("tiny-b");
});

afterAll(async () => {
  await stack?.stop();
});

async function rejection(promise: Promise<unknown>): Promise<SageMakerServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SageMakerServiceException);
  return error as SageMakerServiceException;
}

describe("endpoint lifecycle", () => {
  it("goes Creating → InService and describes its variants", async () => {
    await sm().send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: "life-config",
        ProductionVariants: [
          { VariantName: "production", ModelName: "tiny-a", InitialInstanceCount: 2, InstanceType: "ml.m5.large", InitialVariantWeight: 9 },
          { VariantName: "canary", ModelName: "tiny-b", InitialInstanceCount: 1, InstanceType: "ml.m5.large", InitialVariantWeight: 1 },
        ],
      }),
    );
    await holdTransitions("Life-Endpoint", true);
    const created = await sm().send(new CreateEndpointCommand({ EndpointName: "Life-Endpoint", EndpointConfigName: "life-config" }));
    expect(created.EndpointArn).toBe("arn:aws:sagemaker:us-east-1:000000000000:endpoint/life-endpoint");

    const creating = await sm().send(new DescribeEndpointCommand({ EndpointName: "Life-Endpoint" }));
    expect(creating.EndpointStatus).toBe("Creating");
    expect(creating.CreationTime).toBeInstanceOf(Date);
    await holdTransitions("Life-Endpoint", false);

    const ready = await waitForStatus("Life-Endpoint", ["InService", "Failed"]);
    expect(ready.EndpointStatus).toBe("InService");
    expect(ready.EndpointConfigName).toBe("life-config");
    expect(ready.ProductionVariants).toHaveLength(2);
    const [production, canary] = ready.ProductionVariants!;
    expect(production).toMatchObject({
      VariantName: "production",
      CurrentWeight: 9,
      DesiredWeight: 9,
      CurrentInstanceCount: 2,
      DesiredInstanceCount: 2,
    });
    expect(canary).toMatchObject({ VariantName: "canary", CurrentWeight: 1, DesiredWeight: 1 });
    expect(production!.DeployedImages![0]!.SpecifiedImage).toBe(XGBOOST_IMAGE);
    expect(production!.DeployedImages![0]!.ResolvedImage).toMatch(/@sha256:[0-9a-f]{64}$/);
    expect(ready.LastModifiedTime!.getTime()).toBeGreaterThanOrEqual(ready.CreationTime!.getTime());
  });

  it("updates weights through Updating, refusing a second update meanwhile", async () => {
    const input = {
      EndpointName: "Life-Endpoint",
      DesiredWeightsAndCapacities: [
        { VariantName: "production", DesiredWeight: 1 },
        { VariantName: "canary", DesiredWeight: 1 },
      ],
    };
    await holdTransitions("Life-Endpoint", true);
    await sm().send(new UpdateEndpointWeightsAndCapacitiesCommand(input));
    const updating = await sm().send(new DescribeEndpointCommand({ EndpointName: "Life-Endpoint" }));
    expect(updating.EndpointStatus).toBe("Updating");
    expect(updating.ProductionVariants![0]).toMatchObject({ CurrentWeight: 9, DesiredWeight: 1 });
    expect(updating.ProductionVariants![0]!.VariantStatus![0]!.Status).toBe("Updating");

    const error = await rejection(sm().send(new UpdateEndpointWeightsAndCapacitiesCommand(input)));
    expect(error.name).toBe("ValidationException");
    expect(error.message).toContain("Cannot update in-progress endpoint");
    await holdTransitions("Life-Endpoint", false);

    const done = await waitForStatus("Life-Endpoint", ["InService"]);
    expect(done.ProductionVariants![0]).toMatchObject({ CurrentWeight: 1, DesiredWeight: 1 });
    expect(done.ProductionVariants![0]!.VariantStatus ?? []).toEqual([]);
  });

  it("refuses weights for a variant the endpoint does not have", async () => {
    const error = await rejection(
      sm().send(
        new UpdateEndpointWeightsAndCapacitiesCommand({
          EndpointName: "Life-Endpoint",
          DesiredWeightsAndCapacities: [{ VariantName: "nope", DesiredWeight: 1 }],
        }),
      ),
    );
    expect(error.name).toBe("ValidationException");
    expect(error.message).toContain("nope");
  });

  it("keeps the old config serving until an UpdateEndpoint is ready", async () => {
    await sm().send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: "life-config-2",
        ProductionVariants: [{ VariantName: "blue", ModelName: "tiny-b", InitialInstanceCount: 1, InstanceType: "ml.m5.large" }],
      }),
    );
    await holdTransitions("Life-Endpoint", true);
    await sm().send(new UpdateEndpointCommand({ EndpointName: "Life-Endpoint", EndpointConfigName: "life-config-2" }));
    const updating = await sm().send(new DescribeEndpointCommand({ EndpointName: "Life-Endpoint" }));
    expect(updating.EndpointStatus).toBe("Updating");
    expect(updating.EndpointConfigName).toBe("life-config");
    expect(updating.PendingDeploymentSummary?.EndpointConfigName).toBe("life-config-2");

    const during = await sageMakerRuntimeClient().send(
      new InvokeEndpointCommand({ EndpointName: "Life-Endpoint", ContentType: "text/csv", Body: "1,2,3", TargetVariant: "canary" }),
    );
    expect(during.InvokedProductionVariant).toBe("canary");
    await holdTransitions("Life-Endpoint", false);

    const done = await waitForStatus("Life-Endpoint", ["InService"]);
    expect(done.EndpointConfigName).toBe("life-config-2");
    expect(done.ProductionVariants!.map((v) => v.VariantName)).toEqual(["blue"]);
    const after = await sageMakerRuntimeClient().send(
      new InvokeEndpointCommand({ EndpointName: "Life-Endpoint", ContentType: "text/csv", Body: "1,2,3" }),
    );
    expect(after.InvokedProductionVariant).toBe("blue");
  });

  it("fails an endpoint whose model artifact is missing", async () => {
    await createModel("missing-artifact", `s3://${BUCKET}/does/not/exist.tar.gz`);
    const failed = await deployEndpoint("broken", [{ name: "only", model: "missing-artifact" }]);
    expect(failed.EndpointStatus).toBe("Failed");
    expect(failed.FailureReason).toContain(`s3://${BUCKET}/does/not/exist.tar.gz`);
    expect(failed.EndpointConfigName).toBe("broken-config");
  });

  it("answers ValidationException for unknown and duplicate names", async () => {
    const missing = await rejection(sm().send(new DescribeEndpointCommand({ EndpointName: "ghost" })));
    expect(missing.name).toBe("ValidationException");
    expect(missing.message).toBe('Could not find endpoint "arn:aws:sagemaker:us-east-1:000000000000:endpoint/ghost".');
    expect(missing.$fault).toBe("client");
    expect(missing.$metadata.httpStatusCode).toBe(400);
    expect(missing.$metadata.requestId).toMatch(/[0-9a-f-]{36}/);

    const duplicate = await rejection(
      sm().send(new CreateEndpointCommand({ EndpointName: "Life-Endpoint", EndpointConfigName: "life-config" })),
    );
    expect(duplicate.message).toContain("Cannot create already existing endpoint");

    const noModel = await rejection(sm().send(new DescribeModelCommand({ ModelName: "ghost" })));
    expect(noModel.message).toContain("Could not find model");

    const noConfig = await rejection(sm().send(new DescribeEndpointConfigCommand({ EndpointConfigName: "ghost" })));
    expect(noConfig.message).toContain("Could not find endpoint configuration");
  });

  it("validates required members with AWS's wording", async () => {
    const error = await rejection(sm().send(new CreateEndpointCommand({ EndpointName: "x", EndpointConfigName: undefined })));
    expect(error.name).toBe("ValidationException");
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'endpointConfigName' failed to satisfy constraint: Member must not be null",
    );
  });

  it("lists and deletes endpoints and models", async () => {
    const listed = await sm().send(new ListEndpointsCommand({ SortBy: "Name", SortOrder: "Ascending", NameContains: "e" }));
    expect(listed.Endpoints!.map((e) => e.EndpointName)).toEqual(["broken", "Life-Endpoint"]);
    const inService = await sm().send(new ListEndpointsCommand({ StatusEquals: "InService" }));
    expect(inService.Endpoints!.map((e) => e.EndpointName)).toEqual(["Life-Endpoint"]);

    await sm().send(new DeleteEndpointCommand({ EndpointName: "broken" }));
    await sm().send(new DeleteModelCommand({ ModelName: "missing-artifact" }));
    const models = await sm().send(new ListModelsCommand({ SortBy: "Name", SortOrder: "Ascending" }));
    expect(models.Models!.map((m) => m.ModelName)).toEqual(["tiny-a", "tiny-b"]);
    expect(models.Models![0]!.CreationTime).toBeInstanceOf(Date);
  });
});

describe("unknown operations", () => {
  it("answer 400 UnknownOperationException with the error headers", async () => {
    const response = await fetch(stack.sagemakerUrl, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "SageMaker.CreateProcessingJob" },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(((await response.json()) as { __type: string }).__type).toBe("UnknownOperationException");
  });
});

describe("model registry", () => {
  const group = "acme-fraud";

  beforeAll(async () => {
    await sm().send(
      new CreateModelPackageGroupCommand({
        ModelPackageGroupName: group,
        ModelPackageGroupDescription: "fraud models",
        Tags: [{ Key: "tenant", Value: "acme" }],
      }),
    );
    for (const version of [1, 2, 3]) {
      await sm().send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: group,
          ModelPackageDescription: `v${version}`,
          ModelApprovalStatus: version === 1 ? "Approved" : undefined,
          InferenceSpecification: {
            Containers: [{ Image: XGBOOST_IMAGE, ModelDataUrl: `s3://${BUCKET}/v${version}/model.tar.gz` }],
            SupportedContentTypes: ["text/csv"],
            SupportedResponseMIMETypes: ["text/csv"],
          },
          ModelMetrics: {
            ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: `s3://${BUCKET}/v${version}/evaluation.json` } },
          },
          DriftCheckBaselines: {
            ModelDataQuality: { Statistics: { ContentType: "application/json", S3Uri: `s3://${BUCKET}/v${version}/baseline.json` } },
          },
          CustomerMetadataProperties: { auc: String(0.9 + version / 100) },
        }),
      );
    }
  });

  it("numbers versions and describes them by ARN", async () => {
    const arn = "arn:aws:sagemaker:us-east-1:000000000000:model-package/acme-fraud/2";
    const described = await sm().send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
    expect(described).toMatchObject({
      ModelPackageArn: arn,
      ModelPackageGroupName: group,
      ModelPackageVersion: 2,
      ModelPackageDescription: "v2",
      ModelApprovalStatus: "PendingManualApproval",
      ModelPackageStatus: "Completed",
      CustomerMetadataProperties: { auc: "0.92" },
    });
    expect(described.InferenceSpecification!.Containers![0]!.ModelDataUrl).toBe(`s3://${BUCKET}/v2/model.tar.gz`);
    expect(described.ModelMetrics!.ModelQuality!.Statistics!.S3Uri).toBe(`s3://${BUCKET}/v2/evaluation.json`);
    expect(described.DriftCheckBaselines!.ModelDataQuality!.Statistics!.S3Uri).toBe(`s3://${BUCKET}/v2/baseline.json`);
    expect(described.CreationTime).toBeInstanceOf(Date);
  });

  it("lists with filters, sort order and pages", async () => {
    const descending = await sm().send(
      new ListModelPackagesCommand({ ModelPackageGroupName: group, SortBy: "CreationTime", SortOrder: "Descending" }),
    );
    expect(descending.ModelPackageSummaryList!.map((p) => p.ModelPackageVersion)).toEqual([3, 2, 1]);

    const approved = await sm().send(new ListModelPackagesCommand({ ModelPackageGroupName: group, ModelApprovalStatus: "Approved" }));
    expect(approved.ModelPackageSummaryList!.map((p) => p.ModelPackageVersion)).toEqual([1]);

    const first = await sm().send(new ListModelPackagesCommand({ ModelPackageGroupName: group, MaxResults: 2 }));
    expect(first.ModelPackageSummaryList!.map((p) => p.ModelPackageVersion)).toEqual([1, 2]);
    const second = await sm().send(
      new ListModelPackagesCommand({ ModelPackageGroupName: group, MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(second.ModelPackageSummaryList!.map((p) => p.ModelPackageVersion)).toEqual([3]);
    expect(second.NextToken).toBeUndefined();
  });

  it("updates approval and metadata", async () => {
    const arn = "arn:aws:sagemaker:us-east-1:000000000000:model-package/acme-fraud/3";
    await sm().send(
      new UpdateModelPackageCommand({
        ModelPackageArn: arn,
        ModelApprovalStatus: "Approved",
        ApprovalDescription: "beats v2 on recall",
        CustomerMetadataProperties: { promotedBy: "sre" },
      }),
    );
    const described = await sm().send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
    expect(described).toMatchObject({
      ModelApprovalStatus: "Approved",
      ApprovalDescription: "beats v2 on recall",
      CustomerMetadataProperties: { auc: "0.93", promotedBy: "sre" },
    });
    expect(described.LastModifiedTime!.getTime()).toBeGreaterThanOrEqual(described.CreationTime!.getTime());
  });

  it("describes and lists groups, and refuses unknown ones", async () => {
    const described = await sm().send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
    expect(described).toMatchObject({
      ModelPackageGroupName: group,
      ModelPackageGroupStatus: "Completed",
      ModelPackageGroupDescription: "fraud models",
    });
    const listed = await sm().send(new ListModelPackageGroupsCommand({}));
    expect(listed.ModelPackageGroupSummaryList!.map((g) => g.ModelPackageGroupName)).toEqual([group]);
    const error = await rejection(sm().send(new ListModelPackagesCommand({ ModelPackageGroupName: "ghost" })));
    expect(error.name).toBe("ValidationException");
  });

  it("tags resources at create time and afterwards", async () => {
    const groupArn = "arn:aws:sagemaker:us-east-1:000000000000:model-package-group/acme-fraud";
    await sm().send(new AddTagsCommand({ ResourceArn: groupArn, Tags: [{ Key: "team", Value: "risk" }] }));
    const tags = await sm().send(new ListTagsCommand({ ResourceArn: groupArn }));
    expect(tags.Tags).toEqual([
      { Key: "tenant", Value: "acme" },
      { Key: "team", Value: "risk" },
    ]);
    await sm().send(new DeleteTagsCommand({ ResourceArn: groupArn, TagKeys: ["team"] }));
    const after = await sm().send(new ListTagsCommand({ ResourceArn: groupArn }));
    expect(after.Tags).toEqual([{ Key: "tenant", Value: "acme" }]);
    const error = await rejection(
      sm().send(new ListTagsCommand({ ResourceArn: "arn:aws:sagemaker:us-east-1:000000000000:endpoint/ghost" })),
    );
    expect(error.name).toBe("ValidationException");
  });
});
