import { queryOptions } from "@tanstack/react-query";
import type { VersionedSettings } from "@/lib/settings/get-settings";
import type { TenantSettings } from "@/lib/settings/tenant-settings";
import { apiFetch } from "./api-fetch";

/** Tenant settings (GET/PUT /api/settings), shared by the server prefetch and the settings form. */
export const settingsKeys = { all: ["settings"] as const };

export const settingsQueryOptions = () =>
  queryOptions({
    queryKey: settingsKeys.all,
    queryFn: () => apiFetch<VersionedSettings>("/api/settings"),
  });

export interface SaveSettingsBody {
  settings: TenantSettings;
  /** The version the form was loaded at: a save in between answers 409. */
  expectedVersion: number;
  reason?: string;
}

export function putSettings(body: SaveSettingsBody): Promise<VersionedSettings> {
  return apiFetch<VersionedSettings>("/api/settings", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
