import { normaliseEmail } from "@/lib/db/keys";
import type { StoreDeps } from "@/lib/db/store";
import { findUserByEmail } from "@/lib/users/find-user-by-email";
import { passwordHashSlots, type HashSlots } from "@/lib/users/hash-slots";
import { hashPassword, verifyPassword } from "@/lib/users/password";
import { withoutSecrets, type User } from "@/lib/users/user";
import { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from "./throttle-policy";
import { accountSubject, addressSubject, clearFailures, isLocked, readThrottle, recordFailure } from "./throttle-store";

export interface SignInDeps extends StoreDeps {
  policy?: ThrottlePolicy;
  hashSlots?: HashSlots;
  sleep?: (ms: number) => Promise<void>;
}

// Verified against when the e-mail is unknown, so that a miss costs the same scrypt work as a
// wrong password and response times do not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Password sign-in with throttling counted in DynamoDB (throttle-store.ts): the user when the
 * password matches and neither the account nor the client address is locked and the user is
 * enabled; otherwise null, after the same work and no sooner than `refusalFloorMs`, so that
 * neither the answer nor its timing says whether the account exists, is locked or was mistyped.
 * Only wrong passwords count towards a lock; a refusal of a locked account does not prolong it.
 */
export async function signInWithPassword(
  input: { email: string; password: string; clientAddress: string },
  deps: SignInDeps = {},
): Promise<User | null> {
  const clock = () => (deps.now?.() ?? new Date()).getTime();
  const { policy = DEFAULT_THROTTLE_POLICY, hashSlots = passwordHashSlots(), sleep = defaultSleep } = deps;
  const arrivedAt = clock();
  const email = normaliseEmail(input.email);
  const record = await findUserByEmail(email, deps);
  const account = record ? accountSubject(record.tenantId, email) : null;
  const address = addressSubject(input.clientAddress);
  const [accountState, addressState] = await Promise.all([account ? readThrottle(account, deps) : null, readThrottle(address, deps)]);
  const stored = record?.passwordHash ?? (await (decoyHash ??= hashPassword("decoy-password")));
  const verdict = await hashSlots.run(() => verifyPassword(input.password, stored));
  const now = clock();
  const isBlocked = isLocked(accountState, now) || isLocked(addressState, now) || !record?.enabled;

  if (verdict === true && record && !isBlocked) {
    if (account && accountState?.failures) await clearFailures(account, deps);
    return withoutSecrets(record);
  }
  if (verdict === false) {
    await Promise.all([
      account && !isLocked(accountState, now) ? recordFailure(account, policy.account, now, deps) : null,
      isLocked(addressState, now) ? null : recordFailure(address, policy.address, now, deps),
    ]);
  }
  const wait = arrivedAt + policy.refusalFloorMs - clock();
  if (wait > 0) await sleep(wait);
  return null;
}
