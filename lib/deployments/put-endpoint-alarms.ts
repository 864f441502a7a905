import { PutMetricAlarmCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import { endpointAlarmName, endpointAlarms, type EndpointAlarmKind, type EndpointAlarmOptions } from "./alarm-definitions";

/**
 * Puts a tenant endpoint's alarms (alarm-definitions.ts) with PutMetricAlarm: creates them, or
 * replaces their configuration while CloudWatch keeps their state, so it is safe to run on every
 * start. The local bootstrap and tests call it; on AWS the CDK app declares the same alarms.
 */
export async function putEndpointAlarms(
  opts: EndpointAlarmOptions & { skip?: readonly EndpointAlarmKind[] },
  deps: { cloudWatch?: Pick<CloudWatchClient, "send"> } = {},
): Promise<string[]> {
  const client = deps.cloudWatch ?? cloudWatchClient();
  const skipped = new Set((opts.skip ?? []).map((kind) => endpointAlarmName(opts.tenantId, opts.endpointName, kind)));
  const alarms = endpointAlarms(opts).filter((a) => !skipped.has(a.AlarmName));
  for (const alarm of alarms) await client.send(new PutMetricAlarmCommand(alarm));
  return alarms.map((a) => a.AlarmName);
}
