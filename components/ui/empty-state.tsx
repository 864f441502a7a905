import type { ReactNode } from "react";

interface EmptyStateProps {
  title: string;
  /** Why the screen is empty — only ever shown when it truly is (no placeholder stands in for a missing feature). */
  description: ReactNode;
  tone?: "neutral" | "warning";
}

export function EmptyState({ title, description, tone = "neutral" }: EmptyStateProps) {
  return (
    <div
      className={`rounded-lg border border-dashed px-6 py-10 text-center ${tone === "warning" ? "border-warning/40 bg-warning-soft" : "border-line-strong bg-surface"}`}
    >
      <h2 className="text-[15px] font-semibold">{title}</h2>
      <div className="mx-auto mt-1.5 max-w-xl text-[13px] text-muted">{description}</div>
    </div>
  );
}
