import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { recordAudit } from "@/lib/audit/record-audit";
import { sessionChecker } from "@/lib/auth/session-check";
import { normaliseEmail, tenantPk, userSk } from "@/lib/db/keys";
import { withRetries } from "@/lib/queue/with-retries";
import { isConditionFailed } from "@/lib/db/condition";
import { store, type StoreDeps } from "@/lib/db/store";

/**
 * Sign-out on the server: bumps the user's sessionVersion, so every token issued before (this
 * browser's, and a copy of its cookie anywhere) stops working — at once on this instance, within
 * SESSION_RECHECK_MS on others. One version per user rather than a denylist of token ids: nothing
 * accumulates (dynalite has no TTL), at the price that signing out ends the user's other sessions
 * too. next-auth acknowledges a sign-out whatever this does, so ending the sessions comes first and
 * the audit entry is appended after (best effort, see lib/audit/README.md).
 */
export async function endUserSessions(input: { tenantId: string; email: string }, deps: StoreDeps = {}): Promise<void> {
  const email = normaliseEmail(input.email);
  try {
    await withRetries(() =>
      store(deps).db.send(
        new UpdateCommand({
          TableName: store(deps).tableName,
          Key: { PK: tenantPk(input.tenantId), SK: userSk(email) },
          UpdateExpression: "SET sessionVersion = if_not_exists(sessionVersion, :zero) + :one",
          ConditionExpression: "attribute_exists(PK)",
          ExpressionAttributeValues: { ":zero": 0, ":one": 1 },
        }),
      ),
    );
  } catch (error) {
    // A user deleted meanwhile has no sessions left to end.
    if (isConditionFailed(error)) return;
    throw error;
  } finally {
    sessionChecker().forget(input.tenantId, email);
  }
  await recordAudit(
    { tenantId: input.tenantId, actor: email, action: "auth.sign_out", target: `user:${email}`, before: null, after: null },
    deps,
  ).catch((error: unknown) => console.error(`sign-out of ${email} not audited: ${(error as Error).message}`));
}
