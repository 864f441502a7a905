import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A dashboard panel: title, what it measures, headline figures, then the chart (or a true empty state). */
export function PanelCard({
  title,
  description,
  figures,
  empty,
  children,
  testId,
}: {
  title: string;
  description: string;
  figures?: ReadonlyArray<{ label: string; value: string; hint?: string }>;
  /** Set only when the range truly holds nothing for this panel: the message says why. */
  empty?: string;
  children?: ReactNode;
  testId: string;
}) {
  return (
    <Card title={title} description={description} className="min-w-0">
      <div className="space-y-3 px-4 py-3" data-testid={testId}>
        {figures && figures.length > 0 && (
          <dl className="flex flex-wrap gap-x-6 gap-y-2">
            {figures.map((f) => (
              <div key={f.label} title={f.hint}>
                <dt className="text-[11px] uppercase tracking-wide text-subtle">{f.label}</dt>
                <dd className="text-[15px] font-semibold tabular-nums">{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {empty ? (
          <p className="rounded-md border border-dashed border-line-strong px-3 py-6 text-center text-[13px] text-muted">{empty}</p>
        ) : (
          children
        )}
      </div>
    </Card>
  );
}
