import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { MemoryLevel } from "memory-level";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startDynamoDb } from "./dynamodb";
import type { RunningService } from "./service";

// Every LevelDB write dynalite makes, seen from below: a crash can land between two of them, never
// inside one (LevelDB applies a batch as one log record).
const batch = vi.spyOn(MemoryLevel.prototype, "batch");
const put = vi.spyOn(MemoryLevel.prototype, "put");
const del = vi.spyOn(MemoryLevel.prototype, "del");

let service: RunningService;
let db: DynamoDBDocumentClient;
const TableName = "atomic-test";

beforeAll(async () => {
  service = await startDynamoDb({ port: 0 });
  const client = new DynamoDBClient({
    endpoint: service.url,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
  await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: ["PK", "GSI1PK", "GSI1SK"].map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
      KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }],
      GlobalSecondaryIndexes: [
        {
          IndexName: "GSI1",
          KeySchema: [
            { AttributeName: "GSI1PK", KeyType: "HASH" },
            { AttributeName: "GSI1SK", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
      ],
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName });
  db = DynamoDBDocumentClient.from(client);
}, 60_000);

afterAll(() => service.close());

/** The keys each LevelDB write call touched while `action` ran. */
async function writesOf(action: () => Promise<unknown>): Promise<string[][]> {
  for (const spy of [batch, put, del]) spy.mockClear();
  await action();
  const keyOf = (k: unknown) => String(k);
  return [
    // batch() has an overload without arguments (a chained batch); dynalite always passes operations.
    ...batch.mock.calls.map((args) => ((args as unknown[])[0] as Array<{ key: unknown }>).map((op) => keyOf(op.key))),
    ...put.mock.calls.map(([key]) => [keyOf(key)]),
    ...del.mock.calls.map(([key]) => [keyOf(key)]),
  ].filter((keys) => keys.some((k) => k.startsWith(`item-${TableName}~`) || k.startsWith(`index-global~${TableName}~`)));
}

const indexed = (pk: string) =>
  db
    .send(
      new QueryCommand({ TableName, IndexName: "GSI1", KeyConditionExpression: "GSI1PK = :pk", ExpressionAttributeValues: { ":pk": pk } }),
    )
    .then((r) => (r.Items ?? []).map((i) => `${String(i.PK)}@${String(i.GSI1SK)}`));

describe("dynalite's item and index writes", () => {
  it("store a conditional put, its index move on update and its delete each in one atomic write", async () => {
    const created = await writesOf(() =>
      db.send(
        new PutCommand({
          TableName,
          Item: { PK: "txn-1", GSI1PK: "open", GSI1SK: "2026-01-01" },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      ),
    );
    expect(created).toHaveLength(1);
    expect(created[0]?.map((k) => k.split("~")[0])).toEqual(["index-global", "item-atomic-test"]);
    expect(await indexed("open")).toEqual(["txn-1@2026-01-01"]);

    const moved = await writesOf(() =>
      db.send(
        new UpdateCommand({
          TableName,
          Key: { PK: "txn-1" },
          UpdateExpression: "SET GSI1PK = :s",
          ExpressionAttributeValues: { ":s": "decided" },
        }),
      ),
    );
    // The old index entry goes, the new one comes and the item changes: one write.
    expect(moved).toHaveLength(1);
    expect(moved[0]).toHaveLength(3);
    expect([await indexed("open"), await indexed("decided")]).toEqual([[], ["txn-1@2026-01-01"]]);

    const deleted = await writesOf(() => db.send(new DeleteCommand({ TableName, Key: { PK: "txn-1" } })));
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toHaveLength(2);
    expect(await indexed("decided")).toEqual([]);
  });

  it("write nothing for a put whose condition fails", async () => {
    await db.send(new PutCommand({ TableName, Item: { PK: "txn-2", GSI1PK: "held", GSI1SK: "a" } }));
    const refused = await writesOf(() =>
      db
        .send(
          new PutCommand({
            TableName,
            Item: { PK: "txn-2", GSI1PK: "held", GSI1SK: "b" },
            ConditionExpression: "attribute_not_exists(PK)",
          }),
        )
        .catch((e: unknown) => e),
    );
    expect(refused).toEqual([]);
    expect(await indexed("held")).toEqual(["txn-2@a"]);
  });
});
