import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as scoreRoute } from "@/app/api/score/route";
import { spawnChild, stopChildren, type Child } from "@/infra/local/launcher/children";
import { findFreePort } from "@/infra/local/launcher/ports";
import { DEMO_TENANTS } from "@/infra/local/seed/demo-tenants";
import { seedDeploymentStory } from "@/infra/local/seed/seed-deployments";
import { seedTenantModels, waitForEndpoints } from "@/infra/local/seed/seed-models";
import { STACK_SERVICES, type StackPorts, type StackServiceName } from "@/infra/local/stack";
import { applyLocalStackEnv, localStackEnv, type StackUrls } from "@/infra/local/stack-env";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { documentClient } from "@/lib/aws/clients";
import { queueStatusIndexPk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import { SUSPICIOUS_DEMO } from "@/lib/features/demo-transactions";
import { FEATURE_NAMES } from "@/lib/features/schema";
import { getQueueItem } from "@/lib/queue/get-queue-item";
import { saveSettings } from "@/lib/settings/save-settings";
import { DEFAULT_TENANT_SETTINGS } from "@/lib/settings/tenant-settings";
import { createTenant } from "@/lib/tenants/create-tenant";
import { scoreRequest } from "./score-helpers";

/**
 * Durability under a crash. A throwaway stack whose processes this file owns (the launcher's own
 * runner, infra/local/run-service.ts, one process per service, exactly as `npm run demo` starts them)
 * takes scoring load of unique flagged transactions; every stack process is killed with SIGKILL in
 * the middle of it; the stack restarts from its data directory on the same ports; and every
 * transaction that was answered 200 with REVIEW or SUSPICIOUS must be in the review queue exactly once.
 *
 * The scoring runs in this process, through the route handler of POST /api/score (the code Next
 * runs for that route), not through a Next server: the console keeps no state that matters across
 * requests (DESIGN.md), so an acknowledgement promises only what the stack has stored, and that is
 * what a crash of the stack tests. In-flight requests of a crashed console are by definition not
 * acknowledged. A production build of the console would cost minutes, outside the CI budget.
 */
const CONCURRENCY = 32;
/** Acknowledged answers before the crash: the kill lands mid-load, with requests in flight. */
const ACKNOWLEDGED_BEFORE_KILL = 150;

let dataDir = "";
let ports: StackPorts;
let urls: StackUrls;
let services: Child[] = [];
let tenantId = "";
let apiKey = "";

async function startServices(): Promise<Child[]> {
  const spawnService = (name: StackServiceName) =>
    spawnChild({
      name,
      command: process.execPath,
      args: ["--import", "tsx", "infra/local/run-service.ts", name, "--port", String(ports[name]), "--data", dataDir],
      env: { ...process.env, ...localStackEnv(urls) },
      logDir: path.join(dataDir, "logs"),
      ready: /^ready (\S+)/,
    }).then(({ child }) => child);
  // As the launcher does: SageMaker loads its endpoints' models from S3 as it starts, so it goes last.
  const first = await Promise.all(STACK_SERVICES.filter((s) => s !== "sagemaker").map(spawnService));
  return [...first, await spawnService("sagemaker")];
}

function killAll(children: Child[]): Promise<void> {
  const exited = children.map((c) => new Promise<void>((resolve) => c.process.once("exit", () => resolve())));
  for (const child of children) child.process.kill("SIGKILL");
  return Promise.all(exited).then(() => undefined);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "fraud-console-crash-"));
  ports = {
    dynamodb: await findFreePort(),
    s3: await findFreePort(),
    sagemaker: await findFreePort(),
    cloudwatch: await findFreePort(),
    functions: await findFreePort(),
  };
  urls = Object.fromEntries(STACK_SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}`])) as unknown as StackUrls;
  // This file's SDK clients are built on first use, below: point them at this stack, not the shared one.
  applyLocalStackEnv(urls);
  services = await startServices();
  const { bootstrapResources } = await import("@/infra/local/bootstrap");
  await bootstrapResources();
  // One demo endpoint (acme-bank's: v2 at 100%, seeded as the demo seeds it) and a tenant of its own.
  const acme = DEMO_TENANTS[0]!;
  await seedTenantModels(acme);
  await seedDeploymentStory(acme, FEATURE_NAMES);
  await waitForEndpoints([acme]);
  tenantId = "crash-test";
  await createTenant({
    tenantId,
    name: "Crash test",
    endpointName: acme.endpointName,
    modelPackageGroupName: acme.modelPackageGroupName,
    createdAt: new Date().toISOString(),
  });
  // Out of the rate limit's reach: every answer below is about the queue, never a 429.
  await saveSettings({ tenantId, settings: { ...DEFAULT_TENANT_SETTINGS, rateLimitPerSecond: 100_000 }, expectedVersion: 0, actor: "it" });
  apiKey = (await createApiKey({ tenantId, name: "crash", createdBy: "it" })).plaintext;
}, 180_000);

afterAll(async () => {
  await stopChildren();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

type Answer = { txnId: string; body: Record<string, unknown>; status: number; decision: string | null };

async function score(body: Record<string, unknown>): Promise<Answer> {
  const txnId = String(body.txn_id);
  try {
    const response = await scoreRoute(scoreRequest("/api/score", body, apiKey));
    const answer = (await response.json()) as { decision?: string };
    return { txnId, body, status: response.status, decision: answer.decision ?? null };
  } catch {
    return { txnId, body, status: 0, decision: null };
  }
}

const isAcknowledged = (a: Answer) => a.status === 200 && (a.decision === "REVIEW" || a.decision === "SUSPICIOUS");

/** Every txn id filed under the tenant's open status, in one GSI (both are what the queue pages read). */
async function openTxnIds(indexName: "GSI1" | "GSI2"): Promise<string[]> {
  const ids: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: env().TABLE_NAME,
        IndexName: indexName,
        KeyConditionExpression: `${indexName}PK = :pk`,
        ExpressionAttributeValues: { ":pk": queueStatusIndexPk(tenantId, "open") },
        ProjectionExpression: "txnId",
        ExclusiveStartKey,
      }),
    );
    ids.push(...(page.Items ?? []).map((i) => String(i.txnId)));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return ids;
}

describe("a crash of every stack process under scoring load", () => {
  it("loses and doubles no acknowledged review item", async () => {
    // Unique flagged transactions: half decided by the model (SUSPICIOUS, or REVIEW on the canary or
    // once SageMaker is gone), half by the large-amount rule without it.
    let sequence = 0;
    const next = () => {
      const n = sequence++;
      const txn_id = `crash-${n}`;
      return n % 2 === 0 ? { ...SUSPICIOUS_DEMO, txn_id, customer_id: `c-${n % 50}` } : { txn_id, amount: 30_000 + n, device: "desktop" };
    };
    const answers: Answer[] = [];
    let acknowledged = 0;
    let isKilled = false;
    let signalKill!: () => void;
    const killNow = new Promise<void>((resolve) => (signalKill = resolve));
    const worker = async () => {
      while (!isKilled) {
        const answer = await score(next());
        answers.push(answer);
        if (isAcknowledged(answer) && ++acknowledged === ACKNOWLEDGED_BEFORE_KILL) signalKill();
      }
    };
    const workers = Array.from({ length: CONCURRENCY }, worker);

    await killNow;
    isKilled = true;
    await killAll(services);
    // Requests in flight at the kill finish now, answered or failed.
    await Promise.all(workers);

    services = await startServices();

    // A payment app retries what was not answered with the same txn_id (README: 503 means retry).
    const unanswered = answers.filter((a) => a.status !== 200);
    const retried = await Promise.all(unanswered.map((a) => score(a.body)));
    const final = new Map(answers.map((a) => [a.txnId, a]));
    for (const r of retried) final.set(r.txnId, r);
    const acked = [...final.values()].filter(isAcknowledged);

    const missing: string[] = [];
    for (const a of acked) {
      const item = await getQueueItem({ tenantId, txnId: a.txnId });
      if (!item) missing.push(a.txnId);
      else expect(item.decision, a.txnId).toBe(a.decision);
    }
    const [byAge, byScore] = await Promise.all([openTxnIds("GSI1"), openTxnIds("GSI2")]);
    const occurrences = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());
    for (const [name, ids] of [
      ["by age", byAge],
      ["by score", byScore],
    ] as const) {
      const counts = occurrences(ids);
      const lost = acked.filter((a) => !counts.has(a.txnId)).map((a) => a.txnId);
      const doubled = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
      expect({ index: name, lost, doubled }).toEqual({ index: name, lost: [], doubled: [] });
    }
    // Nothing listed that cannot be opened: every filed id has its item.
    const ghosts: string[] = [];
    for (const id of new Set([...byAge, ...byScore])) if (!(await getQueueItem({ tenantId, txnId: id }))) ghosts.push(id);

    console.log(
      `crash test: ${answers.length} requests before and during the kill, ${unanswered.length} unanswered and retried after the restart; ` +
        `${acked.length} acknowledged REVIEW/SUSPICIOUS transactions checked`,
    );
    expect(missing).toEqual([]);
    expect(ghosts).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
  }, 180_000);
});
