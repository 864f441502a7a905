import type { ModelVersionDetails } from "@/lib/models/describe-model-version";
import type { VersionDeployment } from "@/lib/models/version-deployments";
import type { ApprovalGates } from "@/lib/settings/tenant-settings";
import { checkApproval, type GateVerdict } from "./gates";

/**
 * What an engineer may do with a version on the Models page, each action with the reason it is
 * enabled or blocked — the same checks the server applies when the action is requested. What needs
 * live figures (a promotion's guardrails and the budget's freeze, a backtest already running) the
 * page adds from their own APIs (GET /api/endpoints/{name}/promote, GET /api/backtests).
 */
export interface VersionAction {
  allowed: boolean;
  reason: string;
}

export interface VersionActions {
  approve: VersionAction & { gates: GateVerdict[] };
  reject: VersionAction;
  shadow: VersionAction;
  canary: VersionAction;
  /** `variant`: the live canary variant this version serves, which a promotion names. */
  promote: VersionAction & { variant: string | null };
  backtest: VersionAction;
}

/** Every version's deployments, to tell what else runs beside this one. */
export type DeploymentsOf = ReadonlyMap<number, readonly VersionDeployment[]>;

export function versionActions(input: {
  version: ModelVersionDetails;
  deployments: readonly VersionDeployment[];
  productionVersion: number | null;
  gates: ApprovalGates;
  /** Every version's deployments (the endpoint); only this version's when omitted. */
  all?: DeploymentsOf;
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
  const all = input.all ?? new Map([[version.version, input.deployments]]);
  return { approve, reject: rejectAction(version, input.deployments), ...rolloutActions(version, input.productionVersion, all) };
}

const PRODUCTION_VARIANT = "production";
const isLiveCanary = (d: VersionDeployment) => !d.shadow && d.variantName !== PRODUCTION_VARIANT && d.trafficShare > 0;
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function find(all: DeploymentsOf, test: (d: VersionDeployment) => boolean): { version: number; deployment: VersionDeployment } | null {
  for (const [version, deployments] of all) {
    const deployment = deployments.find(test);
    if (deployment) return { version, deployment };
  }
  return null;
}

/** Shadow, canary, promotion and backtest (lib/promotion/deploy-candidate.ts, promote-canary.ts, backtest/). */
function rolloutActions(
  version: Pick<ModelVersionDetails, "version" | "approval">,
  productionVersion: number | null,
  all: DeploymentsOf,
): Omit<VersionActions, "approve" | "reject"> {
  const own = all.get(version.version) ?? [];
  const canary = find(all, isLiveCanary);
  const shadow = find(all, (d) => d.shadow);
  const ownCanary = own.find(isLiveCanary);
  const backtest = {
    allowed: true,
    reason: "Replays captured traffic through this version on a temporary endpoint: no caller sees its answers.",
  };
  const notApproved = version.approval.status !== "Approved" && {
    allowed: false,
    reason: `${version.approval.status === "Rejected" ? "Rejected" : "Not approved yet"}: only approved versions may serve or shadow traffic.`,
  };
  const isProduction = productionVersion === version.version;
  const promote = ownCanary
    ? {
        allowed: true,
        variant: ownCanary.variantName,
        reason: `The canary serves ${percent(ownCanary.trafficShare)}: promotion moves production to this version (the server checks the error budget and the canary's last hour first).`,
      }
    : {
        allowed: false,
        variant: null,
        reason: isProduction ? "Serves production." : "Only a live canary can be promoted: deploy this version as a canary first.",
      };
  if (isProduction) {
    const serving = { allowed: false, reason: "Serves production." };
    return { shadow: serving, canary: serving, promote, backtest };
  }
  if (notApproved) return { shadow: notApproved, canary: notApproved, promote, backtest };
  const shadowAction: VersionAction = own.some((d) => d.shadow)
    ? { allowed: false, reason: "Runs as the shadow now: its comparison with production is below." }
    : canary
      ? { allowed: false, reason: `A shadow needs production alone: promote or roll back the v${canary.version} canary first.` }
      : {
          allowed: true,
          reason: `Gets a copy of every live request; its answers are captured, never returned.${shadow ? ` Replaces the v${shadow.version} shadow.` : ""}`,
        };
  const canaryAction: VersionAction = ownCanary
    ? { allowed: false, reason: `Serves ${percent(ownCanary.trafficShare)} as the canary now.` }
    : canary
      ? { allowed: false, reason: `v${canary.version} is the canary: promote or roll it back first.` }
      : {
          allowed: true,
          reason: `Serves a share of live traffic beside production (1–50%).${shadow ? ` Retires the v${shadow.version} shadow.` : ""}`,
        };
  return { shadow: shadowAction, canary: canaryAction, promote, backtest };
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
