import { z } from "zod";
import { tenantSettingsSchema } from "./tenant-settings";

/** Why-fields are optional but recorded: the audit log answers "why" when the admin says. */
const reason = z.string().trim().max(500).optional();

/** PUT /api/settings: the whole settings object, the version it was edited from, and why. */
export const saveSettingsRequestSchema = z.object({
  settings: tenantSettingsSchema,
  expectedVersion: z.number().int().min(0),
  reason,
});

/** POST /api/api-keys */
export const createApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  reason,
});

/** DELETE /api/api-keys/{keyId} (body optional) */
export const revokeApiKeyRequestSchema = z.object({ reason }).default({});
