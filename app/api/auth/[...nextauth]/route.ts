import NextAuth from "next-auth";
import { authOptions } from "@/lib/http/auth-options";

// Only the handlers are exported: a route module may not export anything else (authOptions lives in lib/auth).
const handler = NextAuth(authOptions) as (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

export { handler as GET, handler as POST };
