import { inject, describe, expect, it } from "vitest";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { listAudit } from "@/lib/audit/list-audit";
import { recordVerdict } from "@/lib/feedback/record-verdict";
import { recordVerdicts } from "@/lib/feedback/record-verdicts";
import { claimItem, CLAIM_TTL_MS } from "@/lib/queue/claim-item";
import { getQueueItem } from "@/lib/queue/get-queue-item";
import { getTransactionDetail } from "@/lib/queue/get-transaction-detail";
import { listQueue } from "@/lib/queue/list-queue";
import { getQueueCounts } from "@/lib/queue/queue-counts";
import { parseQueueFilters } from "@/lib/queue/queue-filters";
import { analyst, queueItem, testTenant } from "./queue-helpers";

const tenant = testTenant("feedback");
const A = analyst(tenant, "a");
const B = analyst(tenant, "b");

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("claims", () => {
  it("lets one analyst hold an item; a colleague sees who and can take it over on purpose", async () => {
    const { txnId } = await queueItem(tenant);
    const held = await claimItem({ tenantId: tenant, txnId, actor: A });
    expect(held.claim).toMatchObject({ by: A.id, name: A.name });
    expect(await claimItem({ tenantId: tenant, txnId, actor: A })).toMatchObject({ claim: { by: A.id } });

    const refused = await failure(claimItem({ tenantId: tenant, txnId, actor: B }));
    expect(refused).toMatchObject({
      code: "conflict",
      message: `${A.name} is working on this transaction`,
      details: { reason: "claimed", claim: { by: A.id } },
    });

    expect(await claimItem({ tenantId: tenant, txnId, actor: B, takeOver: true })).toMatchObject({ claim: { by: B.id } });
    const audit = await listAudit({ tenantId: tenant, action: "queue.claim_takeover", limit: 10 });
    expect(audit.entries[0]).toMatchObject({ actor: B.id, target: `txn:${txnId}`, before: { by: A.id }, after: { by: B.id } });
  });

  it("expires by itself: after the TTL a colleague claims without taking over", async () => {
    const { txnId } = await queueItem(tenant);
    await claimItem({ tenantId: tenant, txnId, actor: A });
    const later = () => new Date(Date.now() + CLAIM_TTL_MS + 1000);
    expect(await claimItem({ tenantId: tenant, txnId, actor: B }, { now: later })).toMatchObject({ claim: { by: B.id } });
  });

  it("is 404 for another tenant's item and 409 for a decided one", async () => {
    const { txnId } = await queueItem(tenant);
    expect(await failure(claimItem({ tenantId: testTenant("x"), txnId, actor: A }))).toMatchObject({ code: "not_found" });
    await recordVerdict({ tenantId: tenant, txnId, actor: A, verdict: "legit", version: 1 });
    expect(await failure(claimItem({ tenantId: tenant, txnId, actor: B }))).toMatchObject({
      code: "conflict",
      details: { reason: "decided" },
    });
  });
});

describe("verdicts", () => {
  it("moves the item out of the pending list, bumps the version, counts and audits it", async () => {
    const t = testTenant("verdict");
    const { txnId } = await queueItem(t);
    await claimItem({ tenantId: t, txnId, actor: A });
    const result = await recordVerdict({ tenantId: t, txnId, actor: A, verdict: "fraud", note: " card stolen ", version: 1 });
    expect(result).toMatchObject({
      outcome: "applied",
      item: { status: "confirmed_fraud", version: 2, claim: null, verdict: { verdict: "fraud", note: "card stolen", by: A.id } },
    });
    expect(await getQueueItem({ tenantId: t, txnId })).toMatchObject({ status: "confirmed_fraud", version: 2 });
    expect((await listQueue({ tenantId: t, ...parseQueueFilters({}) })).items).toEqual([]);
    expect((await listQueue({ tenantId: t, ...parseQueueFilters({ status: "confirmed_fraud" }) })).items.map((i) => i.txnId)).toEqual([
      txnId,
    ]);
    expect(await getQueueCounts({ tenantId: t })).toEqual({ open: 0, escalated: 0, confirmed_fraud: 1, false_positive: 0 });
    const audit = await listAudit({ tenantId: t, action: "queue.verdict", limit: 10 });
    expect(audit.entries).toEqual([
      expect.objectContaining({
        actor: A.id,
        action: "queue.verdict.fraud",
        target: `txn:${txnId}`,
        reason: "card stolen",
        before: expect.objectContaining({ status: "open", version: 1 }) as unknown,
      }),
    ]);
  });

  it("answers a stale version with 409 naming who decided first; a retry of one's own verdict is unchanged", async () => {
    const { txnId } = await queueItem(tenant);
    await recordVerdict({ tenantId: tenant, txnId, actor: B, verdict: "legit", version: 1 });
    const stale = await failure(recordVerdict({ tenantId: tenant, txnId, actor: A, verdict: "fraud", version: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.message).toBe(`${B.name} (${B.id}) decided first: False positive. Reload to see the current state.`);
    expect(stale.details).toMatchObject({ reason: "stale", status: "false_positive", version: 2, verdict: { by: B.id } });
    expect(await recordVerdict({ tenantId: tenant, txnId, actor: B, verdict: "legit", version: 1 })).toMatchObject({
      outcome: "unchanged",
    });
  });

  it("refuses a verdict on an item a colleague holds, until the claim is taken over or expires", async () => {
    const { txnId } = await queueItem(tenant);
    await claimItem({ tenantId: tenant, txnId, actor: A });
    expect(await failure(recordVerdict({ tenantId: tenant, txnId, actor: B, verdict: "fraud", version: 1 }))).toMatchObject({
      code: "conflict",
      details: { reason: "claimed", claim: { by: A.id } },
    });
    const later = () => new Date(Date.now() + CLAIM_TTL_MS + 1000);
    expect(await recordVerdict({ tenantId: tenant, txnId, actor: B, verdict: "fraud", version: 1 }, { now: later })).toMatchObject({
      outcome: "applied",
    });
  });

  it("lets an escalated item be decided later by a senior", async () => {
    const { txnId } = await queueItem(tenant);
    await recordVerdict({ tenantId: tenant, txnId, actor: A, verdict: "escalate", version: 1 });
    expect(await recordVerdict({ tenantId: tenant, txnId, actor: B, verdict: "fraud", version: 2 })).toMatchObject({
      item: { status: "confirmed_fraud", version: 3 },
    });
  });

  it("is 404 for another tenant's txn_id", async () => {
    const { txnId } = await queueItem(tenant);
    expect(await failure(recordVerdict({ tenantId: testTenant("y"), txnId, actor: A, verdict: "fraud", version: 1 }))).toMatchObject({
      code: "not_found",
    });
    expect(await failure(getTransactionDetail({ tenantId: testTenant("y"), txnId }))).toMatchObject({ code: "not_found" });
  });
});

describe("bulk verdicts", () => {
  it("applies each item on its own and is idempotent when sent again", async () => {
    const t = testTenant("bulk");
    const [one, two, held] = [await queueItem(t), await queueItem(t), await queueItem(t)];
    await claimItem({ tenantId: t, txnId: held.txnId, actor: B });
    const request = {
      tenantId: t,
      actor: A,
      verdict: "legit" as const,
      items: [one, two, held, { txnId: "missing", version: 1 }].map((i) => ({ txnId: i.txnId, version: 1 })),
    };
    const first = await recordVerdicts(request);
    expect(first.map((r) => r.outcome)).toEqual(["applied", "applied", "conflict", "not_found"]);
    expect(first[0]?.item).toMatchObject({ status: "false_positive", version: 2 });
    const again = await recordVerdicts(request);
    expect(again.map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "conflict", "not_found"]);
    expect(await getQueueCounts({ tenantId: t })).toMatchObject({ open: 1, false_positive: 2 });
    expect((await listAudit({ tenantId: t, action: "queue.verdict", limit: 10 })).entries).toHaveLength(2);
  });
});

describe("transaction detail", () => {
  it("explains the item and lists the same customer's other queued transactions", async () => {
    const t = testTenant("detail");
    const older = await queueItem(t, { customerId: "c1", createdAt: new Date(Date.now() - 60_000).toISOString() });
    await queueItem(t, { customerId: "c2" });
    const item = await queueItem(t, { customerId: "c1", amount: 5000 });
    const detail = await getTransactionDetail({ tenantId: t, txnId: item.txnId });
    expect(detail.summary).toBe("Flagged mainly because the amount is 5,000.00.");
    expect(detail.waterfall?.steps.map((s) => s.feature)).toEqual(["amount", "geo"]);
    expect(detail.related.map((r) => [r.txnId, r.sharedBy])).toEqual([[older.txnId, ["customer", "card"]]]);
  });
});

describe("demo history seed", () => {
  it("left scored, explained items in the past and verdicts for the acme-bank queue", async () => {
    expect(inject("demo").apiKeys["acme-bank"]).toBeTruthy();
    const page = await listQueue({ tenantId: "acme-bank", ...parseQueueFilters({ sort: "oldest", limit: "5" }) });
    expect(page.items.length).toBe(5);
    expect(Date.parse(page.items[0]?.createdAt ?? "")).toBeLessThan(Date.now() - 86_400_000);
    const verified = await listQueue({ tenantId: "acme-bank", ...parseQueueFilters({ status: "confirmed_fraud", limit: "1" }) });
    expect(verified.items[0]?.verdict).toMatchObject({ verdict: "fraud", by: "analyst@acme-bank.test" });
    const top = (await listQueue({ tenantId: "acme-bank", ...parseQueueFilters({ limit: "1" }) })).items[0];
    const detail = await getTransactionDetail({ tenantId: "acme-bank", txnId: top?.txnId ?? "" });
    expect(detail.item.model?.version).toMatch(/^\d+$/);
    expect(detail.waterfall?.steps.length).toBeGreaterThan(3);
    expect(detail.summary).toMatch(/^Flagged mainly because /);
  });
});
