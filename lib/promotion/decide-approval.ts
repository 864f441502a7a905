import { UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { auditedAction } from "@/lib/audit/audited-action";
import { sageMakerClient } from "@/lib/aws/clients";
import { store } from "@/lib/db/store";
import { AppError } from "@/lib/errors/app-error";
import { APPROVAL_ACTOR_KEY, APPROVAL_AT_KEY, type Approval } from "@/lib/models/approval";
import { getModelsOverview, type ModelsOverviewDeps, type ModelVersionView } from "@/lib/models/get-models-overview";
import type { ApprovalRequest } from "./approval-request";
import { assertApprovalAllowed, checkApproval } from "./gates";
import { rejectAction } from "./version-actions";

export interface DecideApprovalInput extends ApprovalRequest {
  tenantId: string;
  version: number;
  actor: string;
}

/**
 * Approves or rejects a version of the tenant's group: the gates are checked on the server against
 * the registry and endpoint as they are now (an approval the gates refuse is a 409 with the gate's
 * code and reason, `gate_roc_auc` or `gate_champion`), then one UpdateModelPackage records status,
 * comment (ApprovalDescription), who and when, audited. Asking for the status the version already
 * has changes nothing and answers the version as it is (a retried click is not an error).
 */
export async function decideApproval(input: DecideApprovalInput, deps: ModelsOverviewDeps = {}): Promise<ModelVersionView> {
  const overview = await getModelsOverview({ tenantId: input.tenantId, version: input.version }, deps);
  const current = overview.versions[0]!;
  if (current.approval.status === input.status) return current;
  if (input.status === "Approved") {
    assertApprovalAllowed(
      checkApproval({
        candidate: { version: current.version, metrics: current.metrics },
        productionVersion: overview.productionVersion,
        gates: overview.gates,
      }),
    );
  } else {
    const reject = rejectAction(current, current.deployments);
    if (!reject.allowed) throw new AppError("conflict", reject.reason);
  }
  const at = store(deps).now().toISOString();
  const after: Approval = { status: input.status, by: input.actor, at, comment: input.comment };
  // An SDK failure may or may not have reached the registry: it leaves the pending audit entry (so
  // it is translated only once auditedAction has seen it).
  await auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: input.status === "Approved" ? "model.approve" : "model.reject",
      target: `model-package:${overview.modelPackageGroupName}/${input.version}`,
      reason: input.comment,
      requested: after,
    },
    async () => {
      await (deps.sageMaker ?? sageMakerClient()).send(
        new UpdateModelPackageCommand({
          ModelPackageArn: current.arn,
          ModelApprovalStatus: input.status,
          ApprovalDescription: input.comment,
          CustomerMetadataProperties: { [APPROVAL_ACTOR_KEY]: input.actor, [APPROVAL_AT_KEY]: at },
        }),
      );
      return { outcome: "applied", result: undefined, before: current.approval, after };
    },
    deps,
  ).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw new AppError("unavailable", "SageMaker did not confirm the decision; reload to see whether it was recorded", { cause: error });
  });
  return (await getModelsOverview({ tenantId: input.tenantId, version: input.version }, deps)).versions[0]!;
}
