/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- raw DynamoDB items and DescribeEndpoint variants, read only to assert on */
import { DescribeAlarmHistoryCommand, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { localRollbackTopicArn } from "@/infra/local/seed/seed-alarms";
import { cloudWatchClient, documentClient, sageMakerClient, sageMakerRuntimeClient } from "@/lib/aws/clients";
import { rollbackIndexPk } from "@/lib/db/keys";
import { endpointAlarmName } from "@/lib/deployments/alarm-definitions";
import { env } from "@/lib/env";
import { FEATURE_NAMES } from "@/lib/features/schema";
import { createTestTenantRecords, deleteTestEndpoint, type TestTenantRecord } from "@/test/support/test-tenant";

/**
 * Automatic rollback end to end on the real stack: a 5xx fault on the canary of a tenant of this
 * file's own → the SageMaker emulator's metrics → the CloudWatch emulator's 10 s alarm (the one
 * definition in lib/deployments) → SNS → the rollback Lambda in the functions host → lib/deployments'
 * rollback with trigger "alarm" → canary weight 0 and one rollback event.
 */
let tenant: TestTenantRecord;
let stopTraffic = () => undefined as void;
let traffic: Promise<void> = Promise.resolve();

async function emulator(route: string, body?: unknown, method = "POST"): Promise<void> {
  const response = await fetch(`${inject("stackUrls").sagemaker}/_emulator/${route}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${route}: ${response.status} ${await response.text()}`);
}

/** Polls until `check` gives a value: it bounds how long the case waits and asserts nothing about time. */
async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const row = FEATURE_NAMES.map(() => "0.5").join(",");

/** Calls the canary (by TargetVariant: the routing draw is not what this case is about) until stopped. */
function driveCanary(endpointName: string): () => void {
  let running = true;
  traffic = (async () => {
    while (running) {
      await sageMakerRuntimeClient()
        .send(new InvokeEndpointCommand({ EndpointName: endpointName, TargetVariant: "canary", ContentType: "text/csv", Body: row }))
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return () => {
    running = false;
  };
}

beforeAll(async () => {
  tenant = await createTestTenantRecords({ label: "alarm-rollback", endpoint: { weights: { production: 90, canary: 10 } }, alarms: true });
});

afterAll(async () => {
  stopTraffic();
  await traffic;
  await emulator(`faults?endpointName=${tenant.endpointName}`, undefined, "DELETE");
  await deleteTestEndpoint(tenant.endpointName);
});

describe("automatic rollback on the canary's 5xx alarm", () => {
  it("fires the alarm, runs the rollback handler and leaves the canary at 0 with one alarm-triggered event", async () => {
    const alarmName = endpointAlarmName(tenant.tenantId, tenant.endpointName, "canary-5xx-rate");
    await emulator("faults", { endpointName: tenant.endpointName, variantName: "canary", mode: "error" });
    stopTraffic = driveCanary(tenant.endpointName);

    const weights = await eventually(
      async () => {
        const described = await sageMakerClient().send(new DescribeEndpointCommand({ EndpointName: tenant.endpointName }));
        const canary = described.ProductionVariants?.find((v) => v.VariantName === "canary");
        return described.EndpointStatus === "InService" && canary?.CurrentWeight === 0
          ? Object.fromEntries((described.ProductionVariants ?? []).map((v) => [v.VariantName, v.CurrentWeight]))
          : undefined;
      },
      "the canary's weight to reach 0",
      150_000,
    );
    stopTraffic();
    await traffic;
    expect(weights).toEqual({ production: 100, canary: 0 });

    const { MetricAlarms } = await cloudWatchClient().send(new DescribeAlarmsCommand({ AlarmNames: [alarmName] }));
    expect(MetricAlarms?.[0]?.StateValue).toBe("ALARM");
    const { AlarmHistoryItems } = await cloudWatchClient().send(new DescribeAlarmHistoryCommand({ AlarmName: alarmName }));
    expect(AlarmHistoryItems?.map((h) => h.HistorySummary)).toContain(`Successfully executed action ${localRollbackTopicArn()}`);

    const { Items } = await documentClient().send(
      new QueryCommand({
        TableName: env().TABLE_NAME,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": rollbackIndexPk(tenant.tenantId) },
      }),
    );
    expect(Items?.map((e) => [e.trigger, e.alarm, e.endpoint, e.outcome])).toEqual([
      ["alarm", alarmName, tenant.endpointName, "succeeded"],
    ]);
    expect(Items?.[0]?.actor).toBe(`alarm:${alarmName}`);
  });
});
