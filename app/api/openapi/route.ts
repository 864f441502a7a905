import { openApiDocument } from "@/lib/scoring/openapi-document";

export const runtime = "nodejs";

/** GET /api/openapi: the scoring API's OpenAPI 3 document (public, like any API reference). */
export function GET(req: Request): Response {
  const origin = new URL(req.url).origin;
  return Response.json(openApiDocument(origin), { headers: { "cache-control": "public, max-age=300" } });
}
