import { randomUUID } from "node:crypto";
import type { Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";

/** At sign-in: copy the user's tenant and role into the token (the token is the session). */
export function tokenWithUser(token: JWT, user: User): JWT {
  return {
    ...token,
    sub: user.id,
    email: user.email,
    name: user.name,
    tenantId: user.tenantId,
    role: user.role,
    // One id per sign-in, kept through every re-issue of the token: what sign-out revokes.
    sid: randomUUID(),
  };
}

/**
 * Token → session for every reader. A token without tenant or role (issued before they existed,
 * or tampered with) throws: next-auth then clears the session cookie and answers "no session".
 */
export function sessionFromToken(session: Session, token: JWT): Session {
  const { sub, email, name, tenantId, role } = token;
  if (!sub || !email || !tenantId || !role) throw new Error("Session token lacks user, tenant or role");
  return { expires: session.expires, user: { id: sub, email, name: name ?? email, tenantId, role } };
}
