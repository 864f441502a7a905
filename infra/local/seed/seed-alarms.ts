import { ROLLBACK_TOPIC_NAME } from "@/lib/deployments/alarm-definitions";
import { putEndpointAlarms } from "@/lib/deployments/put-endpoint-alarms";
import { getSettings } from "@/lib/settings/get-settings";

/**
 * The local stack's rollback topic. No SNS runs locally: the CloudWatch emulator delivers what an
 * alarm publishes here to the Lambda subscribed to it in infra/local/functions/registry.ts, as SNS
 * would. The account is the emulators' own.
 */
export function localRollbackTopicArn(): string {
  return `arn:aws:sns:${process.env.AWS_REGION || "us-east-1"}:000000000000:${ROLLBACK_TOPIC_NAME}`;
}

/**
 * Puts each tenant endpoint's alarms (lib/deployments/alarm-definitions.ts) with 10 s periods, so the
 * demo's injected canary fault rolls the canary back within half a minute (the definitions' one-minute
 * default is what a tenant on AWS gets). The canary-latency alarm holds the tenant's SLO setting; it
 * reads the console's VariantLatency (stored at 1-second resolution), so the explanation calls sent
 * for flagged transactions do not count. Idempotent: PutMetricAlarm keeps an existing alarm's state.
 */
export async function seedEndpointAlarms(tenants: ReadonlyArray<{ tenantId: string; endpointName: string }>): Promise<void> {
  for (const { tenantId, endpointName } of tenants) {
    const { settings } = await getSettings({ tenantId });
    await putEndpointAlarms({
      tenantId,
      endpointName,
      rollbackTopicArn: localRollbackTopicArn(),
      latencySloMs: settings.slo.latencyP95Ms,
      highResolution: true,
    });
  }
}
