import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { SETTINGS_SK, tenantPk } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import type { StoreDeps } from "@/lib/db/store";
import { DEFAULT_TENANT_SETTINGS, tenantSettingsSchema, type TenantSettings } from "./tenant-settings";

export interface VersionedSettings {
  settings: TenantSettings;
  /** 0 = never saved (defaults); saving must name the version it started from. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function getSettings({ tenantId }: { tenantId: string }, deps: StoreDeps = {}): Promise<VersionedSettings> {
  const { db, tableName } = store(deps);
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: { PK: tenantPk(tenantId), SK: SETTINGS_SK } }));
  if (!Item) return { settings: DEFAULT_TENANT_SETTINGS, version: 0, updatedAt: null, updatedBy: null };
  return {
    settings: tenantSettingsSchema.parse(Item.settings),
    version: Number(Item.version),
    updatedAt: typeof Item.updatedAt === "string" ? Item.updatedAt : null,
    updatedBy: typeof Item.updatedBy === "string" ? Item.updatedBy : null,
  };
}
