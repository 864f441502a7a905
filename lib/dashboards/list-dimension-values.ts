import { ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import type { PanelContext } from "./panel-context";

/**
 * The values one dimension of a tenant's metric has taken (analysts, model versions, currencies),
 * from ListMetrics — CloudWatch lists what it has seen in the last two weeks — so a panel can ask
 * for all their series in one GetMetricData.
 */
export async function listDimensionValues(ctx: PanelContext, metricName: string, dimension: string): Promise<string[]> {
  const cw = ctx.deps.cloudWatch ?? cloudWatchClient();
  const values = new Set<string>();
  let NextToken: string | undefined;
  do {
    const page = await cw.send(
      new ListMetricsCommand({
        Namespace: ctx.namespace,
        MetricName: metricName,
        Dimensions: [{ Name: "TenantId", Value: ctx.tenantId }],
        NextToken,
      }),
    );
    for (const m of page.Metrics ?? []) {
      const value = m.Dimensions?.find((d) => d.Name === dimension)?.Value;
      if (value) values.add(value);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return [...values].sort();
}
