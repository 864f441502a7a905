import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { tenantPk, userSk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import type { UserStoreDeps } from "./deps";
import { userRecordSchema, type UserRecord } from "./user";

/** A tenant's user by e-mail, read consistently (session re-checks and admin changes must see the latest), or null. */
export async function getUser(input: { tenantId: string; email: string }, deps: UserStoreDeps = {}): Promise<UserRecord | null> {
  const { Item } = await (deps.db ?? documentClient()).send(
    new GetCommand({
      TableName: deps.tableName ?? env().TABLE_NAME,
      Key: { PK: tenantPk(input.tenantId), SK: userSk(input.email) },
      ConsistentRead: true,
    }),
  );
  return Item ? userRecordSchema.parse(Item) : null;
}
