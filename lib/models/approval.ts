import type { DescribeModelPackageCommandOutput } from "@aws-sdk/client-sagemaker";

/**
 * A version's approval as the registry holds it: ModelApprovalStatus and ApprovalDescription (the
 * comment) are SageMaker's own; who decided and when go in CustomerMetadataProperties in the same
 * UpdateModelPackage call, so the decision is one write (no second store to drift from it). AWS's own
 * LastModifiedBy names the console's IAM role, not the engineer, and changes on any update.
 */
export const APPROVAL_STATUSES = ["PendingManualApproval", "Approved", "Rejected"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_ACTOR_KEY = "fraud-console:approval-actor";
export const APPROVAL_AT_KEY = "fraud-console:approval-at";

export interface Approval {
  status: ApprovalStatus | "Unknown";
  /** The console user who approved or rejected; null while pending or when decided outside the console. */
  by: string | null;
  at: string | null;
  comment: string | null;
}

export function approvalOf(
  described: Pick<DescribeModelPackageCommandOutput, "ModelApprovalStatus" | "ApprovalDescription" | "CustomerMetadataProperties">,
): Approval {
  const status = (APPROVAL_STATUSES as readonly string[]).includes(described.ModelApprovalStatus ?? "")
    ? (described.ModelApprovalStatus as ApprovalStatus)
    : "Unknown";
  const meta = described.CustomerMetadataProperties ?? {};
  const decided = status === "Approved" || status === "Rejected";
  return {
    status,
    by: decided ? (meta[APPROVAL_ACTOR_KEY] ?? null) : null,
    at: decided ? (meta[APPROVAL_AT_KEY] ?? null) : null,
    comment: decided ? (described.ApprovalDescription ?? null) : null,
  };
}
