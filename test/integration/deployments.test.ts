import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list-audit";
import { sageMakerClient } from "@/lib/aws/clients";
import { deploy } from "@/lib/deployments/deploy";
import { getDeployment, listDeploymentHistory } from "@/lib/deployments/deployment-record";
import { listRollbacks } from "@/lib/deployments/list-rollbacks";
import { rollback } from "@/lib/deployments/rollback";
import { getRollbackEvent } from "@/lib/deployments/rollback-event";
import { setWeights } from "@/lib/deployments/set-weights";
import { waitForWeights, waitUntilUpdatable } from "@/lib/deployments/wait-endpoint";
import { notifyRollback } from "@/lib/notifications/notify-rollback";
import { saveWebhookSettings } from "@/lib/notifications/webhook-settings";
import { sendTestMessage } from "@/lib/notifications/send-test-message";
import { createTestTenant, type TestTenant } from "./fixtures";

/** A local stand-in for Slack's and Teams' incoming webhooks: records every POST; answers from `statuses` first. */
function startReceiver(): Promise<{ url: string; received: Array<{ path: string; body: unknown }>; statuses: number[]; server: Server }> {
  const received: Array<{ path: string; body: unknown }> = [];
  const statuses: number[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown });
      res.statusCode = statuses.shift() ?? 200;
      res.end("ok");
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, received, statuses, server });
    });
  });
}

async function describeWeights(endpointName: string): Promise<Record<string, number | undefined>> {
  const described = await sageMakerClient().send(new DescribeEndpointCommand({ EndpointName: endpointName }));
  return Object.fromEntries(
    (described.ProductionVariants ?? []).map((v): [string, number | undefined] => [v.VariantName ?? "", v.CurrentWeight]),
  );
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
const tenants: TestTenant[] = [];
async function tenantWithCanary(label: string, weights = { production: 90, canary: 10 }): Promise<TestTenant> {
  const tenant = await createTestTenant({ label, endpoint: { productionVersion: 1, canaryVersion: 2, weights } });
  tenants.push(tenant);
  return tenant;
}

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await Promise.all(tenants.map((t) => t.dispose()));
  await new Promise((resolve) => receiver.server.close(resolve));
});

describe("rollback", () => {
  it("turns 20 concurrent clicks by two engineers into one rollback, one event and one message per channel", async () => {
    const tenant = await tenantWithCanary("rb-concurrent");
    const { tenantId, endpointName } = tenant;
    await saveWebhookSettings({
      tenantId,
      actor: `admin@${tenantId}.test`,
      change: { slackWebhookUrl: `${receiver.url}/slack/${tenantId}`, teamsWebhookUrl: `${receiver.url}/teams/${tenantId}` },
    });
    const users = [`mlops@${tenantId}.test`, `admin@${tenantId}.test`];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rollback({ tenantId, endpointName, trigger: "manual", actor: users[i % 2]!, reason: `click ${i}` }),
      ),
    );
    const outcomes = results.map((r) => r.event.outcome);
    expect(outcomes.filter((o) => o === "succeeded")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "already_rolled_back")).toHaveLength(19);
    const winner = results.find((r) => r.event.outcome === "succeeded")!.event;
    expect(new Set(results.map((r) => r.event.id))).toEqual(new Set([winner.id]));
    await Promise.all(results.map((r) => r.notification));

    const { items } = await listRollbacks({ tenantId, limit: 25 });
    expect(items.map((e) => e.id)).toEqual([winner.id]);
    expect(items[0]).toMatchObject({
      tenant: tenantId,
      endpoint: endpointName,
      trigger: "manual",
      outcome: "succeeded",
      mode: "weights",
      before: {
        variants: [
          { variantName: "production", weight: 90 },
          { variantName: "canary", weight: 10 },
        ],
      },
      after: {
        variants: [
          { variantName: "production", weight: 100 },
          { variantName: "canary", weight: 0 },
        ],
      },
      error: null,
      notification: { state: "sent" },
    });
    const messages = receiver.received.filter((m) => m.path.endsWith(tenantId));
    expect(messages.map((m) => m.path).sort()).toEqual([`/slack/${tenantId}`, `/teams/${tenantId}`]);
    const slack = messages.find((m) => m.path.startsWith("/slack"))!.body as { text: string };
    expect(slack.text).toContain(`Rollback triggered for ${endpointName} · Rollback ID ${winner.id}`);
    expect(slack.text).toContain("Canary disabled, Prod 100%.");
    const teams = messages.find((m) => m.path.startsWith("/teams"))!.body as { type: string; attachments: Array<{ contentType: string }> };
    expect(teams).toMatchObject({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive" }] });

    expect(await waitForWeights(endpointName, { production: 100, canary: 0 }, { sageMaker: sageMakerClient() })).toBe(true);
    const record = await getDeployment({ tenantId, endpointName });
    expect(record).toMatchObject({ version: 2, kind: "rollback", lastRollbackEventId: winner.id, rollback: null });
    const { entries } = await listAudit({ tenantId, action: "endpoint.rollback", limit: 50 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ state: "done", target: `rollback:${winner.id}`, after: winner.after });

    // A later click is told the same, and sends nothing more.
    const late = await rollback({ tenantId, endpointName, trigger: "alarm", alarm: "late", actor: "system:alarm", reason: "again" });
    expect(late.event).toMatchObject({ id: winner.id, outcome: "already_rolled_back" });
    await late.notification;
    expect(receiver.received.filter((m) => m.path.endsWith(tenantId))).toHaveLength(2);
  });

  it("records a failed rollback with the AWS error and changes nothing while the control plane fails", async () => {
    const tenant = await tenantWithCanary("rb-fault");
    const { tenantId, endpointName } = tenant;
    await tenant.setFault({ mode: "control-plane", errorCode: "InternalFailure" });
    const { event } = await rollback({
      tenantId,
      endpointName,
      trigger: "manual",
      actor: `mlops@${tenantId}.test`,
      reason: "canary errors",
    });
    expect(event).toMatchObject({ outcome: "failed", error: { name: "InternalFailure" } });
    expect(event.error?.message).toContain("unknown error");
    expect(await getRollbackEvent({ tenantId, id: event.id })).toMatchObject({ outcome: "failed", error: { name: "InternalFailure" } });
    expect(await getDeployment({ tenantId, endpointName })).toMatchObject({ version: 1, kind: "initial", rollback: null });
    expect(await describeWeights(endpointName)).toEqual({ production: 90, canary: 10 });

    // Nothing was left half-done: once the control plane answers, the rollback goes through.
    await tenant.clearFaults();
    const retried = await rollback({ tenantId, endpointName, trigger: "manual", actor: `mlops@${tenantId}.test`, reason: "canary errors" });
    expect(retried.event).toMatchObject({ outcome: "succeeded", error: null });
    await retried.notification;
    expect((await getRollbackEvent({ tenantId, id: retried.event.id }))?.notification).toMatchObject({ state: "logged", channels: [] });
  });

  it("restores the previous endpoint config after a promotion", async () => {
    const tenant = await tenantWithCanary("rb-restore");
    const { tenantId, endpointName } = tenant;
    const before = (await getDeployment({ tenantId, endpointName }))!;
    const promoted = await deploy({
      tenantId,
      endpointName,
      kind: "promotion",
      actor: `mlops@${tenantId}.test`,
      reason: "canary healthy",
      expectedVersion: before.version,
      spec: { ...before.spec, variants: [{ ...before.spec.variants[1]!, role: "production", weight: 1 }] },
    });
    await waitUntilUpdatable(endpointName, { sageMaker: sageMakerClient() });
    expect(await describeWeights(endpointName)).toEqual({ canary: 1 });

    const { event } = await rollback({
      tenantId,
      endpointName,
      trigger: "manual",
      actor: `mlops@${tenantId}.test`,
      reason: "bad promotion",
    });
    expect(event).toMatchObject({
      outcome: "succeeded",
      mode: "restore_config",
      before: { endpointConfigName: promoted.endpointConfigName },
      after: { endpointConfigName: before.endpointConfigName },
    });
    const described = await waitUntilUpdatable(endpointName, { sageMaker: sageMakerClient() });
    expect(described).toMatchObject({ EndpointStatus: "InService", EndpointConfigName: before.endpointConfigName });
    expect(await describeWeights(endpointName)).toEqual({ production: 90, canary: 10 });
    const history = await listDeploymentHistory({ tenantId, endpointName });
    expect(history.map((h) => [h.version, h.kind])).toEqual([
      [3, "rollback"],
      [2, "promotion"],
      [1, "initial"],
    ]);
  });

  it("retries a failing webhook a bounded number of times and records every attempt", async () => {
    const tenant = await tenantWithCanary("rb-retry");
    const { tenantId, endpointName } = tenant;
    await saveWebhookSettings({
      tenantId,
      actor: `admin@${tenantId}.test`,
      change: { slackWebhookUrl: `${receiver.url}/retry/${tenantId}` },
    });
    receiver.statuses.push(500, 503);
    const { event, notification } = await rollback(
      { tenantId, endpointName, trigger: "alarm", alarm: "canary-5xx", actor: "system:alarm", reason: "5xx over 1%" },
      { notify: (e) => notifyRollback(e, { delivery: { baseDelayMs: 1 } }) },
    );
    await notification;
    const stored = await getRollbackEvent({ tenantId, id: event.id });
    expect(stored?.notification).toMatchObject({ state: "sent", channels: [{ channel: "slack", delivered: true }] });
    expect(stored?.notification?.channels[0]?.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(receiver.received.filter((m) => m.path.endsWith(tenantId))).toHaveLength(3);
  });
});

describe("weights", () => {
  it("applies one of two concurrent edits and answers the other 409 naming who changed it and when", async () => {
    const tenant = await tenantWithCanary("weights-race", { production: 1, canary: 0 });
    const { tenantId, endpointName } = tenant;
    const edits = await Promise.allSettled([
      setWeights({
        tenantId,
        endpointName,
        weights: { production: 80, canary: 20 },
        reason: "a",
        expectedVersion: 1,
        actor: "alice@x.test",
      }),
      setWeights({ tenantId, endpointName, weights: { production: 50, canary: 50 }, reason: "b", expectedVersion: 1, actor: "bob@x.test" }),
    ]);
    const applied = edits.filter((e) => e.status === "fulfilled");
    const refused = edits.filter((e) => e.status === "rejected");
    expect(applied).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const winner = (await getDeployment({ tenantId, endpointName }))!;
    expect(winner.version).toBe(2);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: "conflict",
      details: { currentVersion: 2, changedBy: winner.actor, changedAt: winner.updatedAt },
    });
    const expected = winner.actor === "alice@x.test" ? { production: 80, canary: 20 } : { production: 50, canary: 50 };
    expect(await waitForWeights(endpointName, expected, { sageMaker: sageMakerClient() })).toBe(true);
  });

  it.each([
    [{ shadow: 1 }, "Unknown variant shadow"],
    [{ production: 0, canary: 0 }, "At least one variant needs a weight above 0"],
    [{ canary: -1 }, "Weights must be numbers of 0 or more"],
  ])("refuses %j", async (weights, message) => {
    const tenant = tenants.find((t) => t.endpointName.includes("weights-race"))!;
    await expect(
      setWeights({
        tenantId: tenant.tenantId,
        endpointName: tenant.endpointName,
        weights,
        reason: "x",
        expectedVersion: 2,
        actor: "a@x.test",
      }),
    ).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining(message) as string });
  });
});

describe("notifications", () => {
  it("sends a test message to each configured webhook", async () => {
    const tenantId = tenants[0]!.tenantId;
    const result = await sendTestMessage({ tenantId, actor: `admin@${tenantId}.test` });
    expect(result.channels.map((c) => [c.channel, c.delivered])).toEqual([
      ["slack", true],
      ["teams", true],
    ]);
  });
});

describe("the seeded story (read only)", () => {
  it.each([
    [
      "acme-bank",
      5,
      "promotion",
      { production: 1 },
      [["production", 2]],
      "fraud-console/acme-bank/fraud-acme-bank/canary-latency-p95",
      "2026-10-21",
    ],
    [
      "globex-pay",
      4,
      "canary",
      { production: 90, canary: 10 },
      [
        ["production", 1],
        ["canary", 2],
      ],
      "fraud-console/globex-pay/fraud-globex-pay/canary-5xx-rate",
      "2026-11-10",
    ],
  ] as const)(
    "%s: the endpoint runs what its history ends with, after one past alarm rollback",
    async (tenantId, version, kind, weights, served, alarm, day) => {
      const endpointName = `fraud-${tenantId}`;
      const record = (await getDeployment({ tenantId, endpointName }))!;
      expect(record).toMatchObject({ version, kind });
      expect(record.spec.variants.map((v) => [v.variantName, v.modelVersion])).toEqual(served);
      expect(await describeWeights(endpointName)).toEqual(weights);
      const history = await listDeploymentHistory({ tenantId, endpointName });
      expect(history.map((h) => h.version)).toEqual(Array.from({ length: version }, (_, i) => version - i));
      const { items } = await listRollbacks({ tenantId, limit: 25 });
      const seeded = items.filter((e) => e.startedAt.startsWith(day));
      expect(seeded).toHaveLength(1);
      expect(seeded[0]).toMatchObject({
        trigger: "alarm",
        alarm,
        actor: `alarm:${alarm}`,
        outcome: "succeeded",
        after: { variants: [{ role: "production" }, { role: "canary", weight: 0 }] },
      });
      expect(record.lastRollbackEventId).toBe(seeded[0]!.id);
    },
  );
});
