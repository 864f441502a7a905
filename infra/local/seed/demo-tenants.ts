import { tenantDefinition, type TenantDefinition } from "@/infra/tenants";
import type { Role } from "@/lib/auth/roles";

/**
 * The demo's tenants. Each has its own endpoint with a production and a canary variant serving
 * different committed model versions (infra/model/artifacts/<group>/v<N>): acme-bank runs the better
 * v2 in production with the deliberately worse v3 as a canary (a rollback waiting to happen);
 * globex-pay runs v1 in production with a healthy v2 canary (a promotion waiting to happen).
 */
export interface DemoTenant extends TenantDefinition {
  productionVersion: number;
  canaryVersion: number;
  canaryWeight: number;
}

export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    ...tenantDefinition("acme-bank"),
    productionVersion: 2,
    canaryVersion: 3,
    canaryWeight: 10,
  },
  {
    ...tenantDefinition("globex-pay"),
    productionVersion: 1,
    canaryVersion: 2,
    canaryWeight: 10,
  },
];

export const DEMO_USER_ROLES: ReadonlyArray<{ localPart: string; role: Role; title: string }> = [
  { localPart: "analyst", role: "analyst", title: "Fraud analyst" },
  { localPart: "mlops", role: "ml_engineer", title: "ML engineer" },
  { localPart: "admin", role: "admin", title: "Administrator" },
];

export const demoEmail = (localPart: string, tenantId: string) => `${localPart}@${tenantId}.test`;
