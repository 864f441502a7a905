import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server render and while React hydrates it, true once the page's handlers are
 * attached. Controls that would misbehave without their handlers stay disabled until then.
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
