import "server-only";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticateUser } from "@/lib/users/authenticate-user";

const credentialsSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

/**
 * E-mail and password checked against lib/users (local stack and demo). Any failure returns
 * null, which next-auth reports as the generic `CredentialsSignin`: the caller never learns
 * whether the address exists.
 */
export function credentialsProvider() {
  return CredentialsProvider({
    id: "credentials",
    name: "E-mail and password",
    credentials: {
      email: { label: "E-mail", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(raw) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) return null;
      const user = await authenticateUser(parsed.data.email, parsed.data.password);
      if (!user) return null;
      return { id: user.email, email: user.email, name: user.name, tenantId: user.tenantId, role: user.role };
    },
  });
}
