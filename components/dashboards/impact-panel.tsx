import type { ImpactPanel as ImpactData } from "@/lib/dashboards/panels/impact";
import { formatMoney } from "./format";
import { PanelCard } from "./panel-card";
import { TimeChart } from "./time-chart";

export function ImpactPanel({ data }: { data: ImpactData }) {
  if (data.currencies.length === 0) {
    return (
      <PanelCard
        testId="panel-impact"
        title="Business impact"
        description="Per day and currency."
        empty="No transaction with a currency was scored in this range."
      />
    );
  }
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {data.currencies.map((c) => {
        const money = (n: number) => formatMoney(n, c.currency);
        return (
          <PanelCard
            key={c.currency}
            testId={`panel-impact-${c.currency}`}
            title={`Business impact (${c.currency})`}
            description="Per day (UTC). Fraud declined and friction count analysts' verdicts, dated when the payment was scored; amounts are never converted between currencies."
            figures={[
              { label: "Confirmed fraud declined", value: money(c.totals.fraudDeclined) },
              { label: "Held for review", value: money(c.totals.heldForReview) },
              {
                label: "False-positive friction",
                value: money(c.totals.falsePositiveFriction),
                hint: "Legitimate amounts declined or stepped up",
              },
            ]}
          >
            <TimeChart
              label={`Business impact per day in ${c.currency}`}
              kind="bars"
              height={160}
              timestamps={data.timestamps}
              series={[
                { key: "fd", label: "Fraud declined", values: c.fraudDeclined, color: "var(--chart-4)" },
                { key: "hr", label: "Held for review", values: c.heldForReview, color: "var(--chart-3)" },
                { key: "fp", label: "False-positive friction", values: c.falsePositiveFriction, color: "var(--chart-5)" },
              ]}
              format={money}
            />
          </PanelCard>
        );
      })}
    </div>
  );
}
