import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { apiKeyIndexPk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { hashApiKey, type ApiKeyRecord } from "./api-key";

/** The key record for a presented plaintext key, or null when unknown. Revoked keys are returned as such. */
export async function findApiKey(plaintext: string, deps: StoreDeps = {}): Promise<ApiKeyRecord | null> {
  const { db, tableName } = store(deps);
  const { Items } = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk",
      ExpressionAttributeValues: { ":pk": apiKeyIndexPk(hashApiKey(plaintext)) },
      Limit: 1,
    }),
  );
  const item = Items?.[0];
  if (!item) return null;
  const { keyId, tenantId, name, displayPrefix, createdAt, createdBy, revokedAt } = item as ApiKeyRecord;
  return { keyId, tenantId, name, displayPrefix, createdAt, createdBy, revokedAt };
}
