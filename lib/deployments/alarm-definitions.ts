import type { PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import { ROLLBACK_POLICY } from "@/lib/error-budget/policy";
import { DEFAULT_SLO } from "@/lib/settings/tenant-settings";

/**
 * The one definition of the alarms that watch a tenant's endpoint and roll its canary back. The
 * local bootstrap puts them into the CloudWatch emulator (put-endpoint-alarms.ts) and the CDK app
 * declares the same ones (field names are PutMetricAlarm's, which CloudFormation's AWS::CloudWatch::Alarm
 * shares). Each alarm's action is the rollback topic, to which the rollback Lambda
 * (rollback-handler.ts) is subscribed.
 *
 * Defaults (what a tenant gets): the canary's 5xx rate above 1 % in 3 of 3 one-minute periods, and
 * its answer latency p95 above the tenant's latency SLO (settings.slo.latencyP95Ms) in 3 of 3.
 * `highResolution` makes the periods 10 s (CloudWatch's high-resolution alarms; the metrics must be
 * stored at 1-second resolution, as the SageMaker emulator's and the console's VariantLatency are)
 * so tests and the demo see a rollback within half a minute.
 *
 * The latency alarm reads the console's own VariantLatency (lib/metrics/decision-metrics.ts: the
 * scoring API's latency per variant that answered, in ms), not SageMaker's ModelLatency: the SLO is
 * about the payer's answer, and ModelLatency also counts the Clarify explanation calls sent off the
 * payment's path for flagged transactions (Kernel SHAP's ~2,000 model calls each), whose p95 sits
 * near 1–2 s on a healthy canary.
 */
export const ROLLBACK_TOPIC_NAME = "fraud-console-rollback";

export const CANARY_5XX_RATE_PERCENT = 1;
/** lib/error-budget/policy.ts ROLLBACK_POLICY, as the percentage ErrorBudgetBurned is published in. */
export const ERROR_BUDGET_ROLLBACK_PERCENT = ROLLBACK_POLICY.share * 100;
const ALARM_PREFIX = "fraud-console";

export type EndpointAlarmKind = "canary-5xx-rate" | "canary-latency-p95" | "error-budget-burned";

export interface EndpointAlarmOptions {
  tenantId: string;
  endpointName: string;
  /** The variant that gets rolled back. */
  canaryVariantName?: string;
  /** The SNS topic the rollback Lambda is subscribed to. */
  rollbackTopicArn: string;
  /** The tenant's p95 latency SLO (settings.slo.latencyP95Ms); the product's default SLO (200 ms) when omitted. */
  latencySloMs?: number;
  /** 10 s periods instead of one minute (tests, the demo). */
  highResolution?: boolean;
  /** Where the console publishes VariantLatency and ErrorBudgetBurned (env METRICS_NAMESPACE); "FraudConsole" when omitted. */
  metricsNamespace?: string;
}

export type AlarmDefinition = PutMetricAlarmCommandInput & { AlarmName: string; EvaluationPeriods: number };

/** `fraud-console/<tenant>/<endpoint>/<kind>`: the rollback handler reads tenant and endpoint back from it. */
export function endpointAlarmName(tenantId: string, endpointName: string, kind: EndpointAlarmKind): string {
  return `${ALARM_PREFIX}/${tenantId}/${endpointName}/${kind}`;
}

export function parseEndpointAlarmName(name: string): { tenantId: string; endpointName: string; kind: string } | undefined {
  const [prefix, tenantId, endpointName, kind, ...rest] = name.split("/");
  if (prefix !== ALARM_PREFIX || !tenantId || !endpointName || !kind || rest.length > 0) return undefined;
  return { tenantId, endpointName, kind };
}

export function endpointAlarms(opts: EndpointAlarmOptions): AlarmDefinition[] {
  const period = opts.highResolution ? 10 : 60;
  const variant = opts.canaryVariantName ?? "canary";
  const dimensions = [
    { Name: "EndpointName", Value: opts.endpointName },
    { Name: "VariantName", Value: variant },
  ];
  const metric = (MetricName: string) => ({ Namespace: "AWS/SageMaker", MetricName, Dimensions: dimensions });
  const common = {
    ActionsEnabled: true,
    AlarmActions: [opts.rollbackTopicArn],
    EvaluationPeriods: 3,
    DatapointsToAlarm: 3,
    ComparisonOperator: "GreaterThanThreshold" as const,
    // A canary at weight 0 gets no traffic and reports nothing: that is no reason to roll back.
    TreatMissingData: "notBreaching",
  };
  const sloMs = opts.latencySloMs ?? DEFAULT_SLO.latencyP95Ms;
  const consoleNamespace = opts.metricsNamespace ?? "FraudConsole";
  return [
    {
      ...common,
      AlarmName: endpointAlarmName(opts.tenantId, opts.endpointName, "canary-5xx-rate"),
      AlarmDescription: `${opts.endpointName}: the ${variant} variant's 5xx rate is above ${CANARY_5XX_RATE_PERCENT} % in 3 of 3 periods of ${period} s; rolls the canary back.`,
      Threshold: CANARY_5XX_RATE_PERCENT,
      Metrics: [
        { Id: "rate", Label: "5xx rate (%)", Expression: "100 * errors / invocations", ReturnData: true },
        { Id: "errors", MetricStat: { Metric: metric("Invocation5XXErrors"), Period: period, Stat: "Sum" }, ReturnData: false },
        { Id: "invocations", MetricStat: { Metric: metric("Invocations"), Period: period, Stat: "Sum" }, ReturnData: false },
      ],
    },
    {
      ...common,
      AlarmName: endpointAlarmName(opts.tenantId, opts.endpointName, "canary-latency-p95"),
      AlarmDescription: `${opts.endpointName}: the p95 latency of the scoring answers the ${variant} variant served (VariantLatency) is above the ${sloMs} ms SLO in 3 of 3 periods of ${period} s; rolls the canary back.`,
      Namespace: consoleNamespace,
      MetricName: "VariantLatency",
      Dimensions: [
        { Name: "TenantId", Value: opts.tenantId },
        { Name: "Variant", Value: variant },
      ],
      ExtendedStatistic: "p95",
      Period: period,
      Unit: "Milliseconds",
      Threshold: sloMs,
    },
    {
      // OPS.md: 80 % of the 30-day error budget burned → roll the canary back. CloudWatch cannot
      // evaluate a 30-day window in an alarm (at most 7 days), so lib/error-budget computes the share
      // burned and publishes it every minute (publish-error-budget.ts); this alarm is a plain threshold on it.
      ...common,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      AlarmName: endpointAlarmName(opts.tenantId, opts.endpointName, "error-budget-burned"),
      AlarmDescription: `${opts.endpointName}: ${ERROR_BUDGET_ROLLBACK_PERCENT} % or more of the tenant's 30-day error budget is burned; rolls the canary back.`,
      Namespace: consoleNamespace,
      MetricName: "ErrorBudgetBurned",
      Dimensions: [{ Name: "TenantId", Value: opts.tenantId }],
      Statistic: "Maximum",
      Period: 60,
      Threshold: ERROR_BUDGET_ROLLBACK_PERCENT,
    },
  ];
}
