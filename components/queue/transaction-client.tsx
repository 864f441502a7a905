"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ShapWaterfallChart } from "@/components/explanations/shap-waterfall-chart";
import { AgeCell, DecisionBadge, ExplanationNote, formatMoney, StatusBadge } from "@/components/queue/queue-cells";
import { RelatedTable } from "@/components/queue/related-table";
import { ShortcutSheet } from "@/components/queue/shortcut-sheet";
import { TransactionFacts } from "@/components/queue/transaction-facts";
import { useNow } from "@/components/queue/use-now";
import { useShortcuts } from "@/components/queue/use-shortcuts";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/callout";
import { useToast } from "@/components/ui/toast";
import { isApiError } from "@/lib/queries/api-error";
import { postVerdict, queueKeys, transactionOptions } from "@/lib/queries/queue";
import { isPending, STATUS_LABELS, VERDICT_LABELS, type QueueItem, type Verdict } from "@/lib/queue/queue-item";
import { useClaim, type ClaimState } from "./use-claim";
import { VerdictPanel } from "./verdict-panel";

const clock = new Intl.DateTimeFormat("en-GB", { timeStyle: "short" });
const stamp = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function TransactionClient({ txnId, backHref }: { txnId: string; backHref: string }) {
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const now = useNow();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [isSheetOpen, setSheetOpen] = useState(false);
  const { data } = useQuery(transactionOptions(txnId));
  const item = data?.item;
  const pending = item ? isPending(item.status) : false;
  const { state: claim, takeOver, markReleased } = useClaim(txnId, pending);

  const verdict = useMutation({
    mutationFn: (v: Verdict) => postVerdict(txnId, { verdict: v, note: noteRef.current?.value || undefined, version: item?.version ?? 1 }),
    onSuccess: (_, v) => {
      markReleased();
      toast.show("success", `${VERDICT_LABELS[v]}: ${txnId} recorded`);
      void queryClient.invalidateQueries({ queryKey: queueKeys.all });
      router.push(backHref);
    },
    onError: (error) => {
      const message = isApiError(error) ? error.message : "The verdict could not be recorded";
      setConflict(isApiError(error) && error.status === 409 ? message : null);
      toast.show("error", message);
      void queryClient.invalidateQueries({ queryKey: queueKeys.transaction(txnId) });
    },
  });

  const canDecide = pending && claim.kind === "mine" && !verdict.isPending;
  const decide = (v: Verdict) => canDecide && verdict.mutate(v);
  useShortcuts({
    f: () => decide("fraud"),
    l: () => decide("legit"),
    e: () => decide("escalate"),
    n: () => noteRef.current?.focus(),
    u: () => router.push(backHref),
    Escape: () => router.push(backHref),
    "?": () => setSheetOpen((open) => !open),
  });

  if (!data || !item) return null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={backHref} className="text-[12px] text-accent hover:underline">
          ← Queue <kbd className="ml-1 font-mono text-subtle">u</kbd>
        </Link>
        <h1 className="font-mono text-lg font-semibold tracking-tight">{item.txnId}</h1>
        <DecisionBadge decision={item.decision} />
        {item.status !== "open" && <StatusBadge status={item.status} />}
        <span className="text-[13px] text-muted">
          score <strong className="font-mono text-foreground">{item.score == null ? "—" : item.score.toFixed(3)}</strong> ·{" "}
          {formatMoney(item.transaction.amount, item.transaction.currency ?? null)} ·{" "}
          <AgeCell decision={item.decision} createdAt={item.createdAt} now={now} isPending={pending} />
        </span>
      </div>

      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_300px]">
        <div className="space-y-4">
          <Card title="Why it was flagged">
            <p className="px-4 py-3 text-[14px] leading-relaxed" data-testid="flag-summary">
              {data.summary}
            </p>
            {item.ruleHits.length > 0 && (
              <ul className="border-t border-line px-4 py-2 text-[12px]">
                {item.ruleHits.map((h) => (
                  <li key={h.rule_id} className="flex gap-2 py-0.5">
                    <span className="font-mono text-subtle">{h.rule_id}</span>
                    <span>{h.description}</span>
                    <span className="ml-auto">{h.decision}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card
            title="Feature contributions (SHAP)"
            description="From the model's base rate to this score, in log-odds; red pushes towards fraud, green away."
          >
            <div className="px-2 py-2">
              {data.waterfall ? (
                <ShapWaterfallChart waterfall={data.waterfall} />
              ) : data.explanation === "pending" || data.explanation === "failed" ? (
                <p className="px-2 py-3" role="status">
                  <ExplanationNote status={data.explanation} reason={item.explanation?.lastError} />
                  {data.explanation === "pending" && (
                    <span className="ml-2 text-[12px] text-subtle">
                      The decision did not wait for it; the chart appears here when the attributions arrive.
                    </span>
                  )}
                  {data.explanation === "failed" && (
                    <span className="ml-2 text-[12px] text-subtle">after {item.explanation?.attempts ?? 0} attempts</span>
                  )}
                </p>
              ) : (
                <p className="px-2 py-3 text-[12px] text-muted">
                  {item.degraded ? "The model did not answer; no attributions." : "Decided by rule without the model; no attributions."}
                </p>
              )}
            </div>
          </Card>
          <Card title="Transaction">
            <div className="px-4 py-3">
              <TransactionFacts item={item} />
            </div>
          </Card>
          <Card title="Same customer or card in the queue">
            <RelatedTable rows={data.related} />
          </Card>
        </div>

        <aside className="space-y-3 lg:sticky lg:top-4">
          <Card>
            <div className="space-y-3 p-3">
              <ClaimBanner claim={claim} isPending={pending} onTakeOver={() => void takeOver()} />
              {conflict && <ErrorCallout title="Not recorded">{conflict}</ErrorCallout>}
              {pending ? (
                <VerdictPanel isDisabled={claim.kind !== "mine"} isBusy={verdict.isPending} noteRef={noteRef} onDecide={decide} />
              ) : (
                <DecidedNote item={item} />
              )}
            </div>
          </Card>
          <Card>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 p-3 text-[12px]">
              <dt className="text-subtle">Model</dt>
              <dd className="font-mono">{item.model?.version ? `v${item.model.version}` : "—"}</dd>
              <dt className="text-subtle">Variant</dt>
              <dd className="font-mono">{item.model?.variant ?? "—"}</dd>
              <dt className="text-subtle">Endpoint</dt>
              <dd className="truncate font-mono">{item.model?.endpoint ?? "—"}</dd>
              <dt className="text-subtle">Degraded</dt>
              <dd>{item.degraded ? "yes (rules decided)" : "no"}</dd>
              <dt className="text-subtle">Queued</dt>
              <dd>{stamp.format(new Date(item.createdAt))} UTC</dd>
              <dt className="text-subtle">Version</dt>
              <dd className="font-mono">{item.version}</dd>
            </dl>
          </Card>
          <button type="button" onClick={() => setSheetOpen(true)} className="text-[12px] text-muted hover:text-foreground">
            Keyboard shortcuts <kbd className="font-mono">?</kbd>
          </button>
        </aside>
      </div>
      <ShortcutSheet open={isSheetOpen} onClose={() => setSheetOpen(false)} />
    </div>
  );
}

/** A fixed-height slot, so the panel doesn't jump while the claim resolves. */
function ClaimBanner({ claim, isPending, onTakeOver }: { claim: ClaimState; isPending: boolean; onTakeOver: () => void }) {
  if (!isPending) return null;
  const base = "flex min-h-9 items-center justify-between gap-2 rounded-md px-2.5 py-1.5 text-[12px]";
  switch (claim.kind) {
    case "pending":
      return <div className={`${base} bg-surface-muted text-muted`}>Claiming…</div>;
    case "mine":
      return (
        <div className={`${base} bg-accent-soft text-accent`} role="status">
          You are working on this until {clock.format(new Date(claim.claim.expiresAt))}
        </div>
      );
    case "theirs":
      return (
        <div className={`${base} bg-warning-soft text-warning`} role="status">
          <span>
            Claimed by <strong>{claim.claim?.name ?? "a colleague"}</strong>
            {claim.claim ? ` until ${clock.format(new Date(claim.claim.expiresAt))}` : ""}
          </span>
          <button
            type="button"
            onClick={onTakeOver}
            className="shrink-0 rounded border border-warning/40 bg-surface px-2 py-0.5 font-medium text-foreground hover:bg-surface-muted"
          >
            Take over
          </button>
        </div>
      );
    case "none":
      return <div className={`${base} bg-surface-muted text-muted`}>{claim.message ?? "Not claimed"}</div>;
  }
}

function DecidedNote({ item }: { item: QueueItem }) {
  const v = item.verdict;
  return (
    <div className="text-[13px]">
      <p className="font-medium">{STATUS_LABELS[item.status]}</p>
      {v && (
        <p className="mt-1 text-[12px] text-muted">
          by {v.byName} · {stamp.format(new Date(v.at))} UTC
          {v.note && <span className="mt-1 block text-foreground">“{v.note}”</span>}
        </p>
      )}
    </div>
  );
}
