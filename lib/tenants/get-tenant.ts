import { GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { tenantPk, TENANT_SK } from "@/lib/db/keys";
import { env } from "@/lib/env";
import { tenantSchema, type Tenant } from "./tenant";

export async function getTenant(tenantId: string, deps: { db?: DynamoDBDocumentClient; tableName?: string } = {}): Promise<Tenant | null> {
  const db = deps.db ?? documentClient();
  const { Item } = await db.send(
    new GetCommand({ TableName: deps.tableName ?? env().TABLE_NAME, Key: { PK: tenantPk(tenantId), SK: TENANT_SK } }),
  );
  return Item ? tenantSchema.parse(Item) : null;
}
