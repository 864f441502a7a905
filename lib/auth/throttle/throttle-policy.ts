/**
 * Sign-in throttling rules. Per account: 5 failures within 15 minutes lock it, for 15 minutes the
 * first time and twice as long at each repeat within a day (capped at a day), which makes online
 * guessing hopeless (about 20 guesses a day) while a person who mistypes waits a quarter of an hour.
 * Per client address the limit is much higher: an office behind one NAT shares an address, and one
 * colleague's typos must not lock the others out; it stops one machine spraying many accounts.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  /** The first lock's length; doubled per lock within `lockMemoryMs` of the previous one. */
  lockMs: number;
  maxLockMs: number;
  lockMemoryMs: number;
}

export interface ThrottlePolicy {
  account: ThrottleRule;
  address: ThrottleRule;
  /**
   * Every refused sign-in answers no sooner than this after it arrived, whether the password was
   * wrong, the account locked or unknown: the reply's timing then says nothing about which. It
   * covers the query, the throttle reads and writes and one scrypt hash (~150 ms here).
   */
  refusalFloorMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  account: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: DAY, lockMemoryMs: DAY },
  address: { maxFailures: 100, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: 6 * 60 * MINUTE, lockMemoryMs: DAY },
  refusalFloorMs: 500,
};

/** The length of the next lock after `priorLocks` recent ones. */
export function lockDuration(rule: ThrottleRule, priorLocks: number): number {
  return Math.min(rule.maxLockMs, rule.lockMs * 2 ** Math.min(priorLocks, 30));
}
