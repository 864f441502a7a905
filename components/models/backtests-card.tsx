"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/settings/controls";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatPercent } from "@/components/ui/format";
import type { Backtest } from "@/lib/promotion/backtest/backtest-record";
import { backtestQueryOptions, backtestsQueryOptions, postCancelBacktest, promotionKeys } from "@/lib/queries/promotion";
import { ComparisonView } from "./comparison-view";

const STATUS: Record<Backtest["status"], BadgeTone> = { running: "accent", succeeded: "success", failed: "danger", cancelled: "neutral" };

function BacktestDetail({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const { data } = useQuery(backtestQueryOptions(id));
  const cancel = useMutation({
    mutationFn: () => postCancelBacktest(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: promotionKeys.backtests }),
  });
  if (!data) return <p className="text-[13px] text-muted">Loading…</p>;
  const running = data.status === "running";
  return (
    <div className="space-y-3">
      {running && (
        <div className="flex items-center gap-3">
          <progress aria-label={`Backtest of v${data.version}`} className="h-2 w-64" max={1} value={data.progress.fraction} />
          <span className="tabular text-[13px]">
            {formatPercent(data.progress.fraction, 0)} · {data.progress.rowsScored.toLocaleString("en-US")} transactions scored
            {data.progress.readThrough ? ` · read through ${formatDateTime(data.progress.readThrough)}` : ""}
          </span>
          <Button onClick={() => cancel.mutate()} disabled={cancel.isPending || data.cancelRequested}>
            {data.cancelRequested ? "Cancelling…" : "Cancel backtest"}
          </Button>
        </div>
      )}
      {cancel.error && (
        <p role="alert" className="text-[12px] text-danger">
          Not cancelled: {cancel.error.message}
        </p>
      )}
      {data.error && <p className="text-[12px] text-danger">Ended with an error: {data.error}</p>}
      {data.comparison && <ComparisonView comparison={data.comparison} candidateLabel={`v${data.version}`} />}
    </div>
  );
}

/**
 * The tenant's recent backtests (one runs at a time): progress while one runs, cancellable, and the
 * comparison of a chosen one with the decisions production actually made and the verdicts since.
 */
export function BacktestsCard() {
  const { data } = useQuery(backtestsQueryOptions());
  const items = data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = chosen ?? items[0]?.id ?? null;
  if (items.length === 0) return null;
  return (
    <Card
      title="Backtests"
      description="Captured traffic replayed through a version on a temporary endpoint, compared with what production decided and the verdicts since."
    >
      <ul className="divide-y divide-line text-[13px]">
        {items.map((b) => (
          <li key={b.id} className="flex items-center gap-3 px-4 py-2">
            <Badge tone={STATUS[b.status]}>{b.status}</Badge>
            <span className="font-medium">v{b.version}</span>
            <span className="text-muted">
              {formatDateTime(b.from)} → {formatDateTime(b.to)} · started {formatDateTime(b.startedAt)} by {b.actor}
            </span>
            <Button className="ml-auto" onClick={() => setChosen(b.id)} disabled={shown === b.id} aria-label={`Show backtest ${b.id}`}>
              {shown === b.id ? "Shown" : "Show"}
            </Button>
          </li>
        ))}
      </ul>
      {shown && (
        <div className="border-t border-line px-4 py-4">
          <BacktestDetail id={shown} />
        </div>
      )}
    </Card>
  );
}
