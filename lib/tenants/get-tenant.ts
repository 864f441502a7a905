import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { tenantPk, TENANT_SK } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { tenantSchema, type Tenant } from "./tenant";

export async function getTenant({ tenantId }: { tenantId: string }, deps: StoreDeps = {}): Promise<Tenant | null> {
  const { db, tableName } = store(deps);
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: { PK: tenantPk(tenantId), SK: TENANT_SK } }));
  return Item ? tenantSchema.parse(Item) : null;
}
