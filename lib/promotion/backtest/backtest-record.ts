import { z } from "zod";
import type { Comparison } from "../comparison";

export const BACKTEST_STATUSES = ["running", "succeeded", "failed", "cancelled"] as const;
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number];

/**
 * How far a run is, by time rather than by a count of objects (counting them first would hold
 * every key of a month of capture): variants are read one after the other, each from `from` to `to`.
 */
export interface BacktestProgress {
  /** 0..1: (variants done + the share of the window the current one has reached) / variants. */
  fraction: number;
  /** The capture time the run has read up to in the current variant (ISO), null before the first line. */
  readThrough: string | null;
  /** Transactions (captured rows) scored through the candidate so far. */
  rowsScored: number;
  /** Captured lines that could not be compared (no input or output captured, or an answer that does not fit). */
  unreadableLines: number;
}

/**
 * One replay of a window of captured traffic through a candidate model version. `comparison` is
 * the running comparison while it runs (stored with each progress update) and the final one after.
 */
export interface Backtest {
  id: string;
  tenantId: string;
  /** The candidate's model package version. */
  version: number;
  endpointName: string;
  from: string;
  to: string;
  status: BacktestStatus;
  progress: BacktestProgress;
  comparison: Comparison | null;
  cancelRequested: boolean;
  actor: string;
  startedAt: string;
  /** Heartbeat: the runner writes it with each progress update; a lock older than LOCK_STALE_MS is free. */
  updatedAt: string;
  finishedAt: string | null;
  error: string | null;
  /** The temporary endpoint that scores the candidate (deleted when the run ends). */
  scoringEndpoint: string | null;
}

/** A lock whose heartbeat is older than this belongs to a run that died (a console restart). */
export const LOCK_STALE_MS = 2 * 60_000;

/** At most this long a window: 31 days of captured traffic. */
export const MAX_BACKTEST_WINDOW_MS = 31 * 24 * 3_600_000;

export const backtestRequestSchema = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: "from must be before to", path: ["from"] })
  .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= MAX_BACKTEST_WINDOW_MS, { message: "at most 31 days", path: ["to"] });

/** Ids sort by start time (newest last), so the tenant's runs list in order without an index. */
export function newBacktestId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  return `${stamp}-${Math.random().toString(36).slice(2, 8).padEnd(6, "0")}`;
}

export const backtestIdSchema = z.string().regex(/^\d{8}T\d{9}Z-[a-z0-9]{6}$/, "not a backtest id");
