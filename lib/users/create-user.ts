import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { emailIndexPk, normaliseEmail, tenantPk, userSk } from "@/lib/db/keys";
import { ifConditionFails } from "@/lib/db/condition";
import { store } from "@/lib/db/store";
import type { StoreDeps } from "@/lib/db/store";
import { hashPassword } from "./password";
import { newUserSchema, type NewUser, type UserRecord } from "./user";

/**
 * Creates a user once. The put is conditional on the item not existing, so the demo seed can call
 * this on every start: an existing user (and a password an admin may have changed) is left alone.
 */
export async function createUser(input: NewUser, deps: StoreDeps = {}): Promise<{ created: boolean }> {
  const { password, ...fields } = newUserSchema.parse(input);
  const { db, tableName, now } = store(deps);
  const email = normaliseEmail(fields.email);
  const record: UserRecord = {
    ...fields,
    email,
    passwordHash: await hashPassword(password),
    enabled: true,
    revokedSessions: {},
    createdAt: now().toISOString(),
  };
  const put = new PutCommand({
    TableName: tableName,
    Item: { PK: tenantPk(record.tenantId), SK: userSk(email), GSI1PK: emailIndexPk(email), GSI1SK: "USER", ...record },
    ConditionExpression: "attribute_not_exists(PK)",
  });
  return ifConditionFails(
    () => db.send(put).then(() => ({ created: true })),
    () => ({ created: false }),
  );
}
