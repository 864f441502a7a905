import Link from "next/link";

/** 403 outside the console shell (the shell has its own, app/(console)/forbidden.tsx). */
export default function Forbidden() {
  return (
    <main className="flex min-h-full items-center justify-center px-4">
      <div className="text-center">
        <p className="text-[12px] font-semibold uppercase tracking-wider text-danger">403 · Not permitted</p>
        <h1 className="mt-2 text-xl font-semibold tracking-tight">Your role cannot open this page</h1>
        <Link
          href="/"
          className="mt-6 inline-flex h-8 items-center rounded-md border border-line-strong bg-surface px-3 text-[13px] font-medium hover:bg-surface-muted"
        >
          Back to your console
        </Link>
      </div>
    </main>
  );
}
