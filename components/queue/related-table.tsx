import Link from "next/link";
import type { RelatedRow } from "@/lib/queue/list-related";
import { isPending } from "@/lib/queue/queue-item";
import { DecisionBadge, formatMoney, ScoreCell, StatusBadge } from "./queue-cells";

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "short", timeZone: "UTC" });

export function RelatedTable({ rows }: { rows: readonly RelatedRow[] }) {
  if (rows.length === 0)
    return <p className="px-4 py-3 text-[12px] text-muted">No other transactions of this customer or card in the queue.</p>;
  return (
    <table className="w-full text-[12px]" aria-label="Same customer or card">
      <tbody>
        {rows.map((r) => (
          <tr key={r.txnId} className="h-9 border-b border-line last:border-b-0">
            <td className="px-4">
              <Link href={`/transactions/${encodeURIComponent(r.txnId)}`} className="font-mono hover:underline">
                {r.txnId}
              </Link>
            </td>
            <td className="px-2">
              <ScoreCell score={r.score} />
            </td>
            <td className="px-2">{isPending(r.status) ? <DecisionBadge decision={r.decision} /> : <StatusBadge status={r.status} />}</td>
            <td className="px-2 text-right font-mono tabular-nums">{formatMoney(r.amount, r.currency)}</td>
            <td className="px-2 text-muted">{time.format(new Date(r.createdAt))} UTC</td>
            <td className="px-4 text-right text-subtle">same {r.sharedBy.join(" & ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
