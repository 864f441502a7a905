import type { BadgeTone } from "@/components/ui/badge";
import type { DriftStatus } from "@/lib/drift/drift-run";

export const STATUS_TONE: Record<DriftStatus, BadgeTone> = { ok: "success", warn: "warning", alert: "danger", insufficient: "neutral" };
export const STATUS_LABEL: Record<DriftStatus, string> = { ok: "ok", warn: "warn", alert: "alert", insufficient: "too few records" };
export const STATUS_COLOUR: Record<DriftStatus, string> = {
  ok: "var(--success)",
  warn: "var(--warning)",
  alert: "var(--danger)",
  insufficient: "var(--subtle)",
};

export function fixed(value: number | null | undefined, digits = 3): string {
  return value == null || !Number.isFinite(value) ? "—" : value.toFixed(digits);
}

export function percent(value: number | null | undefined, digits = 1): string {
  return value == null || !Number.isFinite(value) ? "—" : `${(value * 100).toFixed(digits)}%`;
}

export function count(value: number): string {
  return value.toLocaleString("en-GB");
}

/** "1 Dec 11:00 – 2 Dec 11:00 UTC" */
const short = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
export function windowLabel(from: string, to: string): string {
  return `${short.format(new Date(from))} – ${short.format(new Date(to))} UTC`;
}
export function shortTime(iso: string): string {
  return short.format(new Date(iso));
}
