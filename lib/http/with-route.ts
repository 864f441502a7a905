import "server-only";
import { requireApiSession } from "@/lib/http/require-session";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { toErrorResponse } from "./error-response";
import { assertSameOrigin } from "./same-origin";

type Params = Record<string, string | string[]>;

/** What Next passes a route handler as its second argument (params is a promise since Next 15). */
export interface NextRouteContext<P extends Params> {
  params: Promise<P>;
}

export interface RouteContext<P extends Params> {
  req: Request;
  params: P;
  session: SessionUser;
  /** Always the session's tenant: never read a tenant from the URL or body. */
  tenantId: string;
}

export interface RouteOptions {
  /** Roles that may call the route; omitted = any signed-in user. */
  roles?: readonly Role[];
}

type SessionResolver = (options: RouteOptions) => Promise<SessionUser>;

/**
 * Builds the wrapper every session-authenticated route handler uses: same-origin check for
 * mutations, session and role, then the handler; anything thrown becomes the one error body.
 * The session resolver is injectable so the wrapper is unit-testable without next-auth.
 */
export function makeWithRoute(resolveSession: SessionResolver) {
  return function withRoute<P extends Params = Params>(
    handler: (ctx: RouteContext<P>) => Promise<Response> | Response,
    options: RouteOptions = {},
  ): (req: Request, context: NextRouteContext<P>) => Promise<Response> {
    return async (req, context) => {
      try {
        assertSameOrigin(req);
        const session = await resolveSession(options);
        const params = await context.params;
        return await handler({ req, params, session, tenantId: session.tenantId });
      } catch (error) {
        return toErrorResponse(error);
      }
    };
  };
}

export const withRoute = makeWithRoute((options) => requireApiSession(options));

/** For public routes (health): error handling only, no session. */
export function withPublicRoute(handler: (req: Request) => Promise<Response> | Response): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      return await handler(req);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
