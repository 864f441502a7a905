import type { ReactNode } from "react";

interface EmptyStateProps {
  title: string;
  description: ReactNode;
  /** What this screen will show once its capability lands, so the empty page is still useful. */
  upcoming?: string[];
  tone?: "neutral" | "warning";
}

export function EmptyState({ title, description, upcoming, tone = "neutral" }: EmptyStateProps) {
  return (
    <div
      className={`rounded-lg border border-dashed px-6 py-10 text-center ${tone === "warning" ? "border-warning/40 bg-warning-soft" : "border-line-strong bg-surface"}`}
    >
      <h2 className="text-[15px] font-semibold">{title}</h2>
      <div className="mx-auto mt-1.5 max-w-xl text-[13px] text-muted">{description}</div>
      {upcoming && upcoming.length > 0 && (
        <ul className="mx-auto mt-5 grid max-w-xl gap-1.5 text-left text-[13px] text-muted sm:grid-cols-2">
          {upcoming.map((item) => (
            <li key={item} className="flex items-start gap-2 rounded-md border border-line bg-surface px-3 py-2">
              <span className="mt-1.5 h-1.5 w-1.5 shrink-0 rounded-full bg-accent" aria-hidden="true" />
              {item}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
