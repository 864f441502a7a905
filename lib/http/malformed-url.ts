import type { ErrorBody } from "@/lib/errors/error-codes";

/**
 * True when a segment of the (still encoded) path has a percent-escape that does not decode:
 * a `%` not followed by two hex digits, or bytes that are not UTF-8 (`%E0%A4%A`). Next's router
 * would throw on such a path while matching a dynamic segment.
 */
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  return pathname.split("/").some((segment) => {
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}

export const MALFORMED_URL_BODY: ErrorBody = {
  error: { code: "bad_request", message: "The URL is not valid: it has a malformed percent-escape" },
};
