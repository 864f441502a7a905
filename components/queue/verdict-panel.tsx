"use client";

import type { RefObject } from "react";
import { VERDICT_LABELS, type Verdict } from "@/lib/queue/queue-item";

const STYLES: Record<Verdict, string> = {
  fraud: "border-danger/40 bg-danger text-white hover:opacity-90",
  legit: "border-success/40 bg-success text-white hover:opacity-90",
  escalate: "border-line-strong bg-surface text-foreground hover:bg-surface-muted",
};
const KEYS: Record<Verdict, string> = { fraud: "f", legit: "l", escalate: "e" };

interface VerdictPanelProps {
  isDisabled: boolean;
  isBusy: boolean;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onDecide: (verdict: Verdict) => void;
}

export function VerdictPanel({ isDisabled, isBusy, noteRef, onDecide }: VerdictPanelProps) {
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-1 gap-2">
        {(["fraud", "legit", "escalate"] as const).map((v) => (
          <button
            key={v}
            type="button"
            disabled={isDisabled || isBusy}
            onClick={() => onDecide(v)}
            className={`flex h-9 items-center justify-between rounded-md border px-3 text-[13px] font-medium disabled:cursor-not-allowed disabled:opacity-40 ${STYLES[v]}`}
          >
            {VERDICT_LABELS[v]}
            <kbd className="rounded bg-black/10 px-1.5 font-mono text-[11px]">{KEYS[v]}</kbd>
          </button>
        ))}
      </div>
      <label className="block text-[11px] font-medium uppercase tracking-wider text-subtle" htmlFor="verdict-note">
        Note (optional, <kbd className="font-mono">n</kbd>)
      </label>
      <textarea
        id="verdict-note"
        ref={noteRef}
        rows={3}
        maxLength={2000}
        disabled={isDisabled}
        placeholder="e.g. customer confirmed by phone"
        className="w-full resize-none rounded-md border border-line bg-surface px-2 py-1.5 text-[12px] focus:border-accent focus:outline-none disabled:opacity-50"
      />
    </div>
  );
}
