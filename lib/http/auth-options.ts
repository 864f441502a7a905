import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { sessionFromToken, tokenWithUser } from "@/lib/auth/callbacks";
import { sessionChecker } from "@/lib/auth/session-check";
import { endSession } from "@/lib/users/end-session";
import { provisionOidcUser } from "@/lib/users/provision-oidc-user";
import { credentialsProvider } from "./auth-providers/credentials";
import { oidcProvider } from "./auth-providers/oidc";

/**
 * A working day: analysts sign in once per shift. The token is re-checked against the user record
 * at most every SESSION_RECHECK_MS (lib/auth/session-check.ts), so a disabled user, a role change or
 * a sign-out on another instance takes effect within a minute, not at the end of the day.
 */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

async function signedInToken(token: JWT, user: User, provider: string | undefined): Promise<JWT> {
  if (provider !== "oidc") return tokenWithUser(token, user);
  const record = await provisionOidcUser(user);
  if (!record.enabled) throw new Error("This account is disabled");
  return tokenWithUser(token, user);
}

/**
 * next-auth configuration. Kept out of the route file (a route module may only export handlers).
 * NEXTAUTH_SECRET and NEXTAUTH_URL are read by next-auth itself from the environment, the way the
 * AWS SDK reads its own settings; without a secret next-auth refuses to start in production.
 */
export const authOptions: NextAuthOptions = {
  providers: [env().AUTH_PROVIDER === "oidc" ? oidcProvider(env()) : credentialsProvider()],
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  callbacks: {
    async jwt({ token, user, account }) {
      if (user) return signedInToken(token, user, account?.provider);
      // Throwing makes next-auth treat the cookie as no session (and clear it where it can).
      const current = await sessionChecker().recheck(token);
      if (!current) throw new Error("Session ended: user disabled, signed out or changed");
      return current;
    },
    session: ({ session, token }) => sessionFromToken(session, token),
  },
  events: {
    async signOut({ token }) {
      if (token?.tenantId && token.email && token.sid) {
        await endSession({ tenantId: token.tenantId, email: token.email, sessionId: token.sid, keepForMs: SESSION_MAX_AGE_SECONDS * 1000 });
      }
    },
  },
};
