import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** An unknown API path answers the one error body, not the console's HTML not-found page. */
function notFound(): Response {
  return errorResponse("not_found", "No such API route");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
