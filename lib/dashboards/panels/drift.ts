import { AppError } from "@/lib/errors/app-error";
import type { DriftFeatureResult, DriftRecommendation, DriftRun, DriftStatus } from "@/lib/drift/drift-run";
import { getDriftOverview } from "@/lib/drift/get-drift-overview";
import type { PanelContext } from "../panel-context";

export interface DriftPanel {
  /** The endpoint's latest run, whenever it ran (drift is judged per run, not per dashboard range). */
  latest: {
    id: string;
    createdAt: string;
    from: string;
    to: string;
    records: number;
    baselineVersion: string;
    /** The worst feature status of the run. */
    status: DriftStatus;
    weightedViolation: number;
    recommendation: DriftRecommendation | null;
    counts: Record<DriftStatus, number>;
  } | null;
  /** The latest run's drifting features (warn or alert), worst first, at most TOP_FEATURES. */
  topFeatures: Array<Pick<DriftFeatureResult, "feature" | "label" | "status" | "psi" | "importance" | "violations">>;
  /** The runs whose window ends within the range, oldest first: weighted violation over time, dated by window end. */
  runs: Array<{ at: number; weightedViolation: number; alerts: number }>;
}

const TOP_FEATURES = 5;
const HISTORY_LIMIT = 200;
const SEVERITY: Record<DriftStatus, number> = { alert: 3, warn: 2, insufficient: 1, ok: 0 };

/** The latest drift run of the tenant's endpoint and the runs of the range (lib/drift's store: key look-ups, no Scan). */
export async function driftPanel(ctx: PanelContext): Promise<DriftPanel> {
  let overview;
  try {
    overview = await getDriftOverview({ tenantId: ctx.tenantId, endpointName: ctx.endpointName, limit: HISTORY_LIMIT }, ctx.deps);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { latest: null, topFeatures: [], runs: [] };
    throw error;
  }
  const runs = overview.runs
    .map((r) => ({
      at: Date.parse(r.to),
      weightedViolation: r.weightedViolation,
      alerts: r.features.filter((f) => f.status === "alert").length,
    }))
    .filter((r) => r.at >= ctx.range.from && r.at < ctx.range.to)
    .sort((a, b) => a.at - b.at);
  return { latest: overview.latest && summarise(overview.latest), topFeatures: topFeatures(overview.latest), runs };
}

function summarise(run: DriftRun): NonNullable<DriftPanel["latest"]> {
  const counts: Record<DriftStatus, number> = { ok: 0, warn: 0, alert: 0, insufficient: 0 };
  for (const f of run.features) counts[f.status]++;
  const status =
    (Object.keys(SEVERITY) as DriftStatus[]).find((s) => counts[s] > 0 && s !== "insufficient") ??
    (counts.insufficient > 0 ? "insufficient" : "ok");
  return {
    id: run.id,
    createdAt: run.createdAt,
    from: run.from,
    to: run.to,
    records: run.records,
    baselineVersion: run.baselineVersion,
    status,
    weightedViolation: run.weightedViolation,
    recommendation: run.recommendation,
    counts,
  };
}

function topFeatures(run: DriftRun | null): DriftPanel["topFeatures"] {
  return (run?.features ?? [])
    .filter((f) => f.status === "alert" || f.status === "warn")
    .sort((a, b) => SEVERITY[b.status] - SEVERITY[a.status] || b.importance * (b.psi ?? 0) - a.importance * (a.psi ?? 0))
    .slice(0, TOP_FEATURES)
    .map(({ feature, label, status, psi, importance, violations }) => ({ feature, label, status, psi, importance, violations }));
}
