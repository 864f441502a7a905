import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { tenantPk, TENANT_SK, TENANTS_INDEX_PK } from "@/lib/db/keys";
import { ifConditionFails } from "@/lib/db/condition";
import { store, type StoreDeps } from "@/lib/db/store";
import { tenantSchema, type Tenant } from "./tenant";

/** Creates a tenant once; returns false when it already exists (seeding is idempotent). */
export async function createTenant(tenant: Tenant, deps: StoreDeps = {}): Promise<boolean> {
  const item = tenantSchema.parse(tenant);
  const { db, tableName } = store(deps);
  const put = new PutCommand({
    TableName: tableName,
    Item: { PK: tenantPk(item.tenantId), SK: TENANT_SK, GSI1PK: TENANTS_INDEX_PK, GSI1SK: item.tenantId, ...item },
    ConditionExpression: "attribute_not_exists(PK)",
  });
  return ifConditionFails(
    () => db.send(put).then(() => true),
    () => false,
  );
}
