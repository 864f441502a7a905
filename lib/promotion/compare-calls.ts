import type { ComparisonAccumulator } from "./comparison";
import type { JoinedCall } from "./join-calls";
import type { VerdictIndex } from "./verdict-index";

/** Feeds one joined call into the comparison, row by row, with each row's verdict when there is one. */
export function addJoinedCall(acc: ComparisonAccumulator, pair: JoinedCall, verdicts: VerdictIndex): void {
  const { production, shadow } = pair;
  // The explainer re-invokes production for a flagged transaction (and the shadow gets a copy of
  // that call too): the decision was captured already, so neither side counts it again.
  if (production?.explained) return;
  if (production && shadow && production.rows.length === shadow.rows.length) {
    production.rows.forEach((row, i) => {
      acc.add({ productionScore: production.scores[i]!, candidateScore: shadow.scores[i]!, label: verdicts.take(row) });
    });
    return;
  }
  if (production) acc.addUnmatched("production", production.rows.length);
  if (shadow) acc.addUnmatched("candidate", shadow.rows.length);
}
