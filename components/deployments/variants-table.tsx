import { Card } from "@/components/ui/card";
import { formatPercent } from "@/components/ui/format";
import type { VariantOverview } from "@/lib/deployments/endpoint-overview";
import { TableHead } from "@/components/ui/table-head";

const BAR_COLOURS = ["var(--chart-1)", "var(--chart-3)", "var(--chart-2)", "var(--chart-4)"];

export function VariantsTable({ variants }: { variants: VariantOverview[] }) {
  return (
    <Card title="Production variants" description="Traffic share is each variant's current weight over the sum of all weights.">
      <TrafficBar variants={variants} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-[13px]">
          <TableHead
            border="both"
            columns={[
              "Variant",
              "Model",
              "Instance type",
              { label: "Instances", className: "text-right" },
              { label: "Weight", className: "text-right" },
              { label: "Traffic share", className: "text-right" },
            ]}
          />
          <tbody className="divide-y divide-line">
            {variants.map((v, i) => (
              <tr key={v.variantName}>
                <td className="px-4 py-2.5 font-medium">
                  <span
                    className="mr-2 inline-block h-2 w-2 rounded-sm"
                    style={{ background: BAR_COLOURS[i % BAR_COLOURS.length] }}
                    aria-hidden="true"
                  />
                  {v.variantName}
                </td>
                <td className="px-4 py-2.5 font-mono text-[12px]">{v.modelName ?? "—"}</td>
                <td className="px-4 py-2.5 text-muted">{v.instanceType ?? "—"}</td>
                <td className="tabular px-4 py-2.5 text-right">{v.currentInstanceCount ?? "—"}</td>
                <td className="tabular px-4 py-2.5 text-right text-muted">{v.currentWeight}</td>
                <td className="tabular px-4 py-2.5 text-right font-semibold">{formatPercent(v.trafficShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function TrafficBar({ variants }: { variants: VariantOverview[] }) {
  const label = variants.map((v) => `${v.variantName} ${formatPercent(v.trafficShare)}`).join(", ");
  return (
    <div className="px-4 py-4">
      <div className="flex h-2.5 overflow-hidden rounded-full bg-surface-muted" role="img" aria-label={`Traffic split: ${label}`}>
        {variants.map((v, i) => (
          <div key={v.variantName} style={{ width: formatPercent(v.trafficShare, 3), background: BAR_COLOURS[i % BAR_COLOURS.length] }} />
        ))}
      </div>
    </div>
  );
}
