import { formatPercent } from "@/components/ui/format";
import type { Comparison, LabelledQuality } from "@/lib/promotion/comparison";
import { DECISIONS } from "@/lib/scoring/decision";

const count = (n: number) => n.toLocaleString("en-US");
const ratio = (x: number | null) => (x === null ? "—" : x.toFixed(3));

function QualityRow({ label, q }: { label: string; q: LabelledQuality }) {
  return (
    <tr>
      <th scope="row" className="px-3 py-1.5 text-left font-medium">
        {label}
      </th>
      <td className="tabular px-3 py-1.5 text-right">{ratio(q.precision)}</td>
      <td className="tabular px-3 py-1.5 text-right">{ratio(q.recall)}</td>
      <td className="tabular px-3 py-1.5 text-right">{count(q.truePositives)}</td>
      <td className="tabular px-3 py-1.5 text-right">{count(q.falsePositives)}</td>
      <td className="tabular px-3 py-1.5 text-right">{count(q.falseNegatives)}</td>
    </tr>
  );
}

/**
 * How a candidate decides the transactions production decided (a shadow's live copies or a
 * backtest's replay): the decision matrix, the share that would change, score correlation, and
 * precision/recall of each on the transactions analysts have given verdicts, with the verdicts still
 * missing. Props only: the shadow and backtest cards fetch.
 */
export function ComparisonView({ comparison: c, candidateLabel }: { comparison: Comparison; candidateLabel: string }) {
  const v = c.verdicts;
  return (
    <div className="space-y-4 text-[13px]">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <div>
          <dt className="text-muted">Transactions compared</dt>
          <dd className="tabular text-[18px] font-semibold">{count(c.transactions)}</dd>
        </div>
        <div>
          <dt className="text-muted">Decisions that would change</dt>
          <dd className="tabular text-[18px] font-semibold">
            {c.changedShare === null ? "—" : formatPercent(c.changedShare)}
            <span className="ml-1 text-[12px] font-normal text-muted">({count(c.changed)})</span>
          </dd>
        </div>
        <div>
          <dt className="text-muted">Score correlation</dt>
          <dd className="tabular text-[18px] font-semibold">{ratio(c.scoreCorrelation)}</dd>
        </div>
        <div>
          <dt className="text-muted">Unmatched (production / {candidateLabel})</dt>
          <dd className="tabular">
            {count(c.unmatched.production)} / {count(c.unmatched.candidate)}
          </dd>
        </div>
      </dl>
      <table aria-label="Decision matrix" className="text-[13px]">
        <caption className="mb-1 text-left text-[12px] text-muted">
          Rows: production&apos;s decision; columns: {candidateLabel}&apos;s, both at the thresholds REVIEW ≥ {c.thresholds.review},
          SUSPICIOUS ≥ {c.thresholds.suspicious}.
        </caption>
        <thead>
          <tr className="text-[12px] text-muted">
            <th className="px-3 py-1.5 text-left font-medium">production ↓ / {candidateLabel} →</th>
            {DECISIONS.map((d) => (
              <th key={d} scope="col" className="px-3 py-1.5 text-right font-medium">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {DECISIONS.map((row) => (
            <tr key={row}>
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                {row}
              </th>
              {DECISIONS.map((col) => (
                <td key={col} className={`tabular px-3 py-1.5 text-right ${row === col ? "font-semibold" : "text-warning"}`}>
                  {count(c.matrix[row][col])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="Quality on verdicts" className="text-[13px]">
        <caption className="mb-1 text-left text-[12px] text-muted">
          On the {count(v.labelled)} transactions with an analyst&apos;s final verdict ({count(v.fraud)} fraud). Verdicts still missing:{" "}
          {count(v.missingForProductionFlags)} flagged by production and not yet decided, {count(v.missingForCandidateOnlyFlags)} flagged
          only by {candidateLabel} (production let them through, so no analyst saw them).
        </caption>
        <thead>
          <tr className="text-[12px] text-muted">
            <th className="px-3 py-1.5 text-left font-medium">model</th>
            {["Precision", "Recall", "TP", "FP", "FN"].map((h) => (
              <th key={h} scope="col" className="px-3 py-1.5 text-right font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          <QualityRow label="production" q={v.production} />
          <QualityRow label={candidateLabel} q={v.candidate} />
        </tbody>
      </table>
    </div>
  );
}
