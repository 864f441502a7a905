/** The product mark: a shield with a pulse line (fraud defence, live scoring). */
export function LogoMark({ className = "h-6 w-6" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true">
      <path d="M12 2.5 4 5.5v6.1c0 4.9 3.4 8.7 8 9.9 4.6-1.2 8-5 8-9.9V5.5l-8-3Z" fill="var(--accent)" />
      <path
        d="M7 12.5h2.4l1.4-3 2.4 6 1.4-3H17"
        fill="none"
        stroke="var(--accent-foreground)"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Logo() {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight text-foreground">
      <LogoMark />
      <span>Fraud Console</span>
    </span>
  );
}
