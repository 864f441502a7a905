import type { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { queryAll } from "./query-all";
import type { DocumentDb } from "./store";

/** A fake table that answers in pages of two, as DynamoDB does past its 1 MB page. */
function pagedDb(items: Array<{ id: number }>) {
  const starts: unknown[] = [];
  const db: DocumentDb = {
    send: ((command: QueryCommand) => {
      const start = (command.input.ExclusiveStartKey as { id: number } | undefined)?.id ?? -1;
      starts.push(command.input.ExclusiveStartKey);
      const rest = items.filter((i) => i.id > start);
      const page = rest.slice(0, 2);
      return Promise.resolve({ Items: page, LastEvaluatedKey: rest.length > 2 ? page.at(-1) : undefined });
    }) as DocumentDb["send"],
  };
  return { db, starts };
}

describe("queryAll", () => {
  it("follows LastEvaluatedKey until the last page, passing the query through", async () => {
    const { db, starts } = pagedDb([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }]);
    const seen: number[] = [];
    for await (const item of queryAll<{ id: number }>(db, { TableName: "t", KeyConditionExpression: "pk = :p" })) seen.push(item.id);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(starts).toEqual([undefined, { id: 2 }, { id: 4 }]);
  });

  it("yields nothing for an empty range, after one call", async () => {
    const { db, starts } = pagedDb([]);
    const seen: unknown[] = [];
    for await (const item of queryAll(db, { TableName: "t" })) seen.push(item);
    expect(seen).toEqual([]);
    expect(starts).toHaveLength(1);
  });
});
