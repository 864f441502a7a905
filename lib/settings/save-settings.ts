import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { auditedAction } from "@/lib/audit/audited-action";
import { documentClient } from "@/lib/aws/clients";
import { SETTINGS_SK, tenantPk } from "@/lib/db/keys";
import { env } from "@/lib/env";
import type { SettingsStoreDeps } from "./deps";
import { getSettings, type VersionedSettings } from "./get-settings";
import { invalidateCachedSettings } from "./settings-cache";
import { tenantSettingsSchema, type TenantSettings } from "./tenant-settings";

export interface SaveSettingsInput {
  tenantId: string;
  settings: TenantSettings;
  /** The version the admin edited; a concurrent save in between answers 409. */
  expectedVersion: number;
  actor: string;
  reason?: string | null;
}

/**
 * Saves a tenant's settings with optimistic concurrency and records the change in the audit log
 * (before and after): the intent is recorded before the write and completed after it
 * (lib/audit/README.md), so no save is acknowledged without its entry.
 */
export async function saveSettings(input: SaveSettingsInput, deps: SettingsStoreDeps = {}): Promise<VersionedSettings> {
  const settings = tenantSettingsSchema.parse(input.settings);
  const before = await getSettings(input.tenantId, deps);
  if (before.version !== input.expectedVersion) throw conflict(before.version);
  const version = input.expectedVersion + 1;
  const updatedAt = (deps.now?.() ?? new Date()).toISOString();
  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "settings.update",
      target: "settings",
      reason: input.reason,
      requested: settings,
    },
    async () => {
      try {
        await (deps.db ?? documentClient()).send(
          new PutCommand({
            TableName: deps.tableName ?? env().TABLE_NAME,
            Item: { PK: tenantPk(input.tenantId), SK: SETTINGS_SK, settings, version, updatedAt, updatedBy: input.actor },
            ConditionExpression: input.expectedVersion === 0 ? "attribute_not_exists(PK)" : "version = :expected",
            ExpressionAttributeValues: input.expectedVersion === 0 ? undefined : { ":expected": input.expectedVersion },
          }),
        );
      } catch (error) {
        if ((error as Error).name === "ConditionalCheckFailedException") throw conflict();
        throw error;
      }
      invalidateCachedSettings(input.tenantId);
      const saved: VersionedSettings = { settings, version, updatedAt, updatedBy: input.actor };
      return { outcome: "applied", result: saved, before: before.settings, after: settings };
    },
    deps,
  );
}

function conflict(current?: number): AppError {
  return new AppError("conflict", "Settings were changed by someone else; reload and apply your change again", {
    details: current === undefined ? undefined : { currentVersion: current },
  });
}
