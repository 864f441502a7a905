import type { AlarmEvaluator } from "../alarms/alarm-evaluator";
import type { AlarmStore } from "../alarms/alarm-store";
import type { DatumRecord } from "../store/datum";
import type { MetricStore } from "../store/metric-store";

/** What an operation handler may use: the stores to read, a sink to record datums, the alarm evaluator and a clock. */
export interface OperationContext {
  store: MetricStore;
  record(datum: DatumRecord): void;
  alarms: AlarmStore;
  evaluator: AlarmEvaluator;
  now(): number;
}

export type Operation = (ctx: OperationContext, body: unknown) => unknown;
