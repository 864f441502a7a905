import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { apiKeySk, tenantPk } from "@/lib/db/keys";
import { ifConditionFails } from "@/lib/db/condition";
import { store, type StoreDeps } from "@/lib/db/store";
import type { ApiKeyRecord } from "./api-key";
import { forgetCachedApiKey } from "./api-key-cache";

/**
 * Marks a tenant's key revoked (the record stays for the audit trail). Other console instances stop
 * accepting it within API_KEY_CACHE_TTL_MS, this one at once. Unknown (or another tenant's) key →
 * not_found; revoking twice → conflict. Returns the record before and after for the audit entry.
 */
export async function revokeApiKey(
  input: { tenantId: string; keyId: string; revokedBy: string; now?: Date },
  deps: StoreDeps = {},
): Promise<{ before: ApiKeyRecord; after: ApiKeyRecord }> {
  const { db, tableName } = store(deps);
  const Key = { PK: tenantPk(input.tenantId), SK: apiKeySk(input.keyId) };
  const revokedAt = (input.now ?? new Date()).toISOString();
  const revoke = new UpdateCommand({
    TableName: tableName,
    Key,
    UpdateExpression: "SET revokedAt = :at, revokedBy = :by",
    ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(revokedAt)",
    ExpressionAttributeValues: { ":at": revokedAt, ":by": input.revokedBy },
    ReturnValues: "ALL_OLD",
  });
  const { Attributes } = await ifConditionFails(
    () => db.send(revoke),
    async () => {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
      if (!Item) throw new AppError("not_found", "No such API key");
      throw new AppError("conflict", "This key was already revoked", { details: { revokedAt: Item.revokedAt as string } });
    },
  );
  forgetCachedApiKey(input.keyId);
  const before = toRecord(Attributes ?? {});
  return { before, after: { ...before, revokedAt, revokedBy: input.revokedBy } };
}

export function toRecord(item: Record<string, unknown>): ApiKeyRecord {
  const { keyId, tenantId, name, displayPrefix, createdAt, createdBy, revokedAt, revokedBy } = item as unknown as ApiKeyRecord;
  return { keyId, tenantId, name, displayPrefix, createdAt, createdBy, revokedAt, revokedBy };
}
