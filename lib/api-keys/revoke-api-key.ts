import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { documentClient } from "@/lib/aws/clients";
import { apiKeySk, tenantPk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import type { ApiKeyRecord } from "./api-key";
import { forgetCachedApiKey } from "./api-key-cache";

/**
 * Marks a tenant's key revoked (the record stays for the audit trail). Other console instances stop
 * accepting it within API_KEY_CACHE_TTL_MS, this one at once. Unknown (or another tenant's) key →
 * not_found; revoking twice → conflict. Returns the record before and after for the audit entry.
 */
export async function revokeApiKey(
  input: { tenantId: string; keyId: string; revokedBy: string; now?: Date },
  deps: { db?: Pick<DynamoDBDocumentClient, "send"> } = {},
): Promise<{ before: ApiKeyRecord; after: ApiKeyRecord }> {
  const db = deps.db ?? documentClient();
  const Key = { PK: tenantPk(input.tenantId), SK: apiKeySk(input.keyId) };
  const revokedAt = (input.now ?? new Date()).toISOString();
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName: env().TABLE_NAME,
        Key,
        UpdateExpression: "SET revokedAt = :at, revokedBy = :by",
        ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(revokedAt)",
        ExpressionAttributeValues: { ":at": revokedAt, ":by": input.revokedBy },
        ReturnValues: "ALL_OLD",
      }),
    );
    forgetCachedApiKey(input.keyId);
    const before = toRecord(Attributes ?? {});
    return { before, after: { ...before, revokedAt, revokedBy: input.revokedBy } };
  } catch (error) {
    if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
    const { Item } = await db.send(new GetCommand({ TableName: env().TABLE_NAME, Key, ConsistentRead: true }));
    if (!Item) throw new AppError("not_found", "No such API key");
    throw new AppError("conflict", "This key was already revoked", { details: { revokedAt: Item.revokedAt as string } });
  }
}

export function toRecord(item: Record<string, unknown>): ApiKeyRecord {
  const { keyId, tenantId, name, displayPrefix, createdAt, createdBy, revokedAt, revokedBy } = item as unknown as ApiKeyRecord;
  return { keyId, tenantId, name, displayPrefix, createdAt, createdBy, revokedAt, revokedBy };
}
