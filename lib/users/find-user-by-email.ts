import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { emailIndexPk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { StoreDeps } from "@/lib/db/store";
import { userRecordSchema, type UserRecord } from "./user";

/**
 * Finds a user by e-mail through GSI1 (EMAIL#<email> → the user item, whatever its tenant).
 * Returns null when none or, defensively, when the same e-mail exists in two tenants: sign-in
 * must never guess which tenant a person belongs to.
 */
export async function findUserByEmail(email: string, deps: StoreDeps = {}): Promise<UserRecord | null> {
  const { db, tableName } = store(deps);
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk AND GSI1SK = :sk",
      ExpressionAttributeValues: { ":pk": emailIndexPk(email), ":sk": "USER" },
      Limit: 2,
    }),
  );
  if (Items.length !== 1) {
    if (Items.length > 1) console.error("findUserByEmail: e-mail registered in more than one tenant; refusing");
    return null;
  }
  return userRecordSchema.parse(Items[0]);
}
