/**
 * How CloudWatch turns an alarm's datapoints into a state (CloudWatch user guide, "Using Amazon
 * CloudWatch alarms": Evaluating an alarm; How alarm state is evaluated when data is missing).
 *
 * The alarm reads an *evaluation range* of more periods than EvaluationPeriods (N); the guide's
 * examples retrieve 5 for N = 3, and we use N + 2 throughout. Then:
 *  - with at least N real datapoints in the range, the N most recent real ones are evaluated and
 *    TreatMissingData plays no part;
 *  - with fewer, every real datapoint is evaluated and the rest of the N are filled in by
 *    TreatMissingData, "as few times as possible";
 * and the state is ALARM when at least DatapointsToAlarm (M) evaluated datapoints breach, else OK.
 * `missing` and `ignore` fill nothing: with no real datapoint the alarm is INSUFFICIENT_DATA
 * (`missing`) or keeps its state (`ignore`); with some, any non-breaching one makes it OK, and one
 * made only of breaching datapoints (fewer than M) goes to ALARM under `missing` when the metric has
 * stopped reporting (the newest period is empty: the guide's "X - - - -" row, "the oldest evaluated
 * data point is breaching and there aren't any non-breaching data points") and INSUFFICIENT_DATA
 * when it has only just started ("- - - - X"); `ignore` keeps its state in both. Every row of the
 * guide's two tables is a case in evaluate-datapoints.test.ts.
 */
export type AlarmState = "OK" | "ALARM" | "INSUFFICIENT_DATA";
export type TreatMissingData = "missing" | "notBreaching" | "breaching" | "ignore";
export type ComparisonOperator =
  "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";

export interface Datapoint {
  /** Period start, epoch seconds. */
  timestamp: number;
  /** Undefined = no data in that period. */
  value: number | undefined;
  sampleCount?: number | undefined;
}

export interface EvaluationRule {
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator: ComparisonOperator;
  treatMissingData: TreatMissingData;
}

export interface Evaluation {
  /** "retain" = TreatMissingData ignore with nothing to decide on: the state stays as it is. */
  state: AlarmState | "retain";
  /** The real datapoints evaluated, newest first. */
  evaluated: Datapoint[];
  /** How many missing datapoints were filled in (and as what). */
  filled: number;
  breaching: number;
}

/** Datapoints per evaluation range for EvaluationPeriods n (the guide retrieves 5 for 3). */
export const evaluationRangeSize = (n: number) => n + 2;

export function isBreaching(value: number, rule: Pick<EvaluationRule, "threshold" | "comparisonOperator">): boolean {
  switch (rule.comparisonOperator) {
    case "GreaterThanOrEqualToThreshold":
      return value >= rule.threshold;
    case "GreaterThanThreshold":
      return value > rule.threshold;
    case "LessThanThreshold":
      return value < rule.threshold;
    case "LessThanOrEqualToThreshold":
      return value <= rule.threshold;
  }
}

/** `range` holds the evaluation range's periods oldest first, missing ones with value undefined. */
export function evaluateDatapoints(range: ReadonlyArray<Datapoint>, rule: EvaluationRule): Evaluation {
  const n = rule.evaluationPeriods;
  const m = rule.datapointsToAlarm;
  const real = range.filter((d) => d.value !== undefined).reverse();
  const breachingOf = (points: Datapoint[]) => points.filter((d) => isBreaching(d.value!, rule)).length;
  if (real.length >= n) {
    const evaluated = real.slice(0, n);
    const breaching = breachingOf(evaluated);
    return { state: breaching >= m ? "ALARM" : "OK", evaluated, filled: 0, breaching };
  }
  const fill = n - real.length;
  const breachingReal = breachingOf(real);
  const result = (state: Evaluation["state"], filled = 0, breaching = breachingReal): Evaluation => ({
    state,
    evaluated: real,
    filled,
    breaching,
  });
  switch (rule.treatMissingData) {
    case "breaching":
      return result(breachingReal + fill >= m ? "ALARM" : "OK", fill, breachingReal + fill);
    case "notBreaching":
      return result(breachingReal >= m ? "ALARM" : "OK", fill);
    case "missing":
    case "ignore": {
      const undecided = rule.treatMissingData === "ignore" ? "retain" : "INSUFFICIENT_DATA";
      if (real.length === 0) return result(undecided);
      if (breachingReal >= m) return result("ALARM");
      if (breachingReal < real.length) return result("OK");
      const stoppedReporting = range.at(-1)?.value === undefined;
      return result(rule.treatMissingData === "missing" && stoppedReporting ? "ALARM" : undecided);
    }
  }
}
