import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { auditedAction } from "@/lib/audit/audited-action";
import { SETTINGS_SK, tenantPk } from "@/lib/db/keys";
import { isConditionFailed } from "@/lib/db/condition";
import { store } from "@/lib/db/store";
import type { StoreDeps } from "@/lib/db/store";
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
export async function saveSettings(input: SaveSettingsInput, deps: StoreDeps = {}): Promise<VersionedSettings> {
  const { db, tableName, now } = store(deps);
  const settings = tenantSettingsSchema.parse(input.settings);
  const before = await getSettings({ tenantId: input.tenantId }, deps);
  if (before.version !== input.expectedVersion) throw conflict(before.version);
  const version = input.expectedVersion + 1;
  const updatedAt = now().toISOString();
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
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { PK: tenantPk(input.tenantId), SK: SETTINGS_SK, settings, version, updatedAt, updatedBy: input.actor },
            ConditionExpression: input.expectedVersion === 0 ? "attribute_not_exists(PK)" : "version = :expected",
            ExpressionAttributeValues: input.expectedVersion === 0 ? undefined : { ":expected": input.expectedVersion },
          }),
        );
      } catch (error) {
        if (isConditionFailed(error)) throw conflict();
        throw error;
      }
      invalidateCachedSettings({ tenantId: input.tenantId });
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
