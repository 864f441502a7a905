"use client";

import { useSyncExternalStore, type ReactNode } from "react";

export type ToastTone = "success" | "error" | "info";

interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

/**
 * Toasts live in a small module-level store rather than in a context, so a toast shown just before
 * a navigation (a verdict, then back to the queue) is still shown by the next page's <Toaster>.
 */
let toasts: readonly Toast[] = [];
let nextId = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const DURATION_MS = { success: 3_000, info: 4_000, error: 7_000 } as const;

function dismiss(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export const toast = {
  show: (tone: ToastTone, message: string): void => {
    const id = ++nextId;
    toasts = [...toasts.slice(-3), { id, tone, message }];
    emit();
    // Errors stay longer: they need reading.
    setTimeout(() => dismiss(id), DURATION_MS[tone]);
  },
};

export function useToast(): typeof toast {
  return toast;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const NONE: readonly Toast[] = [];

const DOT: Record<ToastTone, string> = { success: "bg-success", error: "bg-danger", info: "bg-accent" };

/** Fixed in a corner: toasts never shift the page's layout. */
export function Toaster() {
  const list = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => NONE,
  );
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2" aria-live="polite">
      {list.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" ? "alert" : "status"}
          className={`pointer-events-auto flex items-start gap-2.5 rounded-lg border bg-surface px-3.5 py-2.5 text-[13px] text-foreground shadow-lg ${t.tone === "error" ? "border-danger/40" : "border-line-strong"}`}
        >
          <span className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${DOT[t.tone]}`} aria-hidden="true" />
          <p className="flex-1">{t.message}</p>
          <button type="button" onClick={() => dismiss(t.id)} className="text-subtle hover:text-foreground" aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** The page's content plus its toaster. */
export function ToastProvider({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <Toaster />
    </>
  );
}
