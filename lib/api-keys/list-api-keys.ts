import { QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { apiKeySk, tenantPk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import type { ApiKeyRecord } from "./api-key";
import { toRecord } from "./revoke-api-key";

/** A tenant's keys (never the hashes), newest first. */
export async function listApiKeys(tenantId: string, deps: { db?: Pick<DynamoDBDocumentClient, "send"> } = {}): Promise<ApiKeyRecord[]> {
  const { Items } = await (deps.db ?? documentClient()).send(
    new QueryCommand({
      TableName: env().TABLE_NAME,
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
      ExpressionAttributeValues: { ":pk": tenantPk(tenantId), ":prefix": apiKeySk("") },
    }),
  );
  return (Items ?? []).map(toRecord).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
