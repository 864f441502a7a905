import { PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { apiKeyIndexPk, apiKeySk, tenantPk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import { generateApiKey, hashApiKey, type ApiKeyRecord } from "./api-key";

/** Creates a key for a tenant; the plaintext is returned once and never stored. */
export async function createApiKey(
  input: { tenantId: string; name: string; createdBy: string; now?: Date },
  deps: { db?: DynamoDBDocumentClient } = {},
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
  await (deps.db ?? documentClient()).send(
    new PutCommand({
      TableName: env().TABLE_NAME,
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
