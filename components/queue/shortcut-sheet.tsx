"use client";

import { useEffect, useRef } from "react";

export const QUEUE_SHORTCUTS: ReadonlyArray<[string, string]> = [
  ["j / k", "Next / previous transaction"],
  ["Enter", "Open the selected transaction"],
  ["x", "Select for a bulk verdict"],
  ["f", "Confirm fraud"],
  ["l", "False positive (legitimate)"],
  ["e", "Escalate"],
  ["n", "Write a note (detail page)"],
  ["Esc / u", "Back to the queue (detail page)"],
  ["/", "Search by txn id"],
  ["?", "Show or hide this sheet"],
];

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      aria-labelledby="shortcut-title"
      className="m-auto w-[420px] rounded-xl border border-line bg-surface p-0 text-foreground shadow-2xl backdrop:bg-black/30"
    >
      <div className="border-b border-line px-5 py-3">
        <h2 id="shortcut-title" className="text-[14px] font-semibold">
          Keyboard shortcuts
        </h2>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 px-5 py-4 text-[13px]">
        {QUEUE_SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              {keys.split(" / ").map((k, i) => (
                <span key={k}>
                  {i > 0 && <span className="px-1 text-subtle">/</span>}
                  <kbd className="rounded border border-line-strong bg-surface-muted px-1.5 py-0.5 font-mono text-[11px]">{k}</kbd>
                </span>
              ))}
            </dt>
            <dd className="text-muted">{what}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
