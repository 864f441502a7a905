import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { store, type StoreDeps } from "@/lib/db/store";
import { auditedAction } from "@/lib/audit/audited-action";
import { PLATFORM_AUDIT_TENANT } from "@/lib/audit/platform";
import { signInAccountSk, signInAddressPk, SIGNIN_ADDRESS_SK, tenantPk } from "@/lib/db/keys";
import { lockDuration, type ThrottleRule } from "./throttle-policy";
import { isConditionFailed } from "@/lib/db/condition";

/**
 * One item per throttled subject (an account in its tenant, or a client address) counts failures in
 * a window and holds the lock: `failures`, `windowStart`, `lockedUntil`, `lockCount`, `lastLockAt`
 * (epoch ms). dynalite has no TTL and no transactions, so windows and locks expire by comparison
 * with the clock on read and in conditions, and each step is one conditional UpdateItem that holds
 * across console instances.
 */
export interface ThrottleSubject {
  key: { PK: string; SK: string };
  /** Where a lock is audited, and as what. */
  auditTenantId: string;
  target: string;
}

export interface ThrottleState {
  failures: number;
  windowStart: number;
  lockedUntil?: number;
  lockCount?: number;
  lastLockAt?: number;
}

export type ThrottleDeps = StoreDeps;

export const accountSubject = (tenantId: string, email: string): ThrottleSubject => ({
  key: { PK: tenantPk(tenantId), SK: signInAccountSk(email) },
  auditTenantId: tenantId,
  target: `user:${email}`,
});

export const addressSubject = (address: string): ThrottleSubject => ({
  key: { PK: signInAddressPk(address), SK: SIGNIN_ADDRESS_SK },
  auditTenantId: PLATFORM_AUDIT_TENANT,
  target: `client:${address}`,
});

export function isLocked(state: ThrottleState | null, now: number): boolean {
  return state?.lockedUntil !== undefined && state.lockedUntil > now;
}

export async function readThrottle(subject: ThrottleSubject, deps: ThrottleDeps = {}): Promise<ThrottleState | null> {
  const { Item } = await store(deps).db.send(new GetCommand({ TableName: store(deps).tableName, Key: subject.key, ConsistentRead: true }));
  return (Item as ThrottleState | undefined) ?? null;
}

/** Counts one failure; locks the subject (audited) when it reaches the rule's limit. Returns the lock's end when this call locked it. */
export async function recordFailure(
  subject: ThrottleSubject,
  rule: ThrottleRule,
  now: number,
  deps: ThrottleDeps = {},
): Promise<number | null> {
  const state = (await countFailure(subject, rule, now, deps)) ?? (await countFailure(subject, rule, now, deps));
  if (!state || state.failures < rule.maxFailures || isLocked(state, now)) return null;
  const recent = state.lastLockAt !== undefined && now - state.lastLockAt < rule.lockMemoryMs;
  const priorLocks = recent ? (state.lockCount ?? 0) : 0;
  const lockedUntil = now + lockDuration(rule, priorLocks);
  const db = store(deps).db;
  return auditedAction(
    {
      tenantId: subject.auditTenantId,
      actor: "system:sign-in-throttle",
      action: "auth.sign_in_lock",
      target: subject.target,
      reason: `${state.failures} failed sign-ins within ${Math.round(rule.windowMs / 60_000)} minutes`,
      requested: { lockedUntil: new Date(lockedUntil).toISOString() },
    },
    async () => {
      try {
        await db.send(
          new UpdateCommand({
            TableName: store(deps).tableName,
            Key: subject.key,
            UpdateExpression: "SET lockedUntil = :until, lockCount = :locks, lastLockAt = :now, failures = :zero, windowStart = :now",
            // Concurrent failures may all reach the limit: exactly one of them locks (and is audited).
            ConditionExpression: "failures >= :max AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now)",
            ExpressionAttributeValues: {
              ":until": lockedUntil,
              ":locks": priorLocks + 1,
              ":now": now,
              ":zero": 0,
              ":max": rule.maxFailures,
            },
          }),
        );
      } catch (error) {
        if (isConditionFailed(error)) return { outcome: "unchanged", result: null };
        throw error;
      }
      return {
        outcome: "applied",
        result: lockedUntil,
        before: { failures: state.failures, locks: priorLocks },
        after: { lockedUntil: new Date(lockedUntil).toISOString(), lockNumber: priorLocks + 1 },
      };
    },
    deps,
  );
}

/** Adds to the current window, or starts a new one when it has passed; null when a concurrent writer moved the window meanwhile. */
async function countFailure(subject: ThrottleSubject, rule: ThrottleRule, now: number, deps: ThrottleDeps): Promise<ThrottleState | null> {
  const db = store(deps).db;
  const TableName = store(deps).tableName;
  const floor = now - rule.windowMs;
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName,
        Key: subject.key,
        UpdateExpression: "SET failures = failures + :one",
        ConditionExpression: "windowStart > :floor",
        ExpressionAttributeValues: { ":one": 1, ":floor": floor },
        ReturnValues: "ALL_NEW",
      }),
    );
    return Attributes as ThrottleState;
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName,
        Key: subject.key,
        UpdateExpression: "SET failures = :one, windowStart = :now",
        ConditionExpression: "attribute_not_exists(windowStart) OR windowStart <= :floor",
        ExpressionAttributeValues: { ":one": 1, ":now": now, ":floor": floor },
        ReturnValues: "ALL_NEW",
      }),
    );
    return Attributes as ThrottleState;
  } catch (error) {
    if (isConditionFailed(error)) return null;
    throw error;
  }
}

/** After a successful sign-in: the account's count starts over (a lock, if any, has ended by then). */
export async function clearFailures(subject: ThrottleSubject, deps: ThrottleDeps = {}): Promise<void> {
  await store(deps)
    .db.send(
      new UpdateCommand({
        TableName: store(deps).tableName,
        Key: subject.key,
        UpdateExpression: "SET failures = :zero",
        ConditionExpression: "attribute_exists(failures)",
        ExpressionAttributeValues: { ":zero": 0 },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}
