import { alarmPeriod, type AlarmRecord } from "./alarm-model";
import type { AlarmState, Datapoint, Evaluation } from "./evaluate-datapoints";

const PHRASES: Record<AlarmRecord["ComparisonOperator"], string> = {
  GreaterThanOrEqualToThreshold: "greater than or equal to",
  GreaterThanThreshold: "greater than",
  LessThanThreshold: "less than",
  LessThanOrEqualToThreshold: "less than or equal to",
};

/** CloudWatch prints doubles the Java way: 2 → "2.0". */
const double = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

/** "(26/10/23 16:42:00)": day/month/year in UTC, as CloudWatch's reasons print datapoint times. */
function shortTime(epochSec: number): string {
  const d = new Date(epochSec * 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The StateReason of an evaluated alarm, in the words CloudWatch uses ("Threshold Crossed: …"). */
export function stateReason(alarm: AlarmRecord, evaluation: Evaluation, from: AlarmState, to: AlarmState): string {
  const n = alarm.EvaluationPeriods;
  if (to === "INSUFFICIENT_DATA") return `Insufficient Data: ${plural(n, "datapoint")} ${n === 1 ? "was" : "were"} unknown.`;
  const m = alarm.DatapointsToAlarm ?? n;
  const phrase = `${to === "ALARM" ? "" : "not "}${PHRASES[alarm.ComparisonOperator]}`;
  const listed = evaluation.evaluated.map((d) => `${double(d.value!)} (${shortTime(d.timestamp)})`).join(", ");
  const counted = to === "ALARM" ? evaluation.breaching : evaluation.evaluated.length + evaluation.filled - evaluation.breaching;
  const minimum = to === "ALARM" ? m : n - m + 1;
  const datapoints =
    evaluation.evaluated.length === 0
      ? `no datapoints were received for ${plural(evaluation.filled, "period")} and ${plural(evaluation.filled, "missing datapoint")} ${evaluation.filled === 1 ? "was" : "were"} treated as [${alarm.TreatMissingData === "breaching" ? "Breaching" : "NonBreaching"}]`
      : `${counted} out of the last ${n} datapoints [${listed}] ${counted === 1 ? "was" : "were"} ${phrase} the threshold (${double(alarm.Threshold)})`;
  return `Threshold Crossed: ${datapoints} (minimum ${plural(minimum, "datapoint")} for ${from} -> ${to} transition).`;
}

/** StateReasonData: the JSON document CloudWatch attaches to an evaluated state. */
export function stateReasonData(alarm: AlarmRecord, evaluation: Evaluation, range: ReadonlyArray<Datapoint>, nowMs: number): string {
  const iso = (sec: number) => new Date(sec * 1000).toISOString().replace("Z", "+0000");
  return JSON.stringify({
    version: "1.0",
    queryDate: new Date(nowMs).toISOString().replace("Z", "+0000"),
    ...(range[0] ? { startDate: iso(range[0].timestamp) } : {}),
    ...(alarm.Unit ? { unit: alarm.Unit } : {}),
    ...(alarm.Metrics ? {} : { statistic: alarm.ExtendedStatistic ?? alarm.Statistic }),
    period: alarmPeriod(alarm),
    recentDatapoints: range.filter((d) => d.value !== undefined).map((d) => d.value),
    threshold: alarm.Threshold,
    evaluatedDatapoints: evaluation.evaluated.map((d) => ({
      timestamp: iso(d.timestamp),
      ...(d.sampleCount !== undefined ? { sampleCount: d.sampleCount } : {}),
      value: d.value,
    })),
  });
}
