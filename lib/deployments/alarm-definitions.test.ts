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
