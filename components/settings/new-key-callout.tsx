"use client";

import { useState } from "react";
import { Button } from "./controls";

/** The only time a key's plaintext is shown: it is not stored anywhere, only its hash. */
export function NewKeyCallout({ name, plaintext, onDone }: { name: string; plaintext: string; onDone: () => void }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  async function copyKey() {
    try {
      await navigator.clipboard.writeText(plaintext);
      setCopy("copied");
    } catch {
      // Clipboard access needs a secure context or permission; the key stays selectable.
      setCopy("failed");
    }
  }
  return (
    <section aria-label="New API key" className="rounded-md border border-warning/40 bg-warning-soft px-4 py-3">
      <p className="text-[13px] font-semibold text-warning">Copy the key for “{name}” now: it will not be shown again</p>
      <p className="mt-0.5 text-[12px] text-muted">
        Store it in the application&apos;s secret manager. If it is lost, create a new key and revoke this one.
      </p>
      <div className="mt-2.5 flex flex-wrap items-center gap-2">
        <input
          readOnly
          aria-label="New API key"
          value={plaintext}
          onFocus={(e) => e.currentTarget.select()}
          className="h-8 min-w-0 flex-1 rounded-md border border-line-strong bg-surface px-2.5 font-mono text-[12px] text-foreground"
        />
        <Button tone="primary" onClick={() => void copyKey()}>
          {copy === "copied" ? "Copied" : "Copy"}
        </Button>
        <Button onClick={onDone}>Done</Button>
      </div>
      {copy === "failed" && (
        <p className="mt-1 text-[12px] text-danger">Copying was blocked by the browser: select the key and copy it by hand.</p>
      )}
    </section>
  );
}
