import { AppError } from "@/lib/errors/app-error";
import type { HeadlineFigures, ModelMetrics } from "@/lib/models/model-metrics";
import type { ApprovalGates } from "@/lib/settings/tenant-settings";

/**
 * The approval gates, as pure functions: the server refuses an approval with the first failing
 * gate's code (assertApprovalAllowed), and the Models page shows every gate's verdict (checkApproval)
 * so the button says why it is enabled or blocked before anyone clicks.
 *
 * 1. `gate_roc_auc`: ROC-AUC at least the tenant's minimum (default 0.7, the seeds' only gate).
 * 2. `gate_champion`: no further behind the production version than the tolerances, on the same
 *    held-out evaluation: the candidate's evaluation carries production's figures on the candidate's
 *    own test split (training records them, evaluation.json `champion`). A ROC-AUC that passes (1)
 *    says little for fraud: acme's rushed v3 has 0.924 but a PR-AUC of 0.537 against v2's 0.862.
 */
export type ApprovalGateCode = "gate_roc_auc" | "gate_champion";

export interface GateVerdict {
  code: ApprovalGateCode;
  passed: boolean;
  /** One sentence for people: what was compared with what. */
  message: string;
}

export interface ApprovalCheck {
  allowed: boolean;
  /** The first failing gate, the one the server answers with. */
  refusal: GateVerdict | null;
  gates: GateVerdict[];
}

export interface ApprovalCheckInput {
  candidate: { version: number; metrics: ModelMetrics | null };
  /** The version production serves now (null: nothing deployed yet). */
  productionVersion: number | null;
  gates: ApprovalGates;
}

/** Rounding noise of figures written with six decimals must not refuse an equal model. */
const EPSILON = 1e-9;
const f3 = (v: number) => v.toFixed(3);

function rocAucGate(metrics: ModelMetrics | null, gates: ApprovalGates): GateVerdict {
  if (!metrics) return { code: "gate_roc_auc", passed: false, message: "No evaluation is registered for this version." };
  const passed = metrics.rocAuc + EPSILON >= gates.minRocAuc;
  return {
    code: "gate_roc_auc",
    passed,
    message: `ROC-AUC ${f3(metrics.rocAuc)} ${passed ? "meets" : "is below"} the minimum ${f3(gates.minRocAuc)}.`,
  };
}

interface Shortfall {
  label: string;
  candidate: number | null;
  champion: number | null;
  tolerance: number;
}

function describeShortfall(s: Shortfall): string | null {
  if (s.candidate === null || s.champion === null) return `${s.label} was not evaluated for both versions`;
  const drop = s.champion - s.candidate;
  if (drop <= s.tolerance + EPSILON) return null;
  return `${s.label} ${f3(s.candidate)} is ${f3(drop)} behind production's ${f3(s.champion)} (tolerance ${f3(s.tolerance)})`;
}

function championGate(candidate: ApprovalCheckInput["candidate"], productionVersion: number | null, gates: ApprovalGates): GateVerdict {
  const fail = (message: string): GateVerdict => ({ code: "gate_champion", passed: false, message });
  if (productionVersion === null) {
    return { code: "gate_champion", passed: true, message: "No version serves production yet: nothing to compare with." };
  }
  if (candidate.version === productionVersion) {
    return { code: "gate_champion", passed: true, message: `v${candidate.version} is the production version.` };
  }
  const champion = candidate.metrics?.champion;
  if (!champion) return fail(`No comparison with production v${productionVersion} on this version's test split was recorded.`);
  if (champion.version !== productionVersion) {
    return fail(
      `Evaluated against v${champion.version}, but production serves v${productionVersion} now: retrain or re-evaluate against it.`,
    );
  }
  const metrics = candidate.metrics as HeadlineFigures;
  const shortfalls = [
    describeShortfall({ label: "PR-AUC", candidate: metrics.prAuc, champion: champion.prAuc, tolerance: gates.maxPrAucDrop }),
    describeShortfall({
      label: "Recall at 80% precision",
      candidate: metrics.recallAt80Precision,
      champion: champion.recallAt80Precision,
      tolerance: gates.maxRecallAt80PrecisionDrop,
    }),
  ].filter((s): s is string => s !== null);
  if (shortfalls.length > 0) return fail(`Behind production v${productionVersion} on the same held-out split: ${shortfalls.join("; ")}.`);
  return {
    code: "gate_champion",
    passed: true,
    message: `Within tolerance of production v${productionVersion} on the same held-out split (PR-AUC ${f3(metrics.prAuc)} vs ${f3(champion.prAuc)}).`,
  };
}

export function checkApproval(input: ApprovalCheckInput): ApprovalCheck {
  const gates = [rocAucGate(input.candidate.metrics, input.gates)];
  // Without an evaluation there is nothing to compare: the ROC-AUC gate already says so.
  if (input.candidate.metrics) gates.push(championGate(input.candidate, input.productionVersion, input.gates));
  const refusal = gates.find((g) => !g.passed) ?? null;
  return { allowed: refusal === null, refusal, gates };
}

/** Throws the refusing gate's AppError (409, the one error body, `details.gates` with every verdict). */
export function assertApprovalAllowed(check: ApprovalCheck): void {
  if (!check.refusal) return;
  throw new AppError(check.refusal.code, check.refusal.message, { details: { gates: check.gates } });
}
