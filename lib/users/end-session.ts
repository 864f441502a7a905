import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { recordAudit } from "@/lib/audit/record-audit";
import { sessionChecker } from "@/lib/auth/session-check";
import { isConditionFailed } from "@/lib/db/condition";
import { normaliseEmail, tenantPk, userSk } from "@/lib/db/keys";
import { store, type StoreDeps } from "@/lib/db/store";
import { withRetries } from "@/lib/queue/with-retries";
import { getUser } from "./get-user";

/**
 * Sign-out on the server: the session's id goes on the user's denylist (`revokedSessions`, on the
 * user item the session re-check reads anyway), so this session's cookie — and any copy of it —
 * stops working: at once on this instance, within SESSION_RECHECK_MS on others. The user's other
 * sessions (another browser) stay. An entry is kept as long as a token of that session could still
 * be valid (`keepForMs`, the session's max age) and expired ones are removed in the same write, so
 * nothing accumulates (dynalite has no TTL). next-auth acknowledges a sign-out whatever this does,
 * so revoking comes first and the audit entry is appended after (best effort, lib/audit/README.md).
 */
export async function endSession(
  input: { tenantId: string; email: string; sessionId: string; keepForMs: number },
  deps: StoreDeps = {},
): Promise<void> {
  const { db, tableName, now } = store(deps);
  const email = normaliseEmail(input.email);
  const at = now().getTime();
  const user = await getUser({ tenantId: input.tenantId, email }, deps);
  if (!user) return; // no user, no session left to end
  const expired = Object.entries(user.revokedSessions)
    .filter(([id, until]) => until <= at && id !== input.sessionId)
    .map(([id]) => id);
  const names: Record<string, string> = { "#revoked": "revokedSessions", "#sid": input.sessionId };
  expired.forEach((id, i) => (names[`#old${i}`] = id));
  const remove = expired.length ? ` REMOVE ${expired.map((_, i) => `#revoked.#old${i}`).join(", ")}` : "";
  const Key = { PK: tenantPk(input.tenantId), SK: userSk(email) };
  const until = at + input.keepForMs;
  await withRetries(async () => {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: `SET #revoked.#sid = :until${remove}`,
          ConditionExpression: "attribute_exists(#revoked)",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ":until": until },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      // A user item from before the denylist existed: start it with this session.
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: "SET #revoked = :map",
          ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(#revoked)",
          ExpressionAttributeNames: { "#revoked": "revokedSessions" },
          ExpressionAttributeValues: { ":map": { [input.sessionId]: until } },
        }),
      );
    }
  });
  sessionChecker().forget(input.tenantId, email);
  await recordAudit(
    { tenantId: input.tenantId, actor: email, action: "auth.sign_out", target: `user:${email}`, before: null, after: null },
    deps,
  ).catch((error: unknown) => console.error(`sign-out of ${email} not audited: ${(error as Error).message}`));
}
