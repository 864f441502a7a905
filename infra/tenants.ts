/**
 * The tenants a deployment serves: the one list the local seed (infra/local/seed) and the CDK app
 * (infra/aws) both build from, so the endpoint and model package group a tenant gets locally are
 * the ones it gets in an account. What each environment then runs on them (the seeded demo story,
 * the CDK app's first deployment) stays with that environment.
 */
export interface TenantDefinition {
  tenantId: string;
  name: string;
  /** The tenant's SageMaker endpoint (production and canary variants). */
  endpointName: string;
  /** Its model package group; committed versions live in infra/model/artifacts/<group>/v<N>. */
  modelPackageGroupName: string;
}

export const TENANTS: readonly TenantDefinition[] = [
  { tenantId: "acme-bank", name: "Acme Bank", endpointName: "fraud-acme-bank", modelPackageGroupName: "acme-bank-fraud" },
  { tenantId: "globex-pay", name: "Globex Pay", endpointName: "fraud-globex-pay", modelPackageGroupName: "globex-pay-fraud" },
];

export function tenantDefinition(tenantId: string): TenantDefinition {
  const tenant = TENANTS.find((t) => t.tenantId === tenantId);
  if (!tenant) throw new Error(`No tenant ${tenantId} in infra/tenants.ts`);
  return tenant;
}
