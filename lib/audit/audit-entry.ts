import { z } from "zod";

/**
 * One recorded action: who did what to which object of a tenant, the state before and after, when
 * and why. Written by every mutating action (settings, API keys, feedback, rollbacks, promotions).
 */
export interface AuditEntry {
  id: string;
  tenantId: string;
  /** The user id (e-mail) or a system actor such as "system:rollback". */
  actor: string;
  /** Dotted verb, e.g. "settings.update", "api_key.revoke". */
  action: string;
  /** What was acted on, e.g. "settings" or "api_key:3fa2…". */
  target: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  at: string;
  /**
   * `pending`: the intent was recorded before the mutation ran and its outcome is not confirmed
   * (lib/audit/README.md); `done`: the change happened as recorded. Entries from before this field
   * existed are done.
   */
  state?: "pending" | "done";
}

export const auditFiltersSchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(),
  /** ISO timestamps bounding `at`, inclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;
