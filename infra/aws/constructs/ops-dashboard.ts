import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import { Construct } from "constructs";
import type { TenantDefinition } from "@/infra/tenants";
import { DECISIONS, decisionSamples, errorSamples, SCORE_BANDS } from "@/lib/metrics/decision-metrics";
import { CANARY_VARIANT, PRODUCTION_VARIANT } from "./tenant-endpoint";

/** lib/error-budget/publish-error-budget.ts' metrics (dimension TenantId, percent). */
export const ERROR_BUDGET_METRICS = ["ErrorBudgetBurned", "ErrorBudgetBurnedLast7d"] as const;

/**
 * Every metric name the console publishes (lib/metrics/decision-metrics.ts), read from what it
 * emits for one fully described decision and one error, so a metric added there is one the
 * dashboard must place (the constructor refuses an unplaced one).
 */
export function consoleMetricNames(): string[] {
  const samples = [
    ...decisionSamples({
      tenantId: "t",
      decision: "REVIEW",
      degraded: false,
      ruleOnly: false,
      latencyMs: 10,
      at: 0,
      variant: PRODUCTION_VARIANT,
      score: 0.5,
      amount: 1,
      currency: "EUR",
    }),
    ...errorSamples({ tenantId: "t", at: 0 }),
  ];
  return [...new Set(samples.map((s) => s.name))].sort();
}

export interface OpsDashboardProps {
  readonly prefix: string;
  readonly tenants: readonly TenantDefinition[];
  readonly metricsNamespace: string;
  /** Each tenant's rollback alarms, shown as its first row. */
  readonly alarmsOf: (tenantId: string) => readonly cloudwatch.CfnAlarm[];
}

/**
 * One CloudWatch dashboard, a section per tenant: its rollback alarms, decisions and their shares,
 * the console's latency (overall and per variant), errors and the error budget, the score
 * histogram, amounts by decision, and SageMaker's own per-variant invocations, 5xx and latency.
 * The console's metrics are those of lib/metrics, in the namespace the console publishes to.
 */
export class OpsDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  /** The console metric names placed, for the check that none is missing. */
  readonly placed: ReadonlySet<string>;

  constructor(scope: Construct, id: string, props: OpsDashboardProps) {
    super(scope, id);
    const ns = props.metricsNamespace;
    const period = Duration.minutes(1);
    const placed = new Set<string>();
    const metric = (tenantId: string, metricName: string, statistic: string, dims: Record<string, string> = {}, label?: string) => {
      placed.add(metricName);
      return new cloudwatch.Metric({
        namespace: ns,
        metricName,
        dimensionsMap: { TenantId: tenantId, ...dims },
        statistic,
        period,
        label,
      });
    };
    // Dimensions whose values are open-ended (variants, currencies): a SEARCH finds whichever exist.
    const search = (tenantId: string, metricName: string, keys: string[], statistic: string, label: string) => {
      placed.add(metricName);
      return new cloudwatch.MathExpression({
        expression: `SEARCH('{${ns},${["TenantId", ...keys].join(",")}} MetricName="${metricName}" TenantId="${tenantId}"', '${statistic}', 60)`,
        label,
        period,
      });
    };

    this.dashboard = new cloudwatch.Dashboard(this, "Dashboard", {
      dashboardName: `${props.prefix}-operations`,
      defaultInterval: Duration.hours(3),
    });
    for (const tenant of props.tenants) {
      const t = tenant.tenantId;
      const sageMaker = (metricName: string, variant: string, statistic: string) =>
        new cloudwatch.Metric({
          namespace: "AWS/SageMaker",
          metricName,
          dimensionsMap: { EndpointName: tenant.endpointName, VariantName: variant },
          statistic,
          period,
          label: `${variant} ${metricName} ${statistic}`,
        });
      const variants = [PRODUCTION_VARIANT, CANARY_VARIANT];
      this.dashboard.addWidgets(
        new cloudwatch.TextWidget({ markdown: `## ${tenant.name} (${t}) · endpoint \`${tenant.endpointName}\``, width: 24, height: 1 }),
        new cloudwatch.AlarmStatusWidget({
          title: `${t}: rollback alarms`,
          alarms: props.alarmsOf(t).map((a) => cloudwatch.Alarm.fromAlarmArn(this, `${t}-${a.node.id}`, a.attrArn)),
          width: 24,
          height: 2,
        }),
      );
      this.dashboard.addWidgets(
        new cloudwatch.GraphWidget({
          title: `${t}: decisions per minute`,
          left: DECISIONS.map((d) => metric(t, "Decisions", "Sum", { Decision: d }, d)),
          stacked: true,
          width: 8,
        }),
        new cloudwatch.GraphWidget({
          title: `${t}: degraded and rule-only shares`,
          left: [metric(t, "Degraded", "Average", {}, "degraded"), metric(t, "RuleOnly", "Average", {}, "rule only")],
          leftYAxis: { min: 0, max: 1 },
          width: 8,
        }),
        new cloudwatch.GraphWidget({
          title: `${t}: scoring latency (ms)`,
          left: ["p50", "p95", "p99"].map((p) => metric(t, "Latency", p, {}, `all ${p}`)),
          right: [search(t, "VariantLatency", ["Variant"], "p95", "p95 by variant")],
          width: 8,
        }),
      );
      this.dashboard.addWidgets(
        new cloudwatch.GraphWidget({
          title: `${t}: 5xx answers and requests`,
          left: [metric(t, "Errors", "Sum", {}, "5xx")],
          right: [metric(t, "Errors", "SampleCount", {}, "requests")],
          width: 8,
        }),
        new cloudwatch.GraphWidget({
          title: `${t}: error budget burned (%)`,
          left: ERROR_BUDGET_METRICS.map((name) => metric(t, name, "Maximum", {}, name)),
          leftAnnotations: [
            { value: 30, label: "freeze promotions" },
            { value: 80, label: "roll back" },
          ],
          width: 8,
        }),
        new cloudwatch.GraphWidget({
          title: `${t}: score histogram (last period)`,
          left: SCORE_BANDS.map((band) => metric(t, "ScoreBand", "Sum", { Band: band }, band)),
          view: cloudwatch.GraphWidgetView.BAR,
          width: 8,
        }),
      );
      this.dashboard.addWidgets(
        new cloudwatch.GraphWidget({
          title: `${t}: amounts by decision and currency`,
          left: [search(t, "DecisionAmount", ["Decision", "Currency"], "Sum", "amount")],
          width: 8,
        }),
        new cloudwatch.GraphWidget({
          title: `${tenant.endpointName}: invocations and 5xx by variant`,
          left: variants.map((v) => sageMaker("Invocations", v, "Sum")),
          right: variants.map((v) => sageMaker("Invocation5XXErrors", v, "Sum")),
          width: 8,
        }),
        new cloudwatch.GraphWidget({
          title: `${tenant.endpointName}: ModelLatency p95 by variant (µs)`,
          left: variants.map((v) => sageMaker("ModelLatency", v, "p95")),
          width: 8,
        }),
      );
    }
    const unplaced = consoleMetricNames().filter((name) => !placed.has(name));
    if (unplaced.length > 0) throw new Error(`the dashboard places no widget for ${unplaced.join(", ")} (constructs/ops-dashboard.ts)`);
    this.placed = placed;
  }
}
