import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  UpdateModelPackageCommand,
  type ModelApprovalStatus,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { sageMakerClient } from "@/lib/aws/clients";
import { XGBOOST_IMAGE } from "./support";

/**
 * The registry calls the approval gates make (SageMaker API reference: UpdateModelPackage —
 * ModelApprovalStatus Approved | Rejected | PendingManualApproval, ApprovalDescription (max 1,024),
 * CustomerMetadataProperties merged into the version's, CustomerMetadataPropertiesToRemove; and
 * DescribeModelPackage, which answers ApprovalDescription, CustomerMetadataProperties and
 * LastModifiedTime). A bad value is a ValidationException, as AWS answers it.
 */
const P = `fid-approval-${Date.now().toString(36)}`;
const sm = () => sageMakerClient();
const failure = (call: () => Promise<unknown>) =>
  call().then(
    () => new Error("expected a failure"),
    (e: unknown) => e as Error,
  );

async function register(group: string): Promise<string> {
  await sm().send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }));
  const { ModelPackageArn } = await sm().send(
    new CreateModelPackageCommand({
      ModelPackageGroupName: group,
      InferenceSpecification: {
        Containers: [{ Image: XGBOOST_IMAGE, ModelDataUrl: "s3://fidelity/model.tar.gz" }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
      },
      CustomerMetadataProperties: { tenant: "fidelity" },
    }),
  );
  return ModelPackageArn!;
}

describe("SageMaker model registry approvals (API reference: UpdateModelPackage, DescribeModelPackage)", () => {
  it("starts PendingManualApproval in a group, then records status, description and metadata in one update", async () => {
    const arn = await register(`${P}-a`);
    const before = await sm().send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
    expect(before.ModelApprovalStatus).toBe("PendingManualApproval");
    await sm().send(
      new UpdateModelPackageCommand({
        ModelPackageArn: arn,
        ModelApprovalStatus: "Approved",
        ApprovalDescription: "level with production",
        CustomerMetadataProperties: { "fraud-console:approval-actor": "mlops@t.test", "fraud-console:approval-at": "2026-12-01T12:00:00Z" },
      }),
    );
    const after = await sm().send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
    expect(after).toMatchObject({
      ModelApprovalStatus: "Approved",
      ApprovalDescription: "level with production",
      CustomerMetadataProperties: {
        tenant: "fidelity",
        "fraud-console:approval-actor": "mlops@t.test",
        "fraud-console:approval-at": "2026-12-01T12:00:00Z",
      },
    });
    expect(after.LastModifiedTime!.getTime()).toBeGreaterThanOrEqual(before.CreationTime!.getTime());

    await sm().send(new UpdateModelPackageCommand({ ModelPackageArn: arn, CustomerMetadataPropertiesToRemove: ["tenant"] }));
    const removed = await sm().send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
    expect(removed.CustomerMetadataProperties).not.toHaveProperty("tenant");
    expect(removed.ModelApprovalStatus).toBe("Approved");
  });

  it("refuses an unknown status and a description over 1,024 characters with ValidationException", async () => {
    const arn = await register(`${P}-b`);
    const badStatus = await failure(() =>
      sm().send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: "Shipped" as ModelApprovalStatus })),
    );
    expect(badStatus.name).toBe("ValidationException");
    const long = await failure(() =>
      sm().send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ApprovalDescription: "x".repeat(1025) })),
    );
    expect(long.name).toBe("ValidationException");
  });
});
