import type { ReactNode } from "react";

/** One titled block of the settings form: a heading column beside its fields (wide screens). */
export function FormSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="grid gap-4 border-b border-line px-5 py-5 last:border-b-0 md:grid-cols-[220px_1fr]">
      <div>
        <h2 id={id} className="text-[13px] font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-[12px] text-muted">{description}</p>
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}
