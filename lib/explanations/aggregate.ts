import { FEATURES } from "@/lib/features/schema";
import type { ModelRef, QueueStatus } from "@/lib/queue/queue-item";
import type { FeatureAttribution } from "@/lib/scoring/parse-invocation";

/** What the global view reads of each flagged item. */
export interface FlaggedSample {
  status: QueueStatus;
  model: ModelRef | null;
  attributions: FeatureAttribution[] | null;
}

export interface FeatureImportance {
  feature: string;
  label: string;
  meanAbsShap: number;
}

export interface ModelVersionExplanation {
  /** "rules" for items no model scored. */
  modelVersion: string;
  flagged: number;
  explained: number;
  importance: FeatureImportance[];
  confirmedFraud: number;
  falsePositive: number;
  /** Confirmed fraud / verified; null before any verdict. */
  precision: number | null;
}

/**
 * Per model version: mean |SHAP| per feature over the flagged items it explained (largest first),
 * and the live precision of its flags from analysts' verdicts (escalations are not verdicts yet).
 */
export function aggregateExplanations(samples: Iterable<FlaggedSample>): ModelVersionExplanation[] {
  const byVersion = new Map<string, { flagged: number; explained: number; sums: Map<string, number>; fraud: number; legit: number }>();
  for (const s of samples) {
    const key = s.model?.version ?? "rules";
    let acc = byVersion.get(key);
    if (!acc) byVersion.set(key, (acc = { flagged: 0, explained: 0, sums: new Map(), fraud: 0, legit: 0 }));
    acc.flagged++;
    if (s.status === "confirmed_fraud") acc.fraud++;
    if (s.status === "false_positive") acc.legit++;
    if (!s.attributions?.length) continue;
    acc.explained++;
    for (const a of s.attributions) acc.sums.set(a.feature, (acc.sums.get(a.feature) ?? 0) + Math.abs(a.attribution));
  }
  return [...byVersion.entries()]
    .map(([modelVersion, acc]) => ({
      modelVersion,
      flagged: acc.flagged,
      explained: acc.explained,
      importance: FEATURES.map((f) => ({
        feature: f.name,
        label: f.label,
        meanAbsShap: acc.explained ? (acc.sums.get(f.name) ?? 0) / acc.explained : 0,
      }))
        .filter(() => acc.explained > 0)
        .sort((a, b) => b.meanAbsShap - a.meanAbsShap),
      confirmedFraud: acc.fraud,
      falsePositive: acc.legit,
      precision: acc.fraud + acc.legit > 0 ? acc.fraud / (acc.fraud + acc.legit) : null,
    }))
    .sort((a, b) => versionOrder(b.modelVersion) - versionOrder(a.modelVersion));
}

function versionOrder(version: string): number {
  const n = Number(version);
  return Number.isFinite(n) ? n : -1;
}
