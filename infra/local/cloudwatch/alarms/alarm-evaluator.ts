import type { MetricStore } from "../store/metric-store";
import { alarmDatapoints } from "./alarm-datapoints";
import { alarmPeriod, type AlarmRecord } from "./alarm-model";
import type { AlarmStore } from "./alarm-store";
import { evaluateDatapoints, type AlarmState, type Datapoint } from "./evaluate-datapoints";
import type { SnsDelivery } from "./sns-delivery";
import { alarmStateChangeMessage } from "./sns-message";
import { stateReason, stateReasonData } from "./state-reason";

/** A period's data is read this long after the period ends, so a publisher's last flush has landed. */
export const SETTLE_MS = 1000;
const TICK_MS = 1000;

export interface Transition {
  alarmName: string;
  from: AlarmState;
  to: AlarmState;
  reason: string;
}

/**
 * Evaluates alarms on the emulator's own metrics and applies what follows: state, history, actions.
 * `evaluateAt(t)` evaluates every alarm as of time t (tests drive it with their own clock); `start()`
 * runs it on a schedule, each alarm once per period, SETTLE_MS after the period ends (AWS evaluates
 * an alarm every period; a high-resolution 10 s alarm every 10 s).
 */
export class AlarmEvaluator {
  private timer: NodeJS.Timeout | undefined;
  private readonly lastEvaluatedEnd = new Map<string, number>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly metrics: MetricStore,
    private readonly alarms: AlarmStore,
    private readonly sns: SnsDelivery | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  start(everyMs = TICK_MS): void {
    this.timer ??= setInterval(() => this.tick(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.settled();
  }

  /** Waits for the actions already under way (deliveries to subscribers). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** A new or changed alarm is evaluated at the next tick. */
  forget(alarmName: string): void {
    this.lastEvaluatedEnd.delete(alarmName);
  }

  /** Evaluates each alarm whose newest period has closed (plus SETTLE_MS) since it was last evaluated. */
  tick(): Transition[] {
    const now = this.now();
    const due = this.alarms.all().filter((alarm) => {
      const period = alarmPeriod(alarm) * 1000;
      const end = Math.floor((now - SETTLE_MS) / period) * period;
      if ((this.lastEvaluatedEnd.get(alarm.AlarmName) ?? -Infinity) >= end) return false;
      this.lastEvaluatedEnd.set(alarm.AlarmName, end);
      return true;
    });
    return due.flatMap((alarm) => this.evaluate(alarm, now - SETTLE_MS, now));
  }

  /** Evaluates every alarm as of `atMs` (its newest period is the last one ended by then). */
  evaluateAt(atMs: number): Transition[] {
    return this.alarms.all().flatMap((alarm) => this.evaluate(alarm, atMs, atMs));
  }

  /** Sets a state by hand (SetAlarmState) or from an evaluation; records history and runs actions on a change. */
  setState(alarm: AlarmRecord, to: AlarmState, reason: string, reasonData: string | undefined, atMs: number): Transition[] {
    const from = alarm.StateValue;
    const updated: AlarmRecord = {
      ...alarm,
      StateValue: to,
      StateReason: reason,
      StateReasonData: reasonData,
      StateUpdatedTimestamp: atMs,
    };
    if (from === to) {
      this.alarms.put(updated);
      return [];
    }
    updated.StateTransitionedTimestamp = atMs;
    this.alarms.put(updated);
    this.alarms.addHistory({
      AlarmName: alarm.AlarmName,
      AlarmType: "MetricAlarm",
      Timestamp: atMs,
      HistoryItemType: "StateUpdate",
      HistorySummary: `Alarm updated from ${from} to ${to}`,
      HistoryData: JSON.stringify({
        version: "1.0",
        oldState: { stateValue: from, stateReason: alarm.StateReason },
        newState: {
          stateValue: to,
          stateReason: reason,
          ...(reasonData ? { stateReasonData: JSON.parse(reasonData) as unknown } : {}),
        },
      }),
    });
    this.runActions(updated, from, atMs);
    return [{ alarmName: alarm.AlarmName, from, to, reason }];
  }

  /** Reads the data as of `dataAtMs`; the state change happens (and is recorded) at `atMs`. */
  private evaluate(alarm: AlarmRecord, dataAtMs: number, atMs: number): Transition[] {
    try {
      const range = alarmDatapoints(this.metrics, alarm, dataAtMs);
      const evaluation = evaluateDatapoints(range, {
        evaluationPeriods: alarm.EvaluationPeriods,
        datapointsToAlarm: alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods,
        threshold: alarm.Threshold,
        comparisonOperator: alarm.ComparisonOperator,
        treatMissingData: alarm.TreatMissingData ?? "missing",
      });
      if (evaluation.state === "retain" || isLowSampleIgnored(alarm, evaluation.evaluated)) return [];
      const to = evaluation.state;
      if (to === alarm.StateValue && alarm.StateReasonData !== undefined) return [];
      const reason = stateReason(alarm, evaluation, alarm.StateValue, to);
      return this.setState(alarm, to, reason, stateReasonData(alarm, evaluation, range, atMs), atMs);
    } catch (error) {
      process.stderr.write(`cloudwatch emulator: could not evaluate alarm ${alarm.AlarmName}: ${String(error)}\n`);
      return [];
    }
  }

  private runActions(alarm: AlarmRecord, from: AlarmState, atMs: number): void {
    if (!alarm.ActionsEnabled || !this.sns) return;
    const actions = { ALARM: alarm.AlarmActions, OK: alarm.OKActions, INSUFFICIENT_DATA: alarm.InsufficientDataActions }[alarm.StateValue];
    const message = alarmStateChangeMessage(alarm, from, atMs);
    for (const action of actions) {
      if (!action.startsWith("arn:aws:sns:")) continue;
      const delivery = this.sns.publish(action, message, atMs).then((outcomes) => {
        for (const outcome of outcomes) {
          this.alarms.addHistory({
            AlarmName: alarm.AlarmName,
            AlarmType: "MetricAlarm",
            Timestamp: this.now(),
            HistoryItemType: "Action",
            HistorySummary: `${outcome.ok ? "Successfully executed" : "Failed to execute"} action ${action}`,
            HistoryData: JSON.stringify({
              actionState: outcome.ok ? "Succeeded" : "Failed",
              notificationResource: action,
              function: outcome.functionName,
              detail: outcome.detail,
            }),
          });
        }
      });
      this.pending.add(delivery);
      void delivery.finally(() => this.pending.delete(delivery));
    }
  }
}

/**
 * EvaluateLowSampleCountPercentile "ignore": a percentile alarm keeps its state while the newest
 * datapoint rests on fewer samples than 10/(1 − p) (p ≥ 0.5) or 10/p (user guide, "Percentile-based
 * alarms and low data samples").
 */
function isLowSampleIgnored(alarm: AlarmRecord, evaluated: Datapoint[]): boolean {
  if (alarm.EvaluateLowSampleCountPercentile !== "ignore" || !alarm.ExtendedStatistic) return false;
  const p = Number(alarm.ExtendedStatistic.slice(1)) / 100;
  const needed = p >= 0.5 ? 10 / (1 - p) : 10 / p;
  const newest = evaluated[0];
  return newest !== undefined && (newest.sampleCount ?? 0) < needed;
}
