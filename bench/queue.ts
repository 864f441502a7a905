/**
 * `npm run bench:queue [-- --items 100000] [-- --runs 200]`: the review queue's page speed with
 * 100,000 pending items of one tenant on a throwaway local stack (dynalite in this process), next
 * to a raw DynamoDB Query for the same page in the same run:
 *   - first page (score order, 50 rows) and a deep page (cursor 50,000 rows in),
 *   - a filtered page (decision + amount range, filled over several Query calls),
 *   - getQueuePage = what GET /api/queue calls (listQueue + counts on the first page).
 * Target: first page p95 ≤ 50 ms.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { BatchWriteCommand, QueryCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from "@aws-sdk/lib-dynamodb";
import { startLocalStack } from "@/infra/local/stack";

const { values } = parseArgs({ options: { items: { type: "string", default: "100000" }, runs: { type: "string", default: "200" } } });
const ITEMS = Number(values.items);
const RUNS = Number(values.runs);
const TENANT = "bench-bank";
const PAGE = 50;

const dataDir = await mkdtemp(path.join(tmpdir(), "bench-queue-"));
const stack = await startLocalStack({ dataDir, transitionMs: 100 });
// lib/aws reads the stack's URLs from the environment startLocalStack just set.
const { bootstrapResources } = await import("@/infra/local/bootstrap");
const { documentClient } = await import("@/lib/aws/clients");
const { env } = await import("@/lib/env");
const { FEATURE_NAMES } = await import("@/lib/features/schema");
const { QUEUE_ITEM_SK, queueItemPk, queueStatusIndexPk } = await import("@/lib/db/keys");
const { statusIndexKeys } = await import("@/lib/queue/stored-item");
const { adjustQueueCounts } = await import("@/lib/queue/queue-counts");
const { getQueuePage } = await import("@/lib/queue/get-queue-page");
const { parseQueueFilters } = await import("@/lib/queue/queue-filters");
const { encodeCursor } = await import("@/lib/queue/queue-cursor");

try {
  await bootstrapResources();
  const db = documentClient();
  const TableName = env().TABLE_NAME;

  console.log(`seeding ${ITEMS.toLocaleString("en-US")} pending items for ${TENANT} …`);
  const seedStart = performance.now();
  const keys: Array<Record<string, string>> = [];
  let next = 0;
  const writer = async () => {
    while (next < ITEMS) {
      const start = next;
      next += 25;
      const batch = Array.from({ length: Math.min(25, ITEMS - start) }, (_, j) => benchItem(start + j));
      for (const item of batch) keys.push({ PK: item.PK, SK: item.SK, GSI2PK: item.GSI2PK, GSI2SK: item.GSI2SK });
      let request: BatchWriteCommandInput["RequestItems"] = { [TableName]: batch.map((Item) => ({ PutRequest: { Item } })) };
      while (request && Object.keys(request).length > 0) {
        const answer: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: request }));
        request = answer.UnprocessedItems;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  await adjustQueueCounts({ tenantId: TENANT, delta: { open: ITEMS } });
  console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);

  // The key 50,000 rows into score order (descending), as a cursor and as an ExclusiveStartKey.
  keys.sort((a, b) => (b.GSI2SK ?? "").localeCompare(a.GSI2SK ?? ""));
  const deepKey = keys[Math.min(keys.length - 1, 50_000)] ?? {};
  const deepCursor = encodeCursor(deepKey);
  const filters = parseQueueFilters({ limit: String(PAGE) });
  const filtered = parseQueueFilters({ limit: String(PAGE), decision: "REVIEW", minAmount: "1000", maxAmount: "2000" });
  const raw = (extra: Record<string, unknown> = {}) =>
    db.send(
      new QueryCommand({
        TableName,
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": queueStatusIndexPk(TENANT, "open") },
        ScanIndexForward: false,
        Limit: PAGE,
        ...extra,
      }),
    );

  const cases: Array<[string, () => Promise<unknown>]> = [
    ["raw Query, first page", () => raw()],
    ["GET /api/queue lib, first page", () => getQueuePage({ tenantId: TENANT, ...filters })],
    ["raw Query, deep page (50k in)", () => raw({ ExclusiveStartKey: deepKey })],
    ["GET /api/queue lib, deep page", () => getQueuePage({ tenantId: TENANT, ...filters, cursor: deepCursor })],
    ["GET /api/queue lib, filtered page", () => getQueuePage({ tenantId: TENANT, ...filtered })],
  ];
  console.log(`${"case".padEnd(36)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"rows".padStart(6)}`);
  const results: Record<string, { p95: number }> = {};
  for (const [name, run] of cases) {
    for (let i = 0; i < 20; i++) await run(); // warm-up
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const answer = (await run()) as { Items?: unknown[]; items?: unknown[] };
      times.push(performance.now() - t);
      rows = (answer.Items ?? answer.items ?? []).length;
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
    results[name] = { p95: p(0.95) };
    console.log(`${name.padEnd(36)} ${p(0.5).toFixed(2).padStart(8)} ${p(0.95).toFixed(2).padStart(8)} ${String(rows).padStart(6)}`);
  }
  const firstP95 = results["GET /api/queue lib, first page"]?.p95 ?? NaN;
  console.log(`\ntarget first page p95 ≤ 50 ms: ${firstP95 <= 50 ? "met" : "MISSED"} (${firstP95.toFixed(2)} ms)`);
} finally {
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}

/** A stored queue item the size of a real one (features, attributions, transaction). */
function benchItem(i: number) {
  const txnId = `bench-${i}`;
  const score = ((i * 7919) % 100_000) / 100_000;
  const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  const amount = 10 + ((i * 31) % 5000);
  const item = {
    tenantId: TENANT,
    txnId,
    status: "open",
    decision: i % 3 === 0 ? "REVIEW" : "SUSPICIOUS",
    score,
    reasons: [{ feature: "amount", label: "Amount", value: amount, description: `an amount of ${amount}`, attribution: 1.2 }],
    attributions: FEATURE_NAMES.map((feature, j) => ({ feature, attribution: ((i + j) % 7) / 10 - 0.3 })),
    baseValue: -4.1,
    ruleHits: [],
    features: Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, (i + j) % 13])),
    transaction: { txn_id: txnId, amount, currency: "USD", device: "mobile", customer_id: `c-${i % 5000}`, card_id: `k-${i % 5000}` },
    model: { endpoint: "fraud-bench", variant: "production", version: String(1 + (i % 3)) },
    degraded: false,
    createdAt,
    version: 1,
    claim: null,
    verdict: null,
  };
  return { PK: queueItemPk(TENANT, txnId), SK: QUEUE_ITEM_SK, ...statusIndexKeys(item, "open"), ...item };
}
