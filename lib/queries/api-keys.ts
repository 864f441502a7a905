import { queryOptions } from "@tanstack/react-query";
import type { ApiKeyRecord } from "@/lib/api-keys/api-key";
import { apiFetch } from "./api-fetch";

/** Tenant API keys (GET/POST /api/api-keys, DELETE /api/api-keys/{id}). */
export const apiKeysKeys = { all: ["api-keys"] as const };

export const apiKeysQueryOptions = () =>
  queryOptions({
    queryKey: apiKeysKeys.all,
    queryFn: () => apiFetch<{ keys: ApiKeyRecord[] }>("/api/api-keys"),
  });

const json = { "content-type": "application/json" };

/** The plaintext is in this answer only; the console shows it once and never stores it. */
export function postApiKey(body: { name: string; reason?: string }): Promise<{ key: ApiKeyRecord; plaintext: string }> {
  return apiFetch("/api/api-keys", { method: "POST", headers: json, body: JSON.stringify(body) });
}

export function deleteApiKey(keyId: string, reason?: string): Promise<{ key: ApiKeyRecord }> {
  return apiFetch(`/api/api-keys/${encodeURIComponent(keyId)}`, { method: "DELETE", headers: json, body: JSON.stringify({ reason }) });
}
