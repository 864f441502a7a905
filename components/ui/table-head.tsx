import type { ReactNode } from "react";

export interface TableColumn {
  label: ReactNode;
  /** Extra classes for the header cell (width, alignment). */
  className?: string;
  /** A column without a visible title (e.g. row actions) still names itself to screen readers. */
  srOnly?: boolean;
}

/** The header row of the console's data tables: small caps on a tinted band. */
export function TableHead({ columns, border = "bottom" }: { columns: ReadonlyArray<string | TableColumn>; border?: "bottom" | "both" }) {
  return (
    <thead
      className={`${border === "both" ? "border-y" : "border-b"} border-line bg-surface-muted text-[11px] uppercase tracking-wider text-subtle`}
    >
      <tr>
        {columns.map((column, i) => {
          const { label, className = "", srOnly = false } = typeof column === "string" ? { label: column } : column;
          return (
            <th key={i} className={`px-4 py-2 font-medium ${className}`}>
              {srOnly ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
