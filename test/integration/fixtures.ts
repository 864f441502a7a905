import { inject } from "vitest";
import { POST as scoreRoute } from "@/app/api/score/route";
import { createTestTenantRecords, deleteTestEndpoint, type TestTenantOptions, type TestTenantRecord } from "@/test/support/test-tenant";
import { scoreRequest } from "./score-helpers";

export { TEST_SETTINGS, uniqueName } from "@/test/support/test-tenant";

/**
 * A tenant and SageMaker endpoint of the test's own (test/support/test-tenant.ts): files run in
 * parallel against one stack, so a test that changes shared state (faults, weights, settings,
 * thresholds, rules, claims, verdicts, rate limits) does it here, never on the demo's tenants.
 */
export interface TestTenant extends TestTenantRecord {
  /** POST /api/score through the route handler with this tenant's key. */
  score(body: unknown): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>;
  setFault(fault: Omit<Fault, "endpointName">): Promise<void>;
  clearFaults(): Promise<void>;
  dispose(): Promise<void>;
}

type Fault = {
  endpointName: string;
  variantName?: string;
  mode: "down" | "error" | "slow" | "control-plane";
  latencyMs?: number;
  errorRate?: number;
  errorCode?: "InternalFailure" | "ServiceUnavailable" | "ThrottlingException";
};

export async function createTestTenant(options: TestTenantOptions): Promise<TestTenant> {
  const record = await createTestTenantRecords(options);
  const { endpointName, apiKey } = record;
  return {
    ...record,
    score: async (body) => {
      const response = await scoreRoute(scoreRequest("/api/score", body, apiKey));
      return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
    },
    setFault: (fault) => setFault({ ...fault, endpointName }),
    clearFaults: () => clearFaults(endpointName),
    dispose: async () => {
      await clearFaults(endpointName);
      await deleteTestEndpoint(endpointName);
    },
  };
}

async function setFault(fault: Fault): Promise<void> {
  const response = await fetch(`${inject("stackUrls").sagemaker}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`fault not set: ${response.status} ${await response.text()}`);
}

async function clearFaults(endpointName: string): Promise<void> {
  const response = await fetch(`${inject("stackUrls").sagemaker}/_emulator/faults?endpointName=${encodeURIComponent(endpointName)}`, {
    method: "DELETE",
  });
  if (!response.ok) throw new Error(`faults not cleared: ${response.status} ${await response.text()}`);
}
