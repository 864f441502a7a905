"use client";

import { useEffect, useRef, useState } from "react";
import { isApiError } from "@/lib/queries/api-error";
import { claimTransaction, releaseClaim } from "@/lib/queries/queue";
import type { Claim } from "@/lib/queue/queue-item";

/** Renew well before the 5-minute claim runs out while the page stays open. */
const RENEW_MS = 2 * 60_000;

export type ClaimState =
  { kind: "pending" } | { kind: "mine"; claim: Claim } | { kind: "theirs"; claim: Claim | null } | { kind: "none"; message?: string };

function toState(error: unknown): ClaimState {
  const details = isApiError(error) ? (error.details as { reason?: string; claim?: Claim | null } | undefined) : undefined;
  if (details?.reason === "claimed") return { kind: "theirs", claim: details.claim ?? null };
  return { kind: "none", message: isApiError(error) ? error.message : undefined };
}

/**
 * Claims a pending item when its page opens, renews the claim while the page is open and gives it
 * up on leaving. A colleague's claim is reported (with their name), and `takeOver` claims it anyway.
 */
export function useClaim(txnId: string, isClaimable: boolean) {
  const [state, setState] = useState<ClaimState>({ kind: isClaimable ? "pending" : "none" });
  const holds = useRef(false);

  const request = (takeOver: boolean) =>
    claimTransaction(txnId, takeOver).then(
      (result) => {
        holds.current = true;
        setState({ kind: "mine", claim: result.claim });
      },
      (error: unknown) => {
        holds.current = false;
        setState(toState(error));
      },
    );
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  });

  useEffect(() => {
    if (!isClaimable) return;
    void requestRef.current(false);
    const renew = setInterval(() => holds.current && void requestRef.current(false), RENEW_MS);
    return () => {
      clearInterval(renew);
      if (holds.current) releaseClaim(txnId);
      holds.current = false;
    };
  }, [isClaimable, txnId]);

  return {
    state,
    takeOver: () => request(true),
    markReleased: () => {
      holds.current = false;
    },
  };
}
