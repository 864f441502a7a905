import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { apiKeySk, tenantPk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import type { ApiKeyRecord } from "./api-key";
import { toRecord } from "./revoke-api-key";

/** A tenant's keys (never the hashes), newest first. */
export async function listApiKeys({ tenantId }: { tenantId: string }, deps: StoreDeps = {}): Promise<ApiKeyRecord[]> {
  const { db, tableName } = store(deps);
  const { Items } = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
      ExpressionAttributeValues: { ":pk": tenantPk(tenantId), ":prefix": apiKeySk("") },
    }),
  );
  return (Items ?? []).map(toRecord).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
