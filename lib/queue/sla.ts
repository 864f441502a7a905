import type { QueueItem } from "./queue-item";

/**
 * Review targets by decision: a SUSPICIOUS payment was declined and the customer may be on the
 * phone, so it is due within the hour; a REVIEW one was stepped up (MFA) and can wait a shift.
 */
export const SLA_MINUTES: Record<QueueItem["decision"], number> = { SUSPICIOUS: 60, REVIEW: 240 };

export type SlaTone = "ok" | "due" | "breached";

export interface SlaState {
  age: string;
  tone: SlaTone;
  /** e.g. "SLA 1h, 45m left" / "SLA 1h, breached by 2h 5m". */
  title: string;
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** Age and SLA state of a pending item; "due" from three quarters of the target. */
export function slaState(decision: QueueItem["decision"], createdAt: string, now: number): SlaState {
  const ageMs = now - Date.parse(createdAt);
  const targetMs = SLA_MINUTES[decision] * 60_000;
  const tone: SlaTone = ageMs > targetMs ? "breached" : ageMs > targetMs * 0.75 ? "due" : "ok";
  const target = formatDuration(targetMs);
  const title =
    tone === "breached"
      ? `SLA ${target}, breached by ${formatDuration(ageMs - targetMs)}`
      : `SLA ${target}, ${formatDuration(targetMs - ageMs)} left`;
  return { age: formatDuration(ageMs), tone, title };
}
