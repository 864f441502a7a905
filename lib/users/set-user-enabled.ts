import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { auditedAction } from "@/lib/audit/audited-action";
import { sessionChecker } from "@/lib/auth/session-check";
import { normaliseEmail, tenantPk, userSk } from "@/lib/db/keys";
import { AppError } from "@/lib/errors/app-error";
import { isConditionFailed } from "@/lib/db/condition";
import { store, type StoreDeps } from "@/lib/db/store";
import { toUserSummary, userRecordSchema, type UserSummary } from "./user";

export interface SetUserEnabledInput {
  tenantId: string;
  email: string;
  enabled: boolean;
  /** The admin's user id (e-mail). */
  actor: string;
  reason?: string | null;
}

/**
 * Disables or re-enables a tenant's user, audited. A disabled user cannot sign in and their open
 * sessions end within SESSION_RECHECK_MS (at once on this instance). Admins cannot disable
 * themselves (a tenant must not lose its last way in by a slip). Another tenant's user is 404.
 */
export async function setUserEnabled(input: SetUserEnabledInput, deps: StoreDeps = {}): Promise<UserSummary> {
  const email = normaliseEmail(input.email);
  if (!input.enabled && email === normaliseEmail(input.actor)) throw new AppError("bad_request", "You cannot disable your own account");
  const updatedAt = (deps.now?.() ?? new Date()).toISOString();
  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: input.enabled ? "user.enable" : "user.disable",
      target: `user:${email}`,
      reason: input.reason,
      requested: { enabled: input.enabled },
    },
    async () => {
      let Attributes: Record<string, unknown> | undefined;
      try {
        ({ Attributes } = await store(deps).db.send(
          new UpdateCommand({
            TableName: store(deps).tableName,
            Key: { PK: tenantPk(input.tenantId), SK: userSk(email) },
            UpdateExpression: "SET enabled = :enabled, updatedAt = :at, updatedBy = :by",
            ConditionExpression: "attribute_exists(PK)",
            ExpressionAttributeValues: { ":enabled": input.enabled, ":at": updatedAt, ":by": input.actor },
            ReturnValues: "ALL_OLD",
          }),
        ));
      } catch (error) {
        if (isConditionFailed(error)) throw new AppError("not_found", `No user ${email} in this tenant`);
        throw error;
      }
      sessionChecker().forget(input.tenantId, email);
      const before = toUserSummary(userRecordSchema.parse(Attributes));
      const after: UserSummary = { ...before, enabled: input.enabled, updatedAt, updatedBy: input.actor };
      if (before.enabled === input.enabled) return { outcome: "unchanged", result: after };
      return { outcome: "applied", result: after, before: { enabled: before.enabled }, after: { enabled: input.enabled } };
    },
    deps,
  );
}
