// Session, User and JWT as the console uses them (see lib/auth/session-user.ts). Augmented rather
// than cast so that every reader of a session gets the tenant and role typed.
import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      tenantId: string;
      role: Role;
    } & DefaultSession["user"];
  }

  /** What our providers' authorize()/profile() return. */
  interface User {
    id: string;
    email: string;
    name: string;
    tenantId: string;
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    tenantId?: string;
    role?: Role;
    /** The session's id (lib/auth/callbacks.ts): sign-out revokes it on the server (lib/users/end-session.ts). */
    sid?: string;
  }
}
