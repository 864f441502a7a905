import "server-only";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { signInPath } from "@/lib/auth/callback-url";
import { checkAccess } from "@/lib/auth/check-access";
import { getSession } from "./get-session";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

export interface RequireSessionOptions {
  /** Roles that may continue; omitted = any signed-in user. */
  roles?: readonly Role[];
  /** Where to return after signing in (the page's own path). */
  callbackUrl?: string;
}

/**
 * For server pages and layouts: the signed-in user, or a redirect to /signin when signed out,
 * or the 403 page (app/forbidden.tsx) when the role may not see the page.
 */
export async function requireSession(options: RequireSessionOptions = {}): Promise<SessionUser> {
  const access = checkAccess(await getSession(), options.roles);
  if (access.ok) return access.user;
  if (access.reason === "forbidden") forbidden();
  redirect(signInPath(options.callbackUrl));
}

/** For route handlers: the signed-in user, or an AppError answered as 401 / 403 JSON. */
export async function requireApiSession(options: { roles?: readonly Role[] } = {}): Promise<SessionUser> {
  const access = checkAccess(await getSession(), options.roles);
  if (access.ok) return access.user;
  if (access.reason === "forbidden") throw new AppError("forbidden", "Your role may not use this resource");
  throw new AppError("unauthorized", "Sign in to continue");
}
