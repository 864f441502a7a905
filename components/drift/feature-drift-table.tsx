import { Badge } from "@/components/ui/badge";
import { TableHead } from "@/components/ui/table-head";
import type { DriftFeatureResult } from "@/lib/drift/drift-run";
import { count, fixed, percent, STATUS_LABEL, STATUS_TONE } from "./drift-format";

/** Features ranked by drift (PSI), with the statistics that judged them and their importance. */
export function FeatureDriftTable({
  features,
  selected,
  onSelect,
}: {
  features: readonly DriftFeatureResult[];
  selected: string | null;
  onSelect: (feature: string) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-[12px]">
        <TableHead
          columns={[
            "Feature",
            { label: "Status" },
            { label: "PSI", className: "text-right" },
            { label: "W1 / JS", className: "text-right" },
            { label: "KS D / χ²", className: "text-right" },
            { label: "Mean shift", className: "text-right" },
            { label: "Missing", className: "text-right" },
            { label: "Unseen", className: "text-right" },
            { label: "|SHAP|", className: "text-right" },
          ]}
        />
        <tbody>
          {features.map((f) => (
            <tr
              key={f.feature}
              aria-selected={f.feature === selected}
              className={`border-b border-line last:border-0 ${f.feature === selected ? "bg-accent-soft" : "hover:bg-surface-muted"}`}
            >
              <td className="px-4 py-1.5">
                <button type="button" onClick={() => onSelect(f.feature)} className="text-left font-medium hover:underline">
                  {f.label}
                </button>
                <span className="block text-[11px] text-subtle">
                  {f.feature} · {count(f.records)} records
                </span>
              </td>
              <td className="px-4 py-1.5">
                <Badge tone={STATUS_TONE[f.status]}>{STATUS_LABEL[f.status]}</Badge>
              </td>
              <Num value={fixed(f.psi)} isHot={f.violations.includes("psi")} />
              <Num
                value={f.type === "numeric" ? fixed(f.wasserstein) : fixed(f.js)}
                isHot={f.violations.includes("wasserstein") || f.violations.includes("js")}
              />
              <Num value={f.type === "numeric" ? fixed(f.ks) : fixed(f.chiSquare, 1)} isHot={false} />
              <Num value={f.type === "numeric" ? percent(f.meanShift) : "—"} isHot={f.violations.includes("meanShift")} />
              <Num value={`${percent(f.missingRate)} (${percent(f.baselineMissingRate)})`} isHot={false} />
              <Num value={f.type === "categorical" ? percent(f.unseenShare, 2) : "—"} isHot={f.violations.includes("unseenShare")} />
              <Num value={fixed(f.importance)} isHot={false} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Num({ value, isHot }: { value: string; isHot: boolean }) {
  return <td className={`px-4 py-1.5 text-right tabular-nums ${isHot ? "font-semibold text-danger" : ""}`}>{value}</td>;
}
