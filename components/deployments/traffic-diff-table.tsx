import { formatPercent } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import type { DiffRow } from "./rollback-plan";
import { VersionLink } from "./variants-table";

const share = (value: number | null) => (value === null ? <span className="text-subtle">—</span> : formatPercent(value));

/** Per variant: model version and traffic share before → after (a rollback's diff, before or after it ran). */
export function TrafficDiffTable({ rows, label }: { rows: DiffRow[]; label: string }) {
  return (
    <table className="w-full text-left text-[13px]" aria-label={label}>
      <TableHead columns={["Variant", "Version before → after", { label: "Traffic before → after", className: "text-right" }]} />
      <tbody className="divide-y divide-line">
        {rows.map((r) => {
          const versionChanged = r.versionBefore !== r.versionAfter;
          const shareChanged = r.shareBefore !== r.shareAfter;
          return (
            <tr key={r.variantName}>
              <td className="px-4 py-2 font-medium">{r.variantName}</td>
              <td className="px-4 py-2">
                <VersionLink version={r.versionBefore} /> <span aria-label="to">→</span>{" "}
                <span className={versionChanged ? "rounded bg-warning-soft px-1" : undefined}>
                  <VersionLink version={r.versionAfter} />
                </span>
              </td>
              <td className="tabular px-4 py-2 text-right">
                {share(r.shareBefore)} <span aria-label="to">→</span>{" "}
                <span className={shareChanged ? "rounded bg-warning-soft px-1 font-semibold" : undefined}>{share(r.shareAfter)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
