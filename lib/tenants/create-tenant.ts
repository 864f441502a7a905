import { PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { tenantPk, TENANT_SK, TENANTS_INDEX_PK } from "@/lib/db/keys";
import { env } from "@/lib/env";
import { tenantSchema, type Tenant } from "./tenant";

/** Creates a tenant once; returns false when it already exists (seeding is idempotent). */
export async function createTenant(tenant: Tenant, deps: { db?: DynamoDBDocumentClient; tableName?: string } = {}): Promise<boolean> {
  const item = tenantSchema.parse(tenant);
  const db = deps.db ?? documentClient();
  try {
    await db.send(
      new PutCommand({
        TableName: deps.tableName ?? env().TABLE_NAME,
        Item: { PK: tenantPk(item.tenantId), SK: TENANT_SK, GSI1PK: TENANTS_INDEX_PK, GSI1SK: item.tenantId, ...item },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === "ConditionalCheckFailedException") return false;
    throw error;
  }
}
