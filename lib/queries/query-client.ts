import { isServer, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, isApiError } from "./api-error";

/**
 * The one QueryClient policy of the console.
 * - staleTime 30 s: the data (queue, metrics, endpoints) moves on a scale of seconds to minutes,
 *   and server-prefetched data must not be refetched the moment the page hydrates.
 * - gcTime 5 min: switching between screens and back reuses what was loaded.
 * - no retry on 4xx: 401/403/404/409 will not change by asking again; other failures (network,
 *   503 while SageMaker updates) retry twice with the library's backoff.
 * - 401 anywhere → back to sign-in, returning to the current page afterwards.
 * - no refetch on window focus: analysts switch windows constantly; polling is explicit per query.
 */
export const STALE_TIME_MS = 30_000;
export const GC_TIME_MS = 5 * 60_000;
const MAX_RETRIES = 2;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

function redirectToSignIn(error: unknown): void {
  if (isServer || !(error instanceof ApiError) || error.status !== 401) return;
  const here = window.location.pathname + window.location.search;
  // A full navigation, not router.push: the expired session must drop every cached query and
  // client state, and this runs outside any component (no router here).
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/signin?callbackUrl=${encodeURIComponent(here)}`);
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectToSignIn }),
    defaultOptions: {
      queries: { staleTime: STALE_TIME_MS, gcTime: GC_TIME_MS, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false, onError: redirectToSignIn },
    },
  });
}

let browserClient: QueryClient | undefined;

/**
 * On the server a fresh client per request (never share one user's cache with another); in the
 * browser one client for the page's lifetime.
 */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}
