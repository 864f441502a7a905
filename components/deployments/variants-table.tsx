import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatPercent } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { isShadow, type EndpointVariant } from "@/lib/queries/endpoints";

export const VARIANT_COLOURS = ["var(--chart-1)", "var(--chart-3)", "var(--chart-2)", "var(--chart-4)"];

/** The model package version a variant serves, linked to its row on the Models page. */
export function VersionLink({ version }: { version: string | number | null | undefined }) {
  if (version === null || version === undefined || version === "") return <span className="text-subtle">—</span>;
  // Only a registry version links to the Models page; anything else (a bare model name) is shown as is.
  if (!/^\d+$/.test(String(version))) return <span className="font-mono text-[12px]">{String(version)}</span>;
  return (
    <Link href={`/models#v${version}`} className="font-medium text-accent hover:underline">
      v{version}
    </Link>
  );
}

export function VariantsTable({ variants }: { variants: EndpointVariant[] }) {
  const live = variants.filter((v) => !isShadow(v));
  return (
    <Card
      title="Variants"
      description="Traffic share is each production variant's current weight over the sum of all weights; shadow variants get a copy of live requests and answer no caller."
    >
      <TrafficBar variants={live} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-[13px]" aria-label="Variants">
          <TableHead
            border="both"
            columns={[
              "Variant",
              "Model version",
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
                    style={{ background: VARIANT_COLOURS[i % VARIANT_COLOURS.length] }}
                    aria-hidden="true"
                  />
                  {v.variantName}
                  {isShadow(v) && (
                    <span className="ml-2">
                      <Badge>shadow</Badge>
                    </span>
                  )}
                </td>
                <td className="px-4 py-2.5">
                  <VersionLink version={v.modelVersion} />
                  {v.modelName && <span className="ml-2 font-mono text-[11px] text-subtle">{v.modelName}</span>}
                </td>
                <td className="px-4 py-2.5 text-muted">{v.instanceType ?? "—"}</td>
                <td className="tabular px-4 py-2.5 text-right">{v.currentInstanceCount ?? "—"}</td>
                <td className="tabular px-4 py-2.5 text-right text-muted">{isShadow(v) ? "—" : v.currentWeight}</td>
                <td className="tabular px-4 py-2.5 text-right font-semibold">
                  {isShadow(v) ? <span className="font-normal text-muted">copy of traffic</span> : formatPercent(v.trafficShare)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function TrafficBar({ variants }: { variants: EndpointVariant[] }) {
  const label = variants.map((v) => `${v.variantName} ${formatPercent(v.trafficShare)}`).join(", ");
  return (
    <div className="px-4 py-4">
      <div className="flex h-2.5 overflow-hidden rounded-full bg-surface-muted" role="img" aria-label={`Traffic split: ${label}`}>
        {variants.map((v, i) => (
          <div
            key={v.variantName}
            style={{ width: formatPercent(v.trafficShare, 3), background: VARIANT_COLOURS[i % VARIANT_COLOURS.length] }}
          />
        ))}
      </div>
    </div>
  );
}
