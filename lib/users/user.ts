import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

/** A console user as stored in the main table (lib/db/keys.ts: PK TENANT#<t>, SK USER#<email>). */
export const userRecordSchema = z.object({
  tenantId: z.string().min(1),
  email: z.string().min(3),
  name: z.string().min(1),
  role: roleSchema,
  passwordHash: z.string().optional(),
  createdAt: z.string(),
  /** A disabled user cannot sign in, and their sessions end at the next re-check (lib/auth/session-check.ts). Absent = enabled. */
  enabled: z.boolean().default(true),
  /**
   * Sessions signed out before they expired: session id → until when (epoch ms) the entry must be kept
   * (lib/users/end-session.ts). Pruned at each sign-out, so it holds at most a working day's sign-outs.
   */
  revokedSessions: z.record(z.string(), z.number()).default({}),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});

export type UserRecord = z.infer<typeof userRecordSchema>;

/** A user without secrets: what sign-in hands on to the session. */
export type User = Omit<UserRecord, "passwordHash">;

export const newUserSchema = z.object({
  tenantId: z.string().min(1),
  email: z.email(),
  name: z.string().min(1).max(200),
  role: roleSchema,
  password: z.string().min(8, "at least 8 characters").max(1024),
});

export type NewUser = z.infer<typeof newUserSchema>;

/** What an admin sees of a user (GET /api/users). */
export type UserSummary = Pick<UserRecord, "email" | "name" | "role" | "enabled" | "createdAt" | "updatedAt" | "updatedBy">;

export function toUserSummary(record: UserRecord): UserSummary {
  const { email, name, role, enabled, createdAt, updatedAt, updatedBy } = record;
  return { email, name, role, enabled, createdAt, updatedAt, updatedBy };
}

export function withoutSecrets(record: UserRecord): User {
  const { passwordHash: _passwordHash, ...user } = record;
  return user;
}
