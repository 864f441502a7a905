import "server-only";
import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/env";
import { sessionFromToken, tokenWithUser } from "@/lib/auth/callbacks";
import { credentialsProvider } from "./auth-providers/credentials";
import { oidcProvider } from "./auth-providers/oidc";

/** A working day: analysts sign in once per shift; role changes take effect at the next sign-in. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
    jwt: ({ token, user }) => (user ? tokenWithUser(token, user) : token),
    session: ({ session, token }) => sessionFromToken(session, token),
  },
};
