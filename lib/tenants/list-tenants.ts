import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { TENANTS_INDEX_PK } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { tenantSchema, type Tenant } from "./tenant";

/**
 * Every tenant, in id order (GSI1 partition TENANTS): for scheduled jobs that run per tenant, such
 * as the explanation re-drive. A Query on the index, never a Scan; pages until done.
 */
export async function listTenants(deps: StoreDeps = {}): Promise<Tenant[]> {
  const { db, tableName } = store(deps);
  const tenants: Tenant[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": TENANTS_INDEX_PK },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) tenants.push(tenantSchema.parse(item));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return tenants;
}
