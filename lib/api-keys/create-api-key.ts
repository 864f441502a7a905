import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { apiKeyIndexPk, apiKeySk, tenantPk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { generateApiKey, hashApiKey, type ApiKeyRecord } from "./api-key";

/** Creates a key for a tenant; the plaintext is returned once and never stored. */
export async function createApiKey(
  input: { tenantId: string; name: string; createdBy: string; now?: Date },
  deps: StoreDeps = {},
): Promise<{ record: ApiKeyRecord; plaintext: string }> {
  const { keyId, plaintext } = generateApiKey();
  const record: ApiKeyRecord = {
    keyId,
    tenantId: input.tenantId,
    name: input.name,
    displayPrefix: plaintext.slice(0, 12),
    createdAt: (input.now ?? new Date()).toISOString(),
    createdBy: input.createdBy,
  };
  const { db, tableName } = store(deps);
  await db.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        PK: tenantPk(input.tenantId),
        SK: apiKeySk(keyId),
        GSI1PK: apiKeyIndexPk(hashApiKey(plaintext)),
        GSI1SK: "APIKEY",
        ...record,
      },
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
  return { record, plaintext };
}
