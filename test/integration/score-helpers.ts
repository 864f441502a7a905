import { inject } from "vitest";

/** Helpers shared by the scoring integration tests: requests to the route handlers, emulator faults. */
export function scoreRequest(path: string, body: unknown, apiKey: string | null, init: { raw?: string } = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apiKey !== null) headers.authorization = `Bearer ${apiKey}`;
  return new Request(`http://localhost${path}`, { method: "POST", headers, body: init.raw ?? JSON.stringify(body) });
}

export function demoKey(tenantId: string): string {
  const key = inject("demo").apiKeys[tenantId];
  if (!key) throw new Error(`demo seed has no API key for ${tenantId}`);
  return key;
}

/** Unique txn ids per test run: the stack is shared by every file and the queue is idempotent per id. */
export function txnId(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

type Fault = { endpointName: string; variantName?: string; mode: "down" | "error" | "slow"; latencyMs?: number; errorRate?: number };

export async function setFault(fault: Fault): Promise<void> {
  const response = await fetch(`${inject("stackUrls").sagemaker}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`fault not set: ${response.status} ${await response.text()}`);
}

export async function clearFaults(endpointName: string): Promise<void> {
  await fetch(`${inject("stackUrls").sagemaker}/_emulator/faults?endpointName=${encodeURIComponent(endpointName)}`, { method: "DELETE" });
}
