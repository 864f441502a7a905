import "server-only";
import { performance } from "node:perf_hooks";
import { toErrorResponse } from "@/lib/api/error-response";
import type { ApiKeyRecord } from "@/lib/api-keys/api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";

export interface ApiKeyContext {
  req: Request;
  key: ApiKeyRecord;
  /** Always the key's tenant: a payment app cannot name another tenant. */
  tenantId: string;
  /** performance.now() at arrival, before authentication and body parsing. */
  startedAt: number;
}

/**
 * The wrapper of the scoring API's route handlers: tenant API key (not a session, no same-origin
 * check: callers are servers), then the handler; anything thrown becomes the one error body.
 */
export function withApiKey(handler: (ctx: ApiKeyContext) => Promise<Response>): (req: Request) => Promise<Response> {
  return async (req) => {
    const startedAt = performance.now();
    try {
      const key = await authenticateApiKey(req.headers.get("authorization"));
      return await handler({ req, key, tenantId: key.tenantId, startedAt });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
