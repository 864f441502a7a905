import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list-audit";
import { documentClient } from "@/lib/aws/clients";
import { claimItem, releaseClaim } from "@/lib/queue/claim-item";
import { getQueueItem } from "@/lib/queue/get-queue-item";
import { getSettings } from "@/lib/settings/get-settings";
import { saveSettings } from "@/lib/settings/save-settings";
import { DEFAULT_TENANT_SETTINGS } from "@/lib/settings/tenant-settings";
import { analyst, queueItem, testTenant } from "./queue-helpers";

type Db = Pick<DynamoDBDocumentClient, "send">;
type Command = { constructor: { name: string }; input: { Key?: { PK?: unknown }; Item?: { PK?: unknown } } };

/** The real client, except that one kind of write to the audit log fails as if DynamoDB were unreachable. */
function failingAudit(commandName: "PutCommand" | "UpdateCommand"): Db {
  const real = documentClient();
  return {
    send: ((command: Command) => {
      const pk = command.input.Item?.PK ?? command.input.Key?.PK;
      if (command.constructor.name === commandName && typeof pk === "string" && pk.endsWith("#AUDIT")) {
        return Promise.reject(Object.assign(new Error("audit write failed"), { name: "InternalServerError" }));
      }
      return real.send(command as never);
    }) as Db["send"],
  };
}

const noRetry = { retry: { attempts: 1 } };

describe("audit of queue claims", () => {
  it("a claim, its renewal and its release each write a completed audit record", async () => {
    const tenantId = testTenant("audit-claim");
    const A = analyst(tenantId, "a");
    const { txnId } = await queueItem(tenantId);
    const claimed = await claimItem({ tenantId, txnId, actor: A });
    await claimItem({ tenantId, txnId, actor: A });
    await releaseClaim({ tenantId, txnId, actor: A });

    const { entries } = await listAudit({ tenantId, action: "queue.claim", limit: 10 });
    expect(entries.map((e) => e.action)).toEqual(["queue.claim_release", "queue.claim_renew", "queue.claim"]);
    expect(entries.every((e) => e.state === "done" && e.actor === A.id && e.target === `txn:${txnId}`)).toBe(true);
    expect(entries[2]).toMatchObject({ before: null, after: claimed.claim });
    expect(entries[0]).toMatchObject({ before: { by: A.id }, after: null });
  });

  it("when the audit intent cannot be written the claim is refused and not made", async () => {
    const tenantId = testTenant("audit-intent");
    const { txnId } = await queueItem(tenantId);
    await expect(
      claimItem({ tenantId, txnId, actor: analyst(tenantId) }, { db: failingAudit("PutCommand"), ...noRetry }),
    ).rejects.toMatchObject({
      code: "unavailable",
    });
    expect((await getQueueItem({ tenantId, txnId, consistent: true }))?.claim).toBeNull();
    expect((await listAudit({ tenantId, limit: 10 })).entries).toEqual([]);
  });

  it("when the audit record cannot be completed the claim is not acknowledged and its pending record stays", async () => {
    const tenantId = testTenant("audit-complete");
    const A = analyst(tenantId);
    const { txnId } = await queueItem(tenantId);
    await expect(claimItem({ tenantId, txnId, actor: A }, { db: failingAudit("UpdateCommand"), ...noRetry })).rejects.toMatchObject({
      code: "unavailable",
    });
    // The change reached the item, and the log says so (outcome unconfirmed) rather than nothing.
    expect((await getQueueItem({ tenantId, txnId, consistent: true }))?.claim).toMatchObject({ by: A.id });
    const { entries } = await listAudit({ tenantId, limit: 10 });
    expect(entries).toEqual([expect.objectContaining({ action: "queue.claim", actor: A.id, target: `txn:${txnId}`, state: "pending" })]);
  });

  it("a refused claim leaves no audit record behind", async () => {
    const tenantId = testTenant("audit-refused");
    const { txnId } = await queueItem(tenantId);
    await claimItem({ tenantId, txnId, actor: analyst(tenantId, "a") });
    await expect(claimItem({ tenantId, txnId, actor: analyst(tenantId, "b") })).rejects.toMatchObject({ code: "conflict" });
    expect((await listAudit({ tenantId, limit: 10 })).entries.map((e) => e.actor)).toEqual([analyst(tenantId, "a").id]);
  });
});

describe("audit of settings", () => {
  it("a save whose audit intent cannot be written changes nothing", async () => {
    const tenantId = testTenant("audit-settings");
    const changed = { ...DEFAULT_TENANT_SETTINGS, rateLimitPerSecond: 7 };
    await expect(
      saveSettings({ tenantId, settings: changed, expectedVersion: 0, actor: "admin@it.test" }, { db: failingAudit("PutCommand") }),
    ).rejects.toMatchObject({ code: "unavailable" });
    expect(await getSettings({ tenantId })).toMatchObject({ version: 0, settings: DEFAULT_TENANT_SETTINGS });
  });
});
