import type { ModelVersionDetails } from "@/lib/models/describe-model-version";
import type { VersionDeployment } from "@/lib/models/version-deployments";
import type { ApprovalGates } from "@/lib/settings/tenant-settings";
import { checkApproval, type GateVerdict } from "./gates";

/**
 * What an engineer may do with a version on the Models page, each action with the reason it is
 * enabled or blocked — the same checks the server applies when the action is requested.
 * (rollout adds shadow, canary, backtest and promote beside these.)
 */
export interface VersionAction {
  allowed: boolean;
  reason: string;
}

export interface VersionActions {
  approve: VersionAction & { gates: GateVerdict[] };
  reject: VersionAction;
}

export function versionActions(input: {
  version: ModelVersionDetails;
  deployments: readonly VersionDeployment[];
  productionVersion: number | null;
  gates: ApprovalGates;
}): VersionActions {
  const { version } = input;
  const check = checkApproval({
    candidate: { version: version.version, metrics: version.metrics },
    productionVersion: input.productionVersion,
    gates: input.gates,
  });
  const approve: VersionActions["approve"] =
    version.approval.status === "Approved"
      ? { allowed: false, reason: "Already approved.", gates: check.gates }
      : check.refusal
        ? { allowed: false, reason: check.refusal.message, gates: check.gates }
        : { allowed: true, reason: check.gates.map((g) => g.message).join(" "), gates: check.gates };
  return { approve, reject: rejectAction(version, input.deployments) };
}

export function rejectAction(version: Pick<ModelVersionDetails, "approval">, deployments: readonly VersionDeployment[]): VersionAction {
  if (version.approval.status === "Rejected") return { allowed: false, reason: "Already rejected." };
  const serving = deployments.find((d) => !d.shadow && d.trafficShare > 0);
  if (serving) {
    return {
      allowed: false,
      reason: `Serves ${(serving.trafficShare * 100).toFixed(1)}% of live traffic on ${serving.variantName}: roll back or promote another version first.`,
    };
  }
  return { allowed: true, reason: "Marks the version as not fit to deploy; the comment says why." };
}
