import { ApiError } from "./api-error";
import type { ErrorBody } from "@/lib/errors/error-codes";

/**
 * fetch for our own JSON API from the browser. Non-2xx answers become an ApiError carrying the
 * status and the error body's code, which the QueryClient policy branches on (401 → sign-in).
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiError(0, "network", "The console could not reach the server");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isErrorBody(body) ? body.error : undefined;
    throw new ApiError(response.status, error?.code ?? "internal", error?.message ?? response.statusText, error?.details);
  }
  return body as T;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === "object" && value !== null && "error" in value && typeof (value as ErrorBody).error?.code === "string";
}
