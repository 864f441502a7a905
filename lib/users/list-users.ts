import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { tenantPk, userSk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { toUserSummary, userRecordSchema, type UserSummary } from "./user";

/** A tenant's users (never their password hashes), by e-mail. A tenant has tens of users, not thousands: one page. */
export async function listUsers(input: { tenantId: string }, deps: StoreDeps = {}): Promise<UserSummary[]> {
  const users: UserSummary[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await store(deps).db.send(
      new QueryCommand({
        TableName: store(deps).tableName,
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues: { ":pk": tenantPk(input.tenantId), ":prefix": userSk("") },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) users.push(toUserSummary(userRecordSchema.parse(item)));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return users.sort((a, b) => a.email.localeCompare(b.email));
}
