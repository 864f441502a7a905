import { recordAudit } from "@/lib/audit/record-audit";
import type { ApiKeyRecord } from "./api-key";
import { createApiKey } from "./create-api-key";
import { revokeApiKey } from "./revoke-api-key";

/** Admin actions on API keys, each recorded in the audit log (never the key or its hash). */
export async function createApiKeyAudited(input: {
  tenantId: string;
  name: string;
  actor: string;
  reason?: string;
}): Promise<{ record: ApiKeyRecord; plaintext: string }> {
  const created = await createApiKey({ tenantId: input.tenantId, name: input.name, createdBy: input.actor });
  await recordAudit({
    tenantId: input.tenantId,
    actor: input.actor,
    action: "api_key.create",
    target: `api_key:${created.record.keyId}`,
    before: null,
    after: created.record,
    reason: input.reason,
  });
  return created;
}

export async function revokeApiKeyAudited(input: {
  tenantId: string;
  keyId: string;
  actor: string;
  reason?: string;
}): Promise<ApiKeyRecord> {
  const { before, after } = await revokeApiKey({ tenantId: input.tenantId, keyId: input.keyId, revokedBy: input.actor });
  await recordAudit({
    tenantId: input.tenantId,
    actor: input.actor,
    action: "api_key.revoke",
    target: `api_key:${input.keyId}`,
    before,
    after,
    reason: input.reason,
  });
  return after;
}
