import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "@/lib/env";
import { userFromClaims } from "@/lib/auth/oidc-claims";

/**
 * Generic OIDC (Cognito user pools and any other compliant issuer), discovered from the issuer's
 * well-known document. Switched on by AUTH_PROVIDER=oidc.
 */
export function oidcProvider(config: Env): OAuthConfig<Record<string, unknown>> {
  const issuer = (config.OIDC_ISSUER ?? "").replace(/\/$/, "");
  return {
    id: "oidc",
    name: "Single sign-on",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => userFromClaims(profile, { tenant: config.OIDC_TENANT_CLAIM, role: config.OIDC_ROLE_CLAIM }),
  };
}
