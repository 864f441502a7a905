import type { Session } from "next-auth";
import { isRoleAllowed, type Role } from "./roles";
import { sessionUserSchema, type SessionUser } from "./session-user";

export type AccessResult = { ok: true; user: SessionUser } | { ok: false; reason: "unauthenticated" | "forbidden" };

/**
 * The one decision behind requireSession and the route wrapper. A session whose user does not
 * parse (an old cookie, a token from before a schema change) counts as signed out rather than
 * trusted halfway.
 */
export function checkAccess(session: Session | null, roles?: readonly Role[]): AccessResult {
  const parsed = sessionUserSchema.safeParse(session?.user);
  if (!parsed.success) return { ok: false, reason: "unauthenticated" };
  if (!isRoleAllowed(parsed.data.role, roles)) return { ok: false, reason: "forbidden" };
  return { ok: true, user: parsed.data };
}
