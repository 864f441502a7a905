"use client";

import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

/**
 * Single-key shortcuts for the page (j, k, Enter, f, l, e, ?), ignored while typing in a field or
 * with a modifier held, so browser and OS shortcuts keep working.
 *
 * Returns whether the keys are listened to. Server-rendered HTML can be on screen before the page
 * hydrates, and keys pressed then would go nowhere: callers mark what the keys drive as busy (and
 * inert) until this is true. It is a store subscription so that it turns true only once the listener
 * is attached: React subscribes after hydration, then re-renders with the client's snapshot.
 */
export function useShortcuts(map: ShortcutMap, enabled = true): boolean {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  const subscribe = useCallback(
    (_onChange: () => void) => {
      if (!enabled) return () => undefined;
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
    },
    [enabled],
  );
  return useSyncExternalStore(
    subscribe,
    () => enabled,
    () => false,
  );
}
