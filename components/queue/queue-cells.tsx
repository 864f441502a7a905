import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABELS, type QueueItem, type QueueStatus } from "@/lib/queue/queue-item";
import { slaState, type SlaTone } from "@/lib/queue/sla";

const amountFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatMoney(amount: number, currency: string | null): string {
  return `${amountFormat.format(amount)}${currency ? ` ${currency}` : ""}`;
}

export function DecisionBadge({ decision }: { decision: QueueItem["decision"] }) {
  return <Badge tone={decision === "SUSPICIOUS" ? "danger" : "warning"}>{decision === "SUSPICIOUS" ? "Suspicious" : "Review"}</Badge>;
}

const STATUS_TONES: Record<QueueStatus, BadgeTone> = {
  open: "accent",
  escalated: "warning",
  confirmed_fraud: "danger",
  false_positive: "success",
};

export function StatusBadge({ status }: { status: QueueStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

/**
 * An explanation that has not arrived (Clarify runs after the decision, lib/scoring/explain) or
 * gave up; `reason` (the detail page has it) says why it failed.
 */
export function ExplanationNote({ status, reason }: { status: "pending" | "failed"; reason?: string | null }) {
  if (status === "pending")
    return (
      <span className="inline-flex items-center gap-1.5 text-[12px] text-muted" data-testid="explanation-pending">
        <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-accent" aria-hidden="true" />
        explanation pending
      </span>
    );
  return (
    <span className="text-[12px] text-warning" data-testid="explanation-failed">
      explanation failed{reason ? `: ${reason}` : ""}
    </span>
  );
}

/** Score as a number and a bar; unscored (a rule decided) says so. */
export function ScoreCell({ score }: { score: number | null }) {
  if (score == null) return <span className="text-[12px] text-subtle">rule</span>;
  const tone = score >= 0.8 ? "bg-danger" : score >= 0.5 ? "bg-warning" : "bg-accent";
  return (
    <span className="inline-flex items-center gap-2">
      <span className="w-9 text-right font-mono text-[12px] tabular-nums">{score.toFixed(3).slice(1)}</span>
      <span className="h-1.5 w-10 overflow-hidden rounded-full bg-surface-muted" aria-hidden="true">
        <span className={`block h-full ${tone}`} style={{ width: `${Math.round(score * 100)}%` }} />
      </span>
    </span>
  );
}

const SLA_TONES: Record<SlaTone, string> = {
  ok: "text-muted",
  due: "text-warning font-medium",
  breached: "text-danger font-medium",
};
const SLA_DOT: Record<SlaTone, string> = { ok: "bg-success", due: "bg-warning", breached: "bg-danger" };

/** Age with its SLA state; blank until the browser's clock is known (no server/client mismatch). */
export function AgeCell({
  decision,
  createdAt,
  now,
  isPending,
}: {
  decision: QueueItem["decision"];
  createdAt: string;
  now: number | null;
  isPending: boolean;
}) {
  if (now == null) return <span className="inline-block w-16" />;
  const sla = slaState(decision, createdAt, now);
  if (!isPending) return <span className="text-[12px] tabular-nums text-muted">{sla.age}</span>;
  return (
    <span className={`inline-flex items-center gap-1.5 text-[12px] tabular-nums ${SLA_TONES[sla.tone]}`} title={sla.title}>
      <span className={`h-1.5 w-1.5 rounded-full ${SLA_DOT[sla.tone]}`} aria-hidden="true" />
      {sla.age}
      <span className="sr-only">{sla.title}</span>
    </span>
  );
}
