import { normaliseEmail } from "@/lib/db/keys";
import { getUser } from "@/lib/users/get-user";
import type { UserRecord } from "@/lib/users/user";
import type { Role } from "./roles";

/**
 * How stale a session's view of its user may be. A disabled user, a role change or a sign-out on
 * another instance takes effect within this; on the instance that made the change, at once.
 */
export const SESSION_RECHECK_MS = 60_000;
const MAX_ENTRIES = 10_000;

/** What a session token carries about its user (see lib/http/auth-options.ts). */
export interface SessionClaims {
  sub?: string;
  email?: string | null;
  name?: string | null;
  tenantId?: string;
  role?: Role;
  /** The session's id, fixed at sign-in and kept through every re-issue of the token. */
  sid?: string;
}

export type LoadUser = (key: { tenantId: string; email: string }) => Promise<UserRecord | null>;

interface Entry {
  user: Promise<UserRecord | null>;
  fetchedAt: number;
}

/**
 * Re-reads each signed-in user at most once per interval per instance (a JWT session is otherwise
 * never checked again), and answers whether a token still stands: the user exists in the token's
 * tenant, is enabled, and this session (its `sid`) has not been signed out. The role and name come
 * from the fresh record, so a demotion applies within the interval too. In-memory only as a cache:
 * the truth is the user item in DynamoDB.
 */
export function createSessionChecker(options: { loadUser?: LoadUser; now?: () => number; intervalMs?: number } = {}) {
  const { loadUser = (key) => getUser(key), now = Date.now, intervalMs = SESSION_RECHECK_MS } = options;
  const cache = new Map<string, Entry>();
  const keyOf = (tenantId: string, email: string) => `${tenantId}\n${normaliseEmail(email)}`;

  function current(tenantId: string, email: string): Promise<UserRecord | null> {
    const key = keyOf(tenantId, email);
    const at = now();
    const hit = cache.get(key);
    if (hit && at - hit.fetchedAt < intervalMs) return hit.user;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const entry: Entry = { user: loadUser({ tenantId, email }), fetchedAt: at };
    cache.set(key, entry);
    // A failed read is not remembered: the next request asks again.
    entry.user.catch(() => cache.get(key) === entry && cache.delete(key));
    return entry.user;
  }

  /** The token with its user's current role and name, or null when the session has ended. */
  async function recheck<T extends SessionClaims>(token: T): Promise<T | null> {
    const email = token.email ?? token.sub;
    // A token without a session id predates server-side sign-out and could not be revoked: sign in again.
    if (!email || !token.tenantId || !token.sid) return null;
    const user = await current(token.tenantId, email);
    if (!user || !user.enabled || Object.hasOwn(user.revokedSessions, token.sid)) return null;
    return { ...token, role: user.role, name: user.name, tenantId: user.tenantId };
  }

  /** Drops this instance's view of a user after changing them, so the change applies here at once. */
  function forget(tenantId: string, email: string): void {
    cache.delete(keyOf(tenantId, email));
  }

  return { recheck, forget };
}

export type SessionChecker = ReturnType<typeof createSessionChecker>;

let live: SessionChecker | undefined;

/** The instance's checker, used by the next-auth jwt callback and by every change to a user. */
export function sessionChecker(): SessionChecker {
  return (live ??= createSessionChecker());
}
