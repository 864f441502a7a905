import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";
import { ROLES } from "@/lib/auth/roles";

/** The Cognito attributes carrying a user's tenant and role; their ID-token claims are `custom:<name>` (lib/env OIDC_*_CLAIM). */
export const TENANT_ATTRIBUTE = "tenant";
export const ROLE_ATTRIBUTE = "role";

/**
 * The console's users for OIDC sign-in (lib/http/auth-providers/oidc.ts): a Cognito user pool with
 * the tenant and role custom attributes lib/auth/oidc-claims.ts reads. Stateful (the users), so it
 * lives in the data stack; the app client with its callback URL is made beside the console.
 * Admins create users (no self sign-up) and set both attributes; no app client may write them.
 */
export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;

  constructor(scope: Construct, id: string, props: { retain: boolean }) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, "UserPool", {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        [TENANT_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        [ROLE_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: Math.max(...ROLES.map((r) => r.length)), mutable: true }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Analysts decide on payments and engineers move production traffic: a second factor always.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
