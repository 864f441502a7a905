import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { emailIndexPk, normaliseEmail, tenantPk, userSk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import type { UserStoreDeps } from "./deps";
import { hashPassword } from "./password";
import { newUserSchema, type NewUser, type UserRecord } from "./user";

/**
 * Creates a user once. The put is conditional on the item not existing, so the demo seed can call
 * this on every start: an existing user (and a password an admin may have changed) is left alone.
 */
export async function createUser(input: NewUser, deps: UserStoreDeps = {}): Promise<{ created: boolean }> {
  const { password, ...fields } = newUserSchema.parse(input);
  const email = normaliseEmail(fields.email);
  const record: UserRecord = {
    ...fields,
    email,
    passwordHash: await hashPassword(password),
    enabled: true,
    sessionVersion: 0,
    createdAt: (deps.now?.() ?? new Date()).toISOString(),
  };
  const db = deps.db ?? documentClient();
  try {
    await db.send(
      new PutCommand({
        TableName: deps.tableName ?? env().TABLE_NAME,
        Item: { PK: tenantPk(record.tenantId), SK: userSk(email), GSI1PK: emailIndexPk(email), GSI1SK: "USER", ...record },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
    return { created: true };
  } catch (error) {
    if (error instanceof Error && error.name === "ConditionalCheckFailedException") return { created: false };
    throw error;
  }
}
