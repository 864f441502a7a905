import { QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { apiKeyIndexPk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import { hashApiKey, type ApiKeyRecord } from "./api-key";

/** The key record for a presented plaintext key, or null when unknown. Revoked keys are returned as such. */
export async function findApiKey(plaintext: string, deps: { db?: DynamoDBDocumentClient } = {}): Promise<ApiKeyRecord | null> {
  const { Items } = await (deps.db ?? documentClient()).send(
    new QueryCommand({
      TableName: env().TABLE_NAME,
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
