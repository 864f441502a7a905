import { tenantDefinition, type TenantDefinition } from "@/infra/tenants";
import type { Role } from "@/lib/auth/roles";

/**
 * The demo's tenants, each with its own endpoint deployed from committed model versions
 * (infra/model/artifacts/<group>/v<N>) as its story leaves it (seed-deployments.ts): acme-bank runs
 * v2 at 100% with no canary (promoted 2026-10-28, after an alarm rolled back its first canary);
 * globex-pay runs v1 at 90% with a healthy v2 canary at 10% (a promotion waiting to happen).
 */
export type DemoTenant = TenantDefinition;

export const DEMO_TENANTS: readonly DemoTenant[] = [tenantDefinition("acme-bank"), tenantDefinition("globex-pay")];

export const DEMO_USER_ROLES: ReadonlyArray<{ localPart: string; role: Role; title: string }> = [
  { localPart: "analyst", role: "analyst", title: "Fraud analyst" },
  { localPart: "mlops", role: "ml_engineer", title: "ML engineer" },
  { localPart: "admin", role: "admin", title: "Administrator" },
];

export const demoEmail = (localPart: string, tenantId: string) => `${localPart}@${tenantId}.test`;
