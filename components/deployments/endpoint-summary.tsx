import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { EndpointDetail } from "@/lib/queries/endpoints";
import { EndpointStatusBadge } from "./endpoint-status-badge";

export function EndpointSummary({ endpoint, actions }: { endpoint: EndpointDetail; actions?: React.ReactNode }) {
  const last = endpoint.deployment;
  const facts: Array<[string, React.ReactNode]> = [
    ["Status", <EndpointStatusBadge key="s" status={endpoint.status} />],
    [
      "Endpoint config",
      <span key="c" className="font-mono text-[12px]">
        {endpoint.endpointConfigName || "—"}
      </span>,
    ],
    [
      "Last change",
      last ? (
        <span key="l">
          {last.kind} by {last.actor}
          {last.reason && <span className="block text-[12px] text-muted">“{last.reason}”</span>}
        </span>
      ) : (
        "—"
      ),
    ],
    ["Changed", formatDateTime(last?.updatedAt ?? null)],
    ["SageMaker last modified", formatDateTime(endpoint.lastModifiedAt)],
  ];
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-3">
        <h2 className="font-mono text-[13px] font-semibold">{endpoint.endpointName}</h2>
        {actions}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 px-4 py-4 sm:grid-cols-5">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-[11px] font-medium uppercase tracking-wider text-subtle">{label}</dt>
            <dd className="mt-1 text-[13px]">{value}</dd>
          </div>
        ))}
      </dl>
      {endpoint.failureReason && (
        <p className="border-t border-line px-4 py-3 text-[13px] text-danger">Failure: {endpoint.failureReason}</p>
      )}
    </Card>
  );
}
