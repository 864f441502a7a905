import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { tenantPk, userSk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { userRecordSchema, type UserRecord } from "./user";

/** A tenant's user by e-mail, read consistently (session re-checks and admin changes must see the latest), or null. */
export async function getUser(input: { tenantId: string; email: string }, deps: StoreDeps = {}): Promise<UserRecord | null> {
  const { Item } = await store(deps).db.send(
    new GetCommand({
      TableName: store(deps).tableName,
      Key: { PK: tenantPk(input.tenantId), SK: userSk(input.email) },
      ConsistentRead: true,
    }),
  );
  return Item ? userRecordSchema.parse(Item) : null;
}
