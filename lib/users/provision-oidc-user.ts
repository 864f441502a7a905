import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Role } from "@/lib/auth/roles";
import { emailIndexPk, normaliseEmail, tenantPk, userSk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { userRecordSchema, type UserRecord } from "./user";

/**
 * At an OIDC sign-in: the console's record of the user, created on first sign-in and refreshed
 * from the identity provider's claims (name, role) on every one, in one UpdateItem. Whether the user
 * is enabled and their signed-out sessions stay the console's own, so an admin can disable an SSO user
 * here and the session re-check (lib/auth/session-check.ts) has a record to read.
 */
export async function provisionOidcUser(
  input: { tenantId: string; email: string; name: string; role: Role },
  deps: StoreDeps = {},
): Promise<UserRecord> {
  const email = normaliseEmail(input.email);
  const { Attributes } = await store(deps).db.send(
    new UpdateCommand({
      TableName: store(deps).tableName,
      Key: { PK: tenantPk(input.tenantId), SK: userSk(email) },
      UpdateExpression:
        "SET tenantId = :tenant, email = :email, #name = :name, #role = :role, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk, " +
        "enabled = if_not_exists(enabled, :true), revokedSessions = if_not_exists(revokedSessions, :none), createdAt = if_not_exists(createdAt, :now)",
      ExpressionAttributeNames: { "#name": "name", "#role": "role" },
      ExpressionAttributeValues: {
        ":tenant": input.tenantId,
        ":email": email,
        ":name": input.name,
        ":role": input.role,
        ":gsi1pk": emailIndexPk(email),
        ":gsi1sk": "USER",
        ":true": true,
        ":none": {},
        ":now": (deps.now?.() ?? new Date()).toISOString(),
      },
      ReturnValues: "ALL_NEW",
    }),
  );
  return userRecordSchema.parse(Attributes);
}
