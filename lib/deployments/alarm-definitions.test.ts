import { describe, expect, it } from "vitest";
import { endpointAlarms, parseEndpointAlarmName } from "./alarm-definitions";

describe("the error-budget alarm", () => {
  const alarms = endpointAlarms({
    tenantId: "acme-bank",
    endpointName: "fraud-acme-bank",
    rollbackTopicArn: "arn:aws:sns:us-east-1:000000000000:t",
  });
  const budget = alarms.find((a) => a.AlarmName.endsWith("/error-budget-burned"))!;

  it("rolls the canary back at 80% of the tenant's budget burned, through the rollback topic", () => {
    expect(budget).toMatchObject({
      Namespace: "FraudConsole",
      MetricName: "ErrorBudgetBurned",
      Dimensions: [{ Name: "TenantId", Value: "acme-bank" }],
      Statistic: "Maximum",
      Threshold: 80,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      EvaluationPeriods: 1,
      TreatMissingData: "notBreaching",
      AlarmActions: ["arn:aws:sns:us-east-1:000000000000:t"],
    });
    // The rollback handler reads tenant and endpoint back from the name, as for the canary's alarms.
    expect(parseEndpointAlarmName(budget.AlarmName)).toEqual({
      tenantId: "acme-bank",
      endpointName: "fraud-acme-bank",
      kind: "error-budget-burned",
    });
  });
});

describe("the canary latency alarm", () => {
  const latencyOf = (highResolution: boolean) =>
    endpointAlarms({
      tenantId: "acme-bank",
      endpointName: "fraud-acme-bank",
      rollbackTopicArn: "arn:aws:sns:us-east-1:000000000000:t",
      latencySloMs: 250,
      highResolution,
    }).find((a) => a.AlarmName.endsWith("/canary-latency-p95"))!;

  it("reads the console's VariantLatency of the canary (the payer's answer), not ModelLatency (which counts explanation calls)", () => {
    expect(latencyOf(false)).toMatchObject({
      Namespace: "FraudConsole",
      MetricName: "VariantLatency",
      Dimensions: [
        { Name: "TenantId", Value: "acme-bank" },
        { Name: "Variant", Value: "canary" },
      ],
      ExtendedStatistic: "p95",
      Unit: "Milliseconds",
      Threshold: 250,
      Period: 60,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
    });
  });

  it("has 10 s periods when high-resolution (VariantLatency is stored at 1-second resolution)", () => {
    expect(latencyOf(true).Period).toBe(10);
  });
});
