import "server-only";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { signInWithPassword } from "@/lib/auth/throttle/sign-in-with-password";
import { env } from "@/lib/env";

const credentialsSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

/**
 * E-mail and password checked against lib/users (local stack and demo), throttled per account and
 * per client address (lib/auth/throttle). Every refusal returns null, which next-auth reports as the
 * generic `CredentialsSignin`: the caller never learns whether the address exists or is locked. A
 * store failure is a refusal too (fail closed), logged for operators.
 */
export function credentialsProvider() {
  return CredentialsProvider({
    id: "credentials",
    name: "E-mail and password",
    credentials: {
      email: { label: "E-mail", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(raw, req) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) return null;
      const forwardedFor = (req.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
      try {
        const user = await signInWithPassword({
          ...parsed.data,
          clientAddress: clientAddress(forwardedFor, env().TRUSTED_PROXY_HOPS),
        });
        if (!user) return null;
        return {
          id: user.email,
          email: user.email,
          name: user.name,
          tenantId: user.tenantId,
          role: user.role,
        };
      } catch (error) {
        console.error(`sign-in refused: ${(error as Error).name}: ${(error as Error).message}`);
        return null;
      }
    },
  });
}
