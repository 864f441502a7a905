import { describe, expect, it } from "vitest";
import { evaluateDatapoints, type Datapoint, type TreatMissingData } from "./evaluate-datapoints";

/**
 * The two tables of the CloudWatch user guide ("How alarm state is evaluated when data is missing"):
 * 5 datapoints oldest first, 0 = not breaching, X = breaching, - = missing; threshold 1, X = 5, 0 = 0.
 */
const range = (pattern: string): Datapoint[] =>
  pattern.split(" ").map((c, i) => ({ timestamp: i * 60, value: c === "-" ? undefined : c === "X" ? 5 : 0 }));

const MODES: TreatMissingData[] = ["missing", "ignore", "breaching", "notBreaching"];
const state = (pattern: string, m: number, treatMissingData: TreatMissingData) =>
  evaluateDatapoints(range(pattern), {
    evaluationPeriods: 3,
    datapointsToAlarm: m,
    threshold: 1,
    comparisonOperator: "GreaterThanThreshold",
    treatMissingData,
  }).state;

describe("evaluateDatapoints: the guide's 3 of 3 table", () => {
  it.each([
    ["0 - X - X", ["OK", "OK", "OK", "OK"]],
    ["0 - - - -", ["OK", "OK", "OK", "OK"]],
    ["- - - - -", ["INSUFFICIENT_DATA", "retain", "ALARM", "OK"]],
    ["0 X X - X", ["ALARM", "ALARM", "ALARM", "ALARM"]],
    ["- - - - X", ["INSUFFICIENT_DATA", "retain", "ALARM", "OK"]],
    ["X - - - -", ["ALARM", "retain", "ALARM", "OK"]],
  ])("%s → missing/ignore/breaching/notBreaching = %j", (pattern, expected) => {
    expect(MODES.map((mode) => state(pattern, 3, mode))).toEqual(expected);
  });
});

describe("evaluateDatapoints: the guide's 2 of 3 (M of N) table", () => {
  it.each([
    ["0 - X - X", ["ALARM", "ALARM", "ALARM", "ALARM"]],
    ["0 0 X 0 X", ["ALARM", "ALARM", "ALARM", "ALARM"]],
    ["0 - X - -", ["OK", "OK", "ALARM", "OK"]],
    ["- - - - 0", ["OK", "OK", "ALARM", "OK"]],
    ["- - - - X", ["INSUFFICIENT_DATA", "retain", "ALARM", "OK"]],
  ])("%s → missing/ignore/breaching/notBreaching = %j", (pattern, expected) => {
    expect(MODES.map((mode) => state(pattern, 2, mode))).toEqual(expected);
  });
});

describe("evaluateDatapoints: which datapoints count", () => {
  it("evaluates the N most recent real datapoints when the range holds enough of them", () => {
    const result = evaluateDatapoints(range("X 0 X X X"), {
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      threshold: 1,
      comparisonOperator: "GreaterThanThreshold",
      treatMissingData: "notBreaching",
    });
    expect(result.evaluated.map((d) => d.timestamp)).toEqual([240, 180, 120]);
    expect(result).toMatchObject({ state: "ALARM", breaching: 3, filled: 0 });
  });

  it.each([
    ["GreaterThanOrEqualToThreshold", 1, "ALARM"],
    ["GreaterThanThreshold", 1, "OK"],
    ["LessThanThreshold", 0.5, "ALARM"],
    ["LessThanOrEqualToThreshold", 1, "ALARM"],
    ["LessThanThreshold", 1, "OK"],
  ] as const)("%s with value %d against threshold 1 → %s", (comparisonOperator, value, expected) => {
    const points = [0, 60, 120].map((timestamp) => ({ timestamp, value }));
    const result = evaluateDatapoints(points, {
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      threshold: 1,
      comparisonOperator,
      treatMissingData: "missing",
    });
    expect(result.state).toBe(expected);
  });
});
