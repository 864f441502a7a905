import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { SETTINGS_SK, tenantPk } from "@/lib/db/keys";
import { ifConditionFails } from "@/lib/db/condition";
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
 * (before and after). dynalite has no transactions, so the audit entry follows the write; a failed
 * audit write surfaces as an error to the admin, who can see the saved state and retry.
 */
export async function saveSettings(input: SaveSettingsInput, deps: StoreDeps = {}): Promise<VersionedSettings> {
  const settings = tenantSettingsSchema.parse(input.settings);
  const { db, tableName, now } = store(deps);
  const before = await getSettings({ tenantId: input.tenantId }, deps);
  if (before.version !== input.expectedVersion) throw conflict(before.version);
  const version = input.expectedVersion + 1;
  const updatedAt = now().toISOString();
  const put = new PutCommand({
    TableName: tableName,
    Item: { PK: tenantPk(input.tenantId), SK: SETTINGS_SK, settings, version, updatedAt, updatedBy: input.actor },
    ConditionExpression: input.expectedVersion === 0 ? "attribute_not_exists(PK)" : "version = :expected",
    ExpressionAttributeValues: input.expectedVersion === 0 ? undefined : { ":expected": input.expectedVersion },
  });
  await ifConditionFails(
    () => db.send(put),
    () => {
      throw conflict();
    },
  );
  invalidateCachedSettings({ tenantId: input.tenantId });
  await recordAudit(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "settings.update",
      target: "settings",
      before: before.settings,
      after: settings,
      reason: input.reason,
    },
    deps,
  );
  return { settings, version, updatedAt, updatedBy: input.actor };
}

function conflict(current?: number): AppError {
  return new AppError("conflict", "Settings were changed by someone else; reload and apply your change again", {
    details: current === undefined ? undefined : { currentVersion: current },
  });
}
