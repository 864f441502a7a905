"use client";

import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { shadowComparisonQueryOptions } from "@/lib/queries/promotion";
import { ComparisonView } from "./comparison-view";

/**
 * The shadow against production since it was deployed, refreshed as live traffic is captured: the
 * shadow's answers are copies the callers never got, so this is how it would have decided.
 */
export function ShadowComparisonCard({ version }: { version: number }) {
  const { data, error, isPending } = useQuery(shadowComparisonQueryOptions(version));
  return (
    <div role="region" aria-label={`Shadow v${version} against production`}>
      <Card
        title={`Shadow v${version} against production`}
        description={
          data
            ? `v${version} gets a copy of every request production v${data.productionVersion} answers; compared from ${formatDateTime(data.from)} to ${formatDateTime(data.to)}, refreshed every few seconds.`
            : `v${version} gets a copy of every live request; its answers are captured, never returned.`
        }
      >
        <div className="px-4 py-4">
          {isPending && <p className="text-[13px] text-muted">Reading the captured traffic…</p>}
          {error && (
            <p role="alert" className="text-[13px] text-danger">
              The comparison could not be read: {error.message}
            </p>
          )}
          {data && data.comparison.transactions === 0 && (
            <p className="mb-3 text-[13px] text-muted">
              No live traffic captured yet since the shadow was deployed: it fills as transactions are scored.
            </p>
          )}
          {data && <ComparisonView comparison={data.comparison} candidateLabel={`v${version}`} />}
        </div>
      </Card>
    </div>
  );
}
