import type { ComponentProps, ReactNode } from "react";

/** Form controls of the admin screens, in the console's look (same tokens as the sign-in form). */
const INPUT =
  "block h-8 rounded-md border bg-surface px-2.5 text-[13px] text-foreground shadow-sm outline-none placeholder:text-subtle focus:border-accent focus:ring-2 focus:ring-accent/20 focus-visible:outline-none disabled:opacity-60";

/** Full width unless the caller sets a width (a `w-…` class). */
const width = (className: string) => (/(^|\s)w-/.test(className) ? "" : "w-full");

export function TextInput({ isInvalid, className = "", ...props }: ComponentProps<"input"> & { isInvalid?: boolean }) {
  return (
    <input
      {...props}
      aria-invalid={isInvalid || undefined}
      className={`${INPUT} ${width(className)} ${isInvalid ? "border-danger" : "border-line-strong"} ${className}`}
    />
  );
}

export function Select({ isInvalid, className = "", children, ...props }: ComponentProps<"select"> & { isInvalid?: boolean }) {
  return (
    <select
      {...props}
      aria-invalid={isInvalid || undefined}
      className={`${INPUT} ${width(className)} ${isInvalid ? "border-danger" : "border-line-strong"} pr-7 ${className}`}
    >
      {children}
    </select>
  );
}

type Tone = "primary" | "secondary" | "danger" | "ghost";
const TONES: Record<Tone, string> = {
  primary: "bg-accent text-accent-foreground hover:bg-accent-hover border-transparent shadow-sm",
  secondary: "bg-surface text-foreground hover:bg-surface-muted border-line-strong shadow-sm",
  danger: "bg-danger text-white hover:opacity-90 border-transparent shadow-sm",
  ghost: "bg-transparent text-muted hover:text-foreground hover:bg-surface-muted border-transparent",
};

export function Button({ tone = "secondary", className = "", ...props }: ComponentProps<"button"> & { tone?: Tone }) {
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex h-8 items-center justify-center gap-1.5 whitespace-nowrap rounded-md border px-3 text-[13px] font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${TONES[tone]} ${className}`}
    />
  );
}

/** A labelled field with its hint and validation message (linked for screen readers). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-[12px] font-medium text-foreground">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-[12px] text-danger">
          {error}
        </p>
      ) : (
        hint && <p className="text-[12px] text-subtle">{hint}</p>
      )}
    </div>
  );
}
