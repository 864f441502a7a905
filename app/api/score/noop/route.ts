export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * An empty route handler in the same build as POST /api/score: `npm run bench:score` measures it as
 * the framework's ceiling (routing, request and response objects, no work). No auth: it does nothing.
 */
export function POST(): Response {
  return Response.json({ ok: true });
}
