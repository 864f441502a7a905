import { auditedAction } from "@/lib/audit/audited-action";
import type { ApiKeyRecord } from "./api-key";
import { createApiKey } from "./create-api-key";
import { revokeApiKey } from "./revoke-api-key";

/**
 * Admin actions on API keys, each recorded in the audit log (never the key or its hash). The intent
 * is recorded before the key is written (auditedAction), so a key is never handed out, or revoked,
 * without its entry: when the log cannot be written the admin gets an error and no key.
 */
export async function createApiKeyAudited(input: {
  tenantId: string;
  name: string;
  actor: string;
  reason?: string;
}): Promise<{ record: ApiKeyRecord; plaintext: string }> {
  return auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "api_key.create",
      target: "api_key:new",
      reason: input.reason,
      requested: { name: input.name },
    },
    async () => {
      const created = await createApiKey({ tenantId: input.tenantId, name: input.name, createdBy: input.actor });
      return { outcome: "applied", result: created, before: null, after: created.record, target: `api_key:${created.record.keyId}` };
    },
  );
}

export async function revokeApiKeyAudited(input: {
  tenantId: string;
  keyId: string;
  actor: string;
  reason?: string;
}): Promise<ApiKeyRecord> {
  return auditedAction(
    { tenantId: input.tenantId, actor: input.actor, action: "api_key.revoke", target: `api_key:${input.keyId}`, reason: input.reason },
    async () => {
      const { before, after } = await revokeApiKey({ tenantId: input.tenantId, keyId: input.keyId, revokedBy: input.actor });
      return { outcome: "applied", result: after, before, after };
    },
  );
}
