import type { TrafficPanel as TrafficData } from "@/lib/dashboards/panels/traffic";
import { DECISIONS } from "@/lib/metrics/decision-metrics";
import { DECISION_COLORS, formatCount, formatShare } from "./format";
import { PanelCard } from "./panel-card";
import { TimeChart } from "./time-chart";

const LABELS = { LEGIT: "Legit", REVIEW: "Review (step-up)", SUSPICIOUS: "Suspicious (declined)" } as const;

export function TrafficPanel({ data, stepSeconds }: { data: TrafficData; stepSeconds: number }) {
  const { totals } = data;
  const share = (n: number) => (totals.scored > 0 ? formatShare(n / totals.scored) : "—");
  const per = stepSeconds === 60 ? "minute" : `${stepSeconds / 60} min`;
  return (
    <PanelCard
      testId="panel-traffic"
      title="Transactions scored"
      description={`Per ${per}, by decision (stacked); rates are shares of the transactions scored.`}
      figures={[
        { label: "Scored", value: formatCount(totals.scored) },
        { label: "Decline rate", value: share(totals.byDecision.SUSPICIOUS), hint: "SUSPICIOUS decisions" },
        { label: "Step-up rate", value: share(totals.byDecision.REVIEW), hint: "REVIEW decisions" },
        {
          label: "Degraded",
          value: share(totals.degraded),
          hint: "Answered by rules and the fail mode because the model failed or was too slow",
        },
      ]}
      empty={totals.scored === 0 ? "No transactions were scored in this range." : undefined}
    >
      <TimeChart
        label={`Transactions scored per ${per} by decision`}
        kind="stacked"
        timestamps={data.timestamps}
        series={DECISIONS.map((d) => ({ key: d, label: LABELS[d], values: data.decisions[d], color: DECISION_COLORS[d] }))}
        format={formatCount}
      />
      <TimeChart
        label="Decline, step-up and degraded rates"
        height={140}
        timestamps={data.timestamps}
        series={[
          { key: "decline", label: "Decline rate", values: data.declineRate, color: DECISION_COLORS.SUSPICIOUS },
          { key: "stepup", label: "Step-up rate", values: data.stepUpRate, color: DECISION_COLORS.REVIEW },
          { key: "degraded", label: "Degraded share", values: data.degradedShare, color: "var(--chart-2)" },
        ]}
        format={formatShare}
        minTop={0.01}
      />
    </PanelCard>
  );
}
