import { TENANTS_INDEX_PK } from "@/lib/db/keys";
import { queryAll } from "@/lib/db/query-all";
import { store, type StoreDeps } from "@/lib/db/store";
import { tenantSchema, type Tenant } from "./tenant";

/**
 * Every tenant, in id order (GSI1 partition TENANTS): for scheduled jobs that run per tenant, such
 * as the explanation re-drive. A Query on the index, never a Scan; pages until done.
 */
export async function listTenants(deps: StoreDeps = {}): Promise<Tenant[]> {
  const { db, tableName } = store(deps);
  const tenants: Tenant[] = [];
  const items = queryAll(db, {
    TableName: tableName,
    IndexName: "GSI1",
    KeyConditionExpression: "GSI1PK = :pk",
    ExpressionAttributeValues: { ":pk": TENANTS_INDEX_PK },
  });
  for await (const item of items) tenants.push(tenantSchema.parse(item));
  return tenants;
}
