import type { User } from "next-auth";
import { z } from "zod";
import { roleSchema } from "./roles";

const baseClaimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().min(3),
  name: z.string().optional(),
});

/**
 * Maps an OIDC profile (e.g. a Cognito ID token) to a console user. Tenant and role come from the
 * configured claims (Cognito custom attributes by default); a token without a valid tenant and
 * role is refused rather than given a default, since a default role would be a privilege guess.
 */
export function userFromClaims(profile: Record<string, unknown>, claimNames: { tenant: string; role: string }): User {
  const base = baseClaimsSchema.safeParse(profile);
  const tenantId = z.string().min(1).safeParse(profile[claimNames.tenant]);
  const role = roleSchema.safeParse(profile[claimNames.role]);
  if (!base.success || !tenantId.success || !role.success) {
    throw new Error(`OIDC profile lacks e-mail, ${claimNames.tenant} or a valid ${claimNames.role}`);
  }
  const email = base.data.email.toLowerCase();
  return { id: email, email, name: base.data.name ?? email, tenantId: tenantId.data, role: role.data };
}
