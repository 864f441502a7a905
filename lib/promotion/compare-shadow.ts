import type { StoreDeps } from "@/lib/db/store";
import type { DecisionThresholds } from "@/lib/scoring/decision";
import { getSettings } from "@/lib/settings/get-settings";
import { SHADOW_VARIANT, type CaptureReader } from "./backtest/capture-source";
import { addJoinedCall } from "./compare-calls";
import { ComparisonAccumulator, type Comparison } from "./comparison";
import { toScoredCall, type ScoredCall } from "./captured-rows";
import { joinCalls, type JoinStats } from "./join-calls";
import { loadVerdicts, type VerdictIndex } from "./verdict-index";

export interface ShadowComparisonInput {
  tenantId: string;
  endpointName: string;
  /** The production variant the shadow copies (a shadow deployment has exactly one). */
  productionVariant: string;
  from: string;
  to: string;
}

export interface ShadowComparisonDeps extends StoreDeps {
  capture: CaptureReader;
  thresholds?: DecisionThresholds;
  verdicts?: VerdictIndex;
  stats?: JoinStats;
}

async function* scoredCalls(reader: CaptureReader, window: ShadowComparisonInput, variantName: string): AsyncGenerator<ScoredCall> {
  for await (const record of reader.calls({ ...window, variantName })) {
    const call = toScoredCall(record);
    if (call) yield call;
  }
}

/**
 * The shadow's comparison over [from, to]: production's captured calls joined with the shadow's
 * copies of them (join-calls.ts), row by row at the tenant's thresholds, with analysts' verdicts.
 * Streams both variants' capture; memory is the join's lag buffer plus the window's verdicts.
 */
export async function compareShadow(input: ShadowComparisonInput, deps: ShadowComparisonDeps): Promise<Comparison> {
  const thresholds = deps.thresholds ?? (await getSettings({ tenantId: input.tenantId }, deps)).settings.thresholds;
  const verdicts = deps.verdicts ?? (await loadVerdicts(input, deps));
  const acc = new ComparisonAccumulator(thresholds);
  const pairs = joinCalls(scoredCalls(deps.capture, input, input.productionVariant), scoredCalls(deps.capture, input, SHADOW_VARIANT), {
    stats: deps.stats,
  });
  for await (const pair of pairs) addJoinedCall(acc, pair, verdicts);
  return acc.result();
}
