import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// Low cost keeps the suite fast; the format and comparison are what is under test.
const FAST = { N: 1024, r: 8, p: 1 };

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("demo1234", FAST);
    expect(await verifyPassword("demo1234", stored)).toBe(true);
    expect(await verifyPassword("demo12345", stored)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("demo1234", FAST)).not.toBe(await hashPassword("demo1234", FAST));
  });

  it("encodes its parameters so a later cost change keeps old hashes valid", async () => {
    const stored = await hashPassword("demo1234", FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it("uses the default (production) cost when none is given", async () => {
    expect(await hashPassword("demo1234")).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it.each(["", "plain", "scrypt$3$8$1$c2FsdA==$a2V5", "bcrypt$1024$8$1$c2FsdA==$a2V5", "scrypt$1024$8$1$$"])(
    "treats a malformed stored hash %j as no match",
    async (stored) => {
      expect(await verifyPassword("demo1234", stored)).toBe(false);
    },
  );
});
