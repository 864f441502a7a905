import { queryOptions } from "@tanstack/react-query";
import type { UserSummary } from "@/lib/users/user";
import { apiFetch } from "./api-fetch";

/** A tenant's users (GET /api/users, PATCH /api/users/{email}). */
export const usersKeys = { all: ["users"] as const };

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: usersKeys.all,
    queryFn: () => apiFetch<{ users: UserSummary[] }>("/api/users"),
  });

export function patchUser(email: string, body: { enabled: boolean; reason?: string }): Promise<{ user: UserSummary }> {
  return apiFetch(`/api/users/${encodeURIComponent(email)}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
