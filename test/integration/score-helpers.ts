/** Helpers shared by the scoring integration tests: requests to the route handlers, unique txn ids. */
export function scoreRequest(path: string, body: unknown, apiKey: string | null, init: { raw?: string } = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apiKey !== null) headers.authorization = `Bearer ${apiKey}`;
  return new Request(`http://localhost${path}`, { method: "POST", headers, body: init.raw ?? JSON.stringify(body) });
}

/** Unique txn ids per test run: the stack is shared by every file and the queue is idempotent per id. */
export function txnId(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
