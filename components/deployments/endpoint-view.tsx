"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/settings/controls";
import { ErrorCallout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatPercent } from "@/components/ui/format";
import { TableSkeleton } from "@/components/ui/skeleton";
import {
  TRANSITIONAL_STATUSES,
  endpointKeys,
  endpointQueryOptions,
  isShadow,
  type EndpointDetail,
  type MetricsView,
} from "@/lib/queries/endpoints";
import { rollbackErrorText, rollbackKeys, type RollbackEvent } from "@/lib/queries/rollbacks";
import { EndpointSummary } from "./endpoint-summary";
import { RollbackDialog } from "./rollback-dialog";
import { hasTrafficMoved, planFromPreview } from "./rollback-plan";
import { VariantMetricsPanel } from "./variant-metrics";
import { VariantsTable } from "./variants-table";
import { WeightsDialog } from "./weights-dialog";

const FOLLOW_MS = 1_000;

/** What the page waits for after a change it made: the endpoint showing the new traffic. */
type Following = { kind: "weights"; weights: Record<string, number> } | { kind: "rollback"; event: RollbackEvent };

function weightsApplied(endpoint: EndpointDetail | null | undefined, weights: Record<string, number>): boolean {
  if (!endpoint || endpoint.status !== "InService") return false;
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  return endpoint.variants
    .filter((v) => !isShadow(v))
    .every((v) => Math.abs(v.trafficShare - (weights[v.variantName] ?? 0) / total) < 1e-6);
}

function isSettled(endpoint: EndpointDetail | null | undefined, following: Following | null): boolean {
  if (!following) return true;
  if (following.kind === "weights") return weightsApplied(endpoint, following.weights);
  return following.event.outcome !== "succeeded" || hasTrafficMoved(endpoint, following.event.after);
}

/**
 * The tenant's endpoint, live: polls while SageMaker moves it (Creating/Updating) and stops once
 * InService or Failed; after a weights change or a rollback it follows the endpoint until the
 * traffic has moved. Controls appear for roles that may change the deployment.
 */
export function EndpointView({ endpointName, view, canChange }: { endpointName: string; view: MetricsView; canChange: boolean }) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"weights" | "rollback" | null>(null);
  const [following, setFollowing] = useState<Following | null>(null);
  const base = endpointQueryOptions(endpointName);
  const query = useQuery({
    ...base,
    refetchInterval: (q) => {
      if (q.state.status !== "error" && !isSettled(q.state.data, following)) return FOLLOW_MS;
      return typeof base.refetchInterval === "function" ? base.refetchInterval(q) : false;
    },
  });
  const endpoint = query.data;
  const reload = () => queryClient.invalidateQueries({ queryKey: endpointKeys.detail(endpointName) });

  if (query.isError && !endpoint) return <ErrorCallout title="Endpoint status unavailable">{query.error.message}</ErrorCallout>;
  if (endpoint === undefined) return <TableSkeleton rows={5} />;
  if (endpoint === null) {
    return (
      <EmptyState
        tone="warning"
        title="Endpoint not found"
        description={
          <>
            SageMaker has no endpoint named <code className="font-mono text-foreground">{endpointName}</code> for this tenant. It appears
            here once it has been created (the local stack&apos;s seed creates it on start).
          </>
        }
      />
    );
  }

  const plan = planFromPreview(endpoint);
  const isMoving = TRANSITIONAL_STATUSES.has(endpoint.status);
  return (
    <div className="space-y-4">
      <EndpointSummary
        endpoint={endpoint}
        actions={
          canChange && (
            <div className="flex gap-2">
              <Button onClick={() => setDialog("weights")} disabled={isMoving || !endpoint.deployment}>
                Set traffic split
              </Button>
              <Button
                tone="danger"
                onClick={() => setDialog("rollback")}
                disabled={isMoving || plan.kind === "none"}
                title={
                  plan.kind === "none" ? "No canary takes traffic and no previous deployment is recorded: nothing to roll back" : undefined
                }
              >
                Roll back
              </Button>
            </div>
          )
        }
      />
      {canChange && plan.unavailableReason && !isMoving && (
        <p className="text-[12px] text-muted">Nothing to roll back: {plan.unavailableReason}.</p>
      )}
      {isMoving && (
        <p role="status" className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-[13px]">
          SageMaker is applying a change ({endpoint.status}); this page follows it until the endpoint is InService.
        </p>
      )}
      {following && <FollowingBanner following={following} endpoint={endpoint} onDismiss={() => setFollowing(null)} />}
      <VariantsTable variants={endpoint.variants} />
      <VariantMetricsPanel endpointName={endpointName} view={view} />
      {dialog === "weights" && (
        <WeightsDialog
          endpoint={endpoint}
          onClose={() => setDialog(null)}
          onReload={reload}
          onApplied={(weights) => {
            setDialog(null);
            setFollowing({ kind: "weights", weights });
            void reload();
          }}
        />
      )}
      {dialog === "rollback" && (
        <RollbackDialog
          endpoint={endpoint}
          plan={plan}
          onClose={() => setDialog(null)}
          onResult={(event) => {
            setDialog(null);
            setFollowing({ kind: "rollback", event });
            void reload();
            void queryClient.invalidateQueries({ queryKey: rollbackKeys.all });
          }}
        />
      )}
    </div>
  );
}

function shareText(endpoint: EndpointDetail): string {
  return endpoint.variants
    .filter((v) => !isShadow(v))
    .map((v) => `${v.variantName} ${formatPercent(v.trafficShare)}`)
    .join(", ");
}

function FollowingBanner({ following, endpoint, onDismiss }: { following: Following; endpoint: EndpointDetail; onDismiss: () => void }) {
  const settled = isSettled(endpoint, following);
  let tone = "border-accent/30 bg-accent-soft";
  let body: React.ReactNode;
  if (following.kind === "weights") {
    body = settled ? `Split applied: ${shareText(endpoint)}.` : "New split sent; waiting for SageMaker to move the traffic…";
    if (settled) tone = "border-success/30 bg-success-soft";
  } else {
    const { event } = following;
    const link = (
      <Link href={`/rollbacks?endpoint=${encodeURIComponent(event.endpoint)}`} className="font-medium text-accent hover:underline">
        Rollback history
      </Link>
    );
    if (event.outcome === "failed") {
      tone = "border-danger/30 bg-danger-soft";
      body = (
        <>
          <span className="font-semibold text-danger">Rollback failed; nothing was changed.</span> AWS said:{" "}
          {rollbackErrorText(event.error)}. {link}
        </>
      );
    } else if (event.outcome === "already_rolled_back") {
      body = (
        <>
          Already rolled back{event.actor ? ` by ${event.actor}` : ""} ({formatDateTime(event.startedAt)}); nothing more to do. {link}
        </>
      );
    } else if (settled) {
      tone = "border-success/30 bg-success-soft";
      body = (
        <>
          Rolled back: traffic moved ({shareText(endpoint)}). {link}
        </>
      );
    } else {
      body = "Rolled back; waiting for SageMaker to move the traffic…";
    }
  }
  return (
    <div role="status" className={`flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-[13px] ${tone}`}>
      <p>{body}</p>
      <button type="button" onClick={onDismiss} className="text-subtle hover:text-foreground" aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
