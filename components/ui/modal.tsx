"use client";

import { useEffect, useId, type ReactNode } from "react";

/** The dialogs' frame: a modal with a title, closed by Escape unless an action is running (deployments, rollouts, retraining). */
export function Modal({
  title,
  onClose,
  isBusy = false,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  isBusy?: boolean;
  children: ReactNode;
  wide?: boolean;
}) {
  const titleId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !isBusy && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose, isBusy]);
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`max-h-[90vh] w-full overflow-y-auto rounded-lg border border-line bg-surface p-5 shadow-xl ${wide ? "max-w-2xl" : "max-w-lg"}`}
      >
        <h2 id={titleId} className="text-[15px] font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
