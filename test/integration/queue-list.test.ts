import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { getQueuePage } from "@/lib/queue/get-queue-page";
import { listQueue } from "@/lib/queue/list-queue";
import { parseQueueFilters } from "@/lib/queue/queue-filters";
import type { QueueItem } from "@/lib/queue/queue-item";
import { queueItem, testTenant } from "./queue-helpers";

const tenant = testTenant("list");
const other = testTenant("other");
const items: QueueItem[] = [];
const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12)).toISOString();

const list = (params: Record<string, string> = {}, tenantId = tenant) => listQueue({ tenantId, ...parseQueueFilters(params) });

async function all(params: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await list({ ...params, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((i) => i.txnId));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  // 30 items over 30 days: scores and amounts vary, every third is REVIEW, every fifth model v3, one unscored.
  for (let i = 1; i <= 30; i++) {
    items.push(
      await queueItem(tenant, {
        txnId: `t${String(i).padStart(2, "0")}`,
        score: i === 7 ? null : ((i * 37) % 100) / 100,
        amount: i * 100,
        decision: i % 3 === 0 ? "REVIEW" : "SUSPICIOUS",
        model: { endpoint: "e", variant: "production", version: i % 5 === 0 ? "3" : "2" },
        createdAt: day(i),
      }),
    );
  }
  await queueItem(other, { txnId: "t01" });
});

describe("listQueue", () => {
  it("orders pending items by score (unscored last), oldest and newest first", async () => {
    const byScore = (await list({ limit: "200" })).items;
    const scores = byScore.map((i) => i.score);
    expect(scores.at(-1)).toBeNull();
    const numeric = scores.slice(0, -1) as number[];
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
    expect((await list({ sort: "oldest", limit: "3" })).items.map((i) => i.txnId)).toEqual(["t01", "t02", "t03"]);
    expect((await list({ sort: "newest", limit: "2" })).items.map((i) => i.txnId)).toEqual(["t30", "t29"]);
  });

  it("pages with an opaque cursor through every item exactly once", async () => {
    for (const sort of ["score", "oldest"]) {
      const ids = await all({ sort, limit: "7" });
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    }
  });

  it("filters by decision, amount, model version and dates, across pages", async () => {
    const expected = items
      .filter((i) => i.decision === "SUSPICIOUS" && i.transaction.amount >= 500 && i.transaction.amount <= 2500 && i.model?.version === "2")
      .map((i) => i.txnId)
      .sort();
    const ids = await all({ decision: "SUSPICIOUS", minAmount: "500", maxAmount: "2500", modelVersion: "2", limit: "4" });
    expect(ids.sort()).toEqual(expected);
    const dated = await all({ sort: "oldest", from: "2026-01-10", to: "2026-01-12", limit: "2" });
    expect(dated).toEqual(["t10", "t11", "t12"]);
    const datedByScore = await all({ from: "2026-01-10", to: "2026-01-12", limit: "2" });
    expect(datedByScore.sort()).toEqual(["t10", "t11", "t12"]);
  });

  it("finds one transaction by its exact id and nothing of another tenant", async () => {
    expect((await list({ q: "t05" })).items.map((i) => i.txnId)).toEqual(["t05"]);
    expect((await list({ q: "t01" }, other)).items).toHaveLength(1);
    expect((await list({ q: "t05" }, other)).items).toEqual([]);
  });

  it("refuses a cursor from another tenant or another sort order", async () => {
    const foreign = (await list({ limit: "1" }, other)).nextCursor;
    const mine = (await list({ limit: "1" })).nextCursor;
    expect(mine).not.toBeNull();
    const foreignCursor =
      foreign ??
      Buffer.from(
        JSON.stringify({ PK: `TENANT#${other}#TXN#t01`, SK: "QUEUE", GSI2PK: `TENANT#${other}#QUEUE#open`, GSI2SK: "x" }),
      ).toString("base64url");
    for (const [cursor, sort] of [
      [foreignCursor, "score"],
      [mine ?? "", "oldest"],
    ]) {
      const error = await list({ cursor: cursor ?? "", sort: sort ?? "score" }).catch((e: unknown) => e);
      expect(isAppError(error) && error.status).toBe(400);
    }
  });

  it("answers counts per status on the first page only", async () => {
    const first = await getQueuePage({ tenantId: tenant, ...parseQueueFilters({ limit: "5" }) });
    expect(first.counts).toEqual({ open: 30, escalated: 0, confirmed_fraud: 0, false_positive: 0 });
    const next = await getQueuePage({ tenantId: tenant, ...parseQueueFilters({ limit: "5", cursor: first.nextCursor ?? "" }) });
    expect(next.counts).toBeNull();
  });
});
