"use client";

import { useEffect, useRef } from "react";

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

/**
 * Single-key shortcuts for the page (j, k, Enter, f, l, e, ?), ignored while typing in a field or
 * with a modifier held, so browser and OS shortcuts keep working.
 */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) {
        if (event.key === "Escape") target.blur();
        return;
      }
      const handler = ref.current[event.key];
      if (!handler) return;
      // Enter on a focused link or button already does its own thing.
      if (event.key === "Enter" && target && ["A", "BUTTON"].includes(target.tagName)) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
