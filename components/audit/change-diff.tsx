import { diffValues, formatValue } from "./diff-values";

/** Before → after of one audited action, one line per changed field. */
export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffValues(before, after);
  if (changes.length === 0) return <p className="text-[12px] text-muted">No field changed.</p>;
  return (
    <table className="w-full rounded-md border border-line bg-surface text-[12px]" aria-label="Changes">
      <thead className="text-[11px] uppercase tracking-wider text-subtle">
        <tr className="border-b border-line">
          <th className="w-1/4 px-3 py-1.5 text-left font-medium">Field</th>
          <th className="px-3 py-1.5 text-left font-medium">Before</th>
          <th className="px-3 py-1.5 text-left font-medium">After</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line font-mono">
        {changes.map((c) => (
          <tr key={c.path || "(value)"}>
            <td className="px-3 py-1.5 align-top text-foreground">{c.path || "(whole object)"}</td>
            <td className="break-all px-3 py-1.5 align-top text-danger">
              <span className="sr-only">before: </span>
              {formatValue(c.before)}
            </td>
            <td className="break-all px-3 py-1.5 align-top text-success">
              <span className="sr-only">after: </span>
              {formatValue(c.after)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
