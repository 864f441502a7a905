"use client";

import { ErrorCallout } from "@/components/ui/callout";

/** Last resort for a page that failed to render; details stay in the server log. */
export default function ConsoleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <ErrorCallout title="This page could not be loaded">
        A service the console depends on did not answer. Try again in a moment.
      </ErrorCallout>
      <button
        type="button"
        onClick={reset}
        className="h-8 rounded-md border border-line-strong bg-surface px-3 text-[13px] font-medium hover:bg-surface-muted"
      >
        Try again
      </button>
    </div>
  );
}
