import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { DocumentDb } from "./store";

/**
 * Every item a Query matches, page after page (DynamoDB answers at most 1 MB a call and says where
 * to go on with LastEvaluatedKey). For readers that need all of a key range; a list that shows one
 * page at a time keeps its own cursor instead.
 */
export async function* queryAll<T>(db: DocumentDb, input: Omit<QueryCommandInput, "ExclusiveStartKey">): AsyncGenerator<T> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    yield* (page.Items ?? []) as T[];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}
