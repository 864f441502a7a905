import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-full items-center justify-center px-4">
      <div className="text-center">
        <p className="text-[12px] font-semibold uppercase tracking-wider text-subtle">404</p>
        <h1 className="mt-2 text-xl font-semibold tracking-tight">Page not found</h1>
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
