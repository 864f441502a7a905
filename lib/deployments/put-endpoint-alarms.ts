import { PutMetricAlarmCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { cloudWatchClient } from "@/lib/aws/clients";
import { endpointAlarms, type EndpointAlarmOptions } from "./alarm-definitions";

/**
 * Puts a tenant endpoint's alarms (alarm-definitions.ts) with PutMetricAlarm: creates them, or
 * replaces their configuration while CloudWatch keeps their state, so it is safe to run on every
 * start. The local bootstrap and tests call it; on AWS the CDK app declares the same alarms.
 */
export async function putEndpointAlarms(
  opts: EndpointAlarmOptions,
  deps: { cloudWatch?: Pick<CloudWatchClient, "send"> } = {},
): Promise<string[]> {
  const client = deps.cloudWatch ?? cloudWatchClient();
  const alarms = endpointAlarms(opts);
  for (const alarm of alarms) await client.send(new PutMetricAlarmCommand(alarm));
  return alarms.map((a) => a.AlarmName);
}
