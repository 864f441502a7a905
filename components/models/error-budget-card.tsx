"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { errorBudgetQueryOptions } from "@/lib/queries/models";
import { ErrorBudgetChart } from "./error-budget-chart";

const pct = (share: number, digits = 1) => `${(share * 100).toFixed(digits)}%`;

/** The tenant's error budget: freeze banner, remaining, burn rates and alerts, and the chart. */
export function ErrorBudgetCard() {
  const { data: budget } = useSuspenseQuery(errorBudgetQueryOptions());
  const { slo } = budget;
  return (
    <Card
      title="Error budget"
      description={`SLO ${pct(slo.availabilityTarget, 2)} of scoring requests answered without error and not degraded, p95 ≤ ${slo.latencyP95Ms} ms; rolling ${budget.window.days} days to ${formatDateTime(budget.window.to)}.`}
    >
      <div className="space-y-4 px-4 py-4">
        {budget.frozen && (
          <div role="status" className="rounded-lg border border-warning/40 bg-warning-soft px-4 py-3 text-[13px]">
            <p className="font-semibold text-warning">Promotions frozen</p>
            <p className="mt-0.5 text-muted">
              {pct(budget.burnedLast7d)} of the 30-day budget burned within 7 days (policy: {pct(budget.thresholds.freezeShare, 0)}). Frozen
              since {formatDateTime(budget.frozenSince)} until {formatDateTime(budget.frozenUntil)} if no more requests fail.
            </p>
          </div>
        )}
        {budget.rollbackDue && (
          <p role="status" className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-[13px] text-danger">
            {pct(budget.consumed)} of the budget burned: at {pct(budget.thresholds.rollbackShare, 0)} the error-budget alarm rolls the
            canary back.
          </p>
        )}
        <dl className="grid grid-cols-2 gap-3 text-[13px] md:grid-cols-4">
          <div>
            <dt className="text-muted">Remaining</dt>
            <dd className="tabular text-[18px] font-semibold">{pct(budget.remaining)}</dd>
          </div>
          <div>
            <dt className="text-muted">Bad / allowed requests</dt>
            <dd className="tabular">
              {budget.bad.toLocaleString("en-US")} / {budget.allowedBad.toLocaleString("en-US", { maximumFractionDigits: 1 })}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Requests (30 d)</dt>
            <dd className="tabular">{budget.requests.toLocaleString("en-US")}</dd>
          </div>
          <div>
            <dt className="text-muted">Latency p95 (30 d)</dt>
            <dd className="tabular">
              {budget.latency.p95Ms === null ? "—" : `${budget.latency.p95Ms.toFixed(0)} ms`}{" "}
              {budget.latency.met !== null && (
                <Badge tone={budget.latency.met ? "success" : "danger"}>{budget.latency.met ? "met" : "missed"}</Badge>
              )}
            </dd>
          </div>
        </dl>
        <table className="w-full text-left text-[13px]">
          <TableHead
            columns={[
              "Window",
              { label: "Requests", className: "text-right" },
              { label: "Error rate", className: "text-right" },
              { label: "Burn rate", className: "text-right" },
              { label: "p95 latency", className: "text-right" },
            ]}
          />
          <tbody className="divide-y divide-line">
            {budget.burnRates.map((b) => (
              <tr key={b.window}>
                <td className="px-4 py-1.5">{b.window}</td>
                <td className="tabular px-4 py-1.5 text-right">{b.requests.toLocaleString("en-US")}</td>
                <td className="tabular px-4 py-1.5 text-right">{b.errorRate === null ? "—" : pct(b.errorRate, 3)}</td>
                <td className="tabular px-4 py-1.5 text-right">{b.burnRate === null ? "—" : `${b.burnRate.toFixed(2)}×`}</td>
                <td className="tabular px-4 py-1.5 text-right">{b.latencyP95Ms === null ? "—" : `${b.latencyP95Ms.toFixed(0)} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="flex flex-wrap gap-2 text-[12px]">
          {budget.alerts.map((a) => (
            <li key={a.id}>
              <Badge tone={a.firing ? "danger" : "neutral"}>
                {a.severity} {a.burnRate}× over {a.longWindow} and {a.shortWindow}: {a.firing ? "firing" : "ok"}
              </Badge>
            </li>
          ))}
        </ul>
        <ErrorBudgetChart
          timeline={budget.timeline}
          freezeShare={budget.thresholds.freezeShare}
          rollbackShare={budget.thresholds.rollbackShare}
        />
      </div>
    </Card>
  );
}
