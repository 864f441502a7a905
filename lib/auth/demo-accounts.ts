import { z } from "zod";
import { roleSchema } from "./roles";

/**
 * The local demo's well-known password (README, launcher banner). It is the only password the
 * sign-in page ever fills in: when the demo was seeded with another one (DEMO_PASSWORD), the
 * launcher does not advertise the accounts at all.
 */
export const DEFAULT_DEMO_PASSWORD = "demo1234";

/** One seeded account the sign-in page may offer (DEMO_ACCOUNTS, set by the launcher). */
export const demoAccountSchema = z.object({
  email: z.email(),
  role: roleSchema,
  /** The tenant's display name, e.g. "Acme Bank". */
  tenant: z.string().min(1).max(80),
});

export type DemoAccount = z.infer<typeof demoAccountSchema>;

export const demoAccountsSchema = z.array(demoAccountSchema).min(1).max(30);
