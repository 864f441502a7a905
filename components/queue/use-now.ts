"use client";

import { useSyncExternalStore } from "react";

/**
 * The browser's clock, ticking every 15 s, shared by every subscriber; null during server render
 * and hydration so that ages computed from it never mismatch the server's HTML.
 */
const TICK_MS = 15_000;
let current = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number | null {
  return useSyncExternalStore<number | null>(
    subscribe,
    () => current,
    () => null,
  );
}
