import type { StoreDeps } from "@/lib/db/store";
import { findUserByEmail } from "./find-user-by-email";
import { hashPassword, verifyPassword } from "./password";
import { withoutSecrets, type User } from "./user";

// Verified against when the e-mail is unknown, so that a miss costs the same scrypt work as a
// wrong password and response times do not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;

/** The user when e-mail and password match, otherwise null (without saying which part was wrong). */
export async function authenticateUser(email: string, password: string, deps: StoreDeps = {}): Promise<User | null> {
  const record = await findUserByEmail(email, deps);
  if (!record?.passwordHash) {
    await verifyPassword(password, await (decoyHash ??= hashPassword("decoy-password")));
    return null;
  }
  return (await verifyPassword(password, record.passwordHash)) ? withoutSecrets(record) : null;
}
