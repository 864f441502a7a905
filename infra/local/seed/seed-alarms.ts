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
 * default is what a tenant on AWS gets).
 *
 * The demo leaves out the canary-latency alarm: its ModelLatency includes the Clarify explanation
 * calls the explanation worker sends for every flagged transaction (Kernel SHAP's ~2,000 model calls
 * each, on AWS as in the emulator), so with the demo's oversampled fraud the canary's p95 sits near
 * 1–2 s and the alarm would roll the healthy canary back within a minute of every start. Known gap:
 * the latency alarm should watch the scoring answers alone (the console's VariantLatency), not
 * ModelLatency; until then a tenant on AWS gets it as defined, and the demo shows the 5xx path.
 * Idempotent: PutMetricAlarm keeps an existing alarm's state.
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
      skip: ["canary-latency-p95"],
    });
  }
}
