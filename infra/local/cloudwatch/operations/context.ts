import type { DatumRecord } from "../store/datum";
import type { MetricStore } from "../store/metric-store";

/** What an operation handler may use: the store to read, a sink to record datums, and a clock. */
export interface OperationContext {
  store: MetricStore;
  record(datum: DatumRecord): void;
  now(): number;
}

export type Operation = (ctx: OperationContext, body: unknown) => unknown;
