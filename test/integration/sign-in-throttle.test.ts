import { describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list-audit";
import { PLATFORM_AUDIT_TENANT } from "@/lib/audit/platform";
import { signInWithPassword, type SignInDeps } from "@/lib/auth/throttle/sign-in-with-password";
import { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from "@/lib/auth/throttle/throttle-policy";
import { createHashSlots } from "@/lib/users/hash-slots";
import { createUser } from "@/lib/users/create-user";
import { setUserEnabled } from "@/lib/users/set-user-enabled";
import { testTenant } from "./queue-helpers";

const MINUTE = 60_000;
const PASSWORD = "right-password";

/** A clock the test moves by hand, and a sleep that records instead of waiting. */
function harness(policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY, start = Date.parse("2026-12-01T08:00:00Z")) {
  let now = start;
  const sleeps: number[] = [];
  const deps: SignInDeps = {
    now: () => new Date(now),
    sleep: (ms) => (sleeps.push(ms), Promise.resolve()),
    policy,
  };
  return {
    deps,
    sleeps,
    advance: (ms: number) => (now += ms),
    at: () => now,
  };
}

async function newUser(label: string) {
  const tenantId = testTenant(label);
  const email = `user@${tenantId}.test`;
  await createUser({ tenantId, email, name: "Throttle IT", role: "analyst", password: PASSWORD });
  return { tenantId, email };
}

// A fresh address per test: the per-address counter must not carry over between tests.
let addressSeq = 0;
const freshAddress = () => `198.51.100.${++addressSeq}`;

describe("sign-in throttling per account", () => {
  it("after 5 wrong passwords within 15 minutes the right password is refused until the lock ends", async () => {
    const { tenantId, email } = await newUser("lock");
    const clientAddress = freshAddress();
    const h = harness();
    const attempt = (password: string) => signInWithPassword({ email, password, clientAddress }, h.deps);

    for (let i = 0; i < 5; i++) {
      expect(await attempt(`wrong-${i}`)).toBeNull();
      h.advance(2 * MINUTE);
    }
    const lockedAt = h.at() - 2 * MINUTE;
    expect(await attempt(PASSWORD)).toBeNull();
    h.advance(lockedAt + 15 * MINUTE - 1_000 - h.at());
    expect(await attempt(PASSWORD)).toBeNull();
    h.advance(2_000);
    expect(await attempt(PASSWORD)).toMatchObject({ email, tenantId });

    const { entries } = await listAudit({ tenantId, action: "auth.sign_in_lock", limit: 10 });
    expect(entries).toEqual([
      expect.objectContaining({
        actor: "system:sign-in-throttle",
        target: `user:${email}`,
        state: "done",
        after: { lockedUntil: new Date(lockedAt + 15 * MINUTE).toISOString(), lockNumber: 1 },
      }),
    ]);
  });

  it("locks for longer at each repeat", async () => {
    const { tenantId, email } = await newUser("repeat");
    const clientAddress = freshAddress();
    const h = harness();
    const failFive = async () => {
      for (let i = 0; i < 5; i++) await signInWithPassword({ email, password: "nope-nope", clientAddress }, h.deps);
    };
    await failFive();
    h.advance(15 * MINUTE + 1_000);
    await failFive();
    const second = h.at();
    h.advance(29 * MINUTE);
    expect(await signInWithPassword({ email, password: PASSWORD, clientAddress }, h.deps)).toBeNull();
    h.advance(2 * MINUTE);
    expect(await signInWithPassword({ email, password: PASSWORD, clientAddress }, h.deps)).toMatchObject({ email });
    const { entries } = await listAudit({ tenantId, action: "auth.sign_in_lock", limit: 10 });
    expect(entries.map((e) => e.after)).toEqual([
      { lockedUntil: new Date(second + 30 * MINUTE).toISOString(), lockNumber: 2 },
      expect.objectContaining({ lockNumber: 1 }),
    ]);
  });

  it("does not lock for failures spread over more than 15 minutes, and a success starts the count over", async () => {
    const { email } = await newUser("spread");
    const clientAddress = freshAddress();
    const h = harness();
    for (let i = 0; i < 8; i++) {
      expect(await signInWithPassword({ email, password: "wrong-one", clientAddress }, h.deps)).toBeNull();
      h.advance(4 * MINUTE);
    }
    expect(await signInWithPassword({ email, password: PASSWORD, clientAddress }, h.deps)).toMatchObject({ email });
    for (let i = 0; i < 4; i++) await signInWithPassword({ email, password: "wrong-two", clientAddress }, h.deps);
    expect(await signInWithPassword({ email, password: PASSWORD, clientAddress }, h.deps)).toMatchObject({ email });
  });

  it("answers every refusal no sooner than the floor: wrong, locked, unknown and disabled alike", async () => {
    const { tenantId, email } = await newUser("floor");
    await setUserEnabled({ tenantId, email, enabled: false, actor: `admin@${tenantId}.test` });
    const h = harness();
    const clientAddress = freshAddress();
    // The harness clock does not move while work runs, so each refusal sleeps the whole floor.
    expect(await signInWithPassword({ email, password: PASSWORD, clientAddress }, h.deps)).toBeNull();
    expect(await signInWithPassword({ email: `nobody@${tenantId}.test`, password: PASSWORD, clientAddress }, h.deps)).toBeNull();
    expect(await signInWithPassword({ email, password: "wrong-pass", clientAddress }, h.deps)).toBeNull();
    expect(h.sleeps).toEqual([500, 500, 500]);
  });

  it("costs one password hash for an unknown account too, and refuses at once when no hash slot is free", async () => {
    const h = harness();
    let hashes = 0;
    const counting = createHashSlots({ concurrency: 1, queue: 0 });
    const slots = { run: <T>(task: () => Promise<T>) => (hashes++, counting.run(task)) };
    const { email } = await newUser("slots");
    await signInWithPassword(
      { email: "nobody@unknown.test", password: "x-password", clientAddress: freshAddress() },
      { ...h.deps, hashSlots: slots },
    );
    expect(hashes).toBe(1);
    const busy = { run: () => Promise.resolve("busy" as const) };
    expect(
      await signInWithPassword({ email, password: PASSWORD, clientAddress: freshAddress() }, { ...h.deps, hashSlots: busy }),
    ).toBeNull();
  });
});

describe("sign-in throttling per client address", () => {
  it("locks an address after its own, higher limit across accounts, and audits it on the platform log", async () => {
    const policy: ThrottlePolicy = { ...DEFAULT_THROTTLE_POLICY, address: { ...DEFAULT_THROTTLE_POLICY.address, maxFailures: 6 } };
    const h = harness(policy);
    const office = freshAddress();
    const users = await Promise.all([newUser("addr-a"), newUser("addr-b"), newUser("addr-c")]);
    // Two wrong passwords each for three accounts: no account reaches 5, the address reaches 6.
    for (const { email } of users) {
      for (let i = 0; i < 2; i++) await signInWithPassword({ email, password: "wrong-pass", clientAddress: office }, h.deps);
    }
    const victim = await newUser("addr-d");
    expect(await signInWithPassword({ email: victim.email, password: PASSWORD, clientAddress: office }, h.deps)).toBeNull();
    expect(await signInWithPassword({ email: victim.email, password: PASSWORD, clientAddress: freshAddress() }, h.deps)).toMatchObject({
      email: victim.email,
    });
    const { entries } = await listAudit({ tenantId: PLATFORM_AUDIT_TENANT, action: "auth.sign_in_lock", limit: 50 });
    expect(entries.find((e) => e.target === `client:${office}`)).toMatchObject({ state: "done", after: { lockNumber: 1 } });
  });

  it("the default address limit is far above the account limit", () => {
    expect(DEFAULT_THROTTLE_POLICY.address.maxFailures).toBeGreaterThanOrEqual(20 * DEFAULT_THROTTLE_POLICY.account.maxFailures);
  });
});
