import "server-only";
import { getServerSession, type Session } from "next-auth";
import { cache } from "react";
import { authOptions } from "./auth-options";

/**
 * The current request's session (server components, route handlers), or null when signed out.
 * Cached per server render: the console layout and the page both ask, the JWT is decoded once.
 */
export const getSession = cache((): Promise<Session | null> => getServerSession(authOptions));
