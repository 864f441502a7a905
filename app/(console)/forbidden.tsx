import Link from "next/link";

/** Rendered with a 403 when requireSession() refuses the user's role for a page. */
export default function Forbidden() {
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <p className="text-[12px] font-semibold uppercase tracking-wider text-danger">403 · Not permitted</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight">Your role cannot open this page</h1>
      <p className="mt-2 text-[13px] text-muted">Ask an administrator of your organisation if you need access.</p>
      <Link
        href="/"
        className="mt-6 inline-flex h-8 items-center rounded-md border border-line-strong bg-surface px-3 text-[13px] font-medium hover:bg-surface-muted"
      >
        Back to your console
      </Link>
    </div>
  );
}
