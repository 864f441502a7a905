import { describe, expect, it } from "vitest";
import { createUser } from "./create-user";
import { fakeUserTable } from "./fake-table";
import { findUserByEmail } from "./find-user-by-email";

const ana = { tenantId: "acme-bank", email: "Analyst@Acme-Bank.test", name: "Ana Lyst", role: "analyst" as const, password: "demo1234" };

describe("createUser", () => {
  it("stores the user under its tenant with the e-mail index and a hash, never the password", async () => {
    const { deps, items } = fakeUserTable();
    const now = () => new Date("2026-11-22T10:00:00Z");
    expect(await createUser(ana, { ...deps, now })).toEqual({ created: true });
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item).toMatchObject({
      PK: "TENANT#acme-bank",
      SK: "USER#analyst@acme-bank.test",
      GSI1PK: "EMAIL#analyst@acme-bank.test",
      GSI1SK: "USER",
      email: "analyst@acme-bank.test",
      role: "analyst",
      createdAt: "2026-11-22T10:00:00.000Z",
    });
    expect(item.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(item)).not.toContain("demo1234");
  });

  it("is idempotent: a second call leaves the first user alone", async () => {
    const { deps, items } = fakeUserTable();
    await createUser(ana, deps);
    expect(await createUser({ ...ana, name: "Someone else", password: "other-password" }, deps)).toEqual({ created: false });
    expect(items).toHaveLength(1);
    expect(items[0]?.name).toBe("Ana Lyst");
  });

  it("rejects an unknown role and a short password", async () => {
    const { deps } = fakeUserTable();
    await expect(createUser({ ...ana, role: "root" as never }, deps)).rejects.toThrow();
    await expect(createUser({ ...ana, password: "short" }, deps)).rejects.toThrow(/8 characters/);
  });
});

describe("findUserByEmail", () => {
  it("finds a user case-insensitively", async () => {
    const { deps } = fakeUserTable();
    await createUser(ana, deps);
    expect(await findUserByEmail(" ANALYST@acme-bank.test ", deps)).toMatchObject({ tenantId: "acme-bank", role: "analyst" });
    expect(await findUserByEmail("nobody@acme-bank.test", deps)).toBeNull();
  });

  it("refuses an e-mail registered in two tenants rather than guessing the tenant", async () => {
    const { deps } = fakeUserTable();
    await createUser(ana, deps);
    await createUser({ ...ana, tenantId: "globex-pay" }, deps);
    expect(await findUserByEmail(ana.email, deps)).toBeNull();
  });
});
