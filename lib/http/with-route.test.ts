import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors/app-error";
import { makeWithRoute, withPublicRoute } from "./with-route";

const analyst: SessionUser = { id: "a@bank.test", email: "a@bank.test", name: "A", tenantId: "acme-bank", role: "analyst" };

/** A resolver that behaves like requireApiSession for a given (or absent) user. */
function resolverFor(user: SessionUser | null) {
  return vi.fn(({ roles }: { roles?: readonly Role[] }) => {
    if (!user) return Promise.reject(new AppError("unauthorized", "Sign in to continue"));
    if (roles && !roles.includes(user.role)) return Promise.reject(new AppError("forbidden", "Not for your role"));
    return Promise.resolve(user);
  });
}

const noParams = { params: Promise.resolve({}) };

describe("withRoute", () => {
  it("hands the handler the session, the session's tenant and the awaited params", async () => {
    const withRoute = makeWithRoute(resolverFor(analyst));
    const route = withRoute<{ id: string }>(({ tenantId, params, session }) =>
      Response.json({ tenantId, id: params.id, role: session.role }),
    );
    const response = await route(new Request("http://localhost/api/items/7"), { params: Promise.resolve({ id: "7" }) });
    expect(await response.json()).toEqual({ tenantId: "acme-bank", id: "7", role: "analyst" });
  });

  it("answers 401 JSON when signed out, without running the handler", async () => {
    const handler = vi.fn(() => new Response("no"));
    const response = await makeWithRoute(resolverFor(null))(handler)(new Request("http://localhost/api/x"), noParams);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 JSON for a role outside the route's roles", async () => {
    const handler = vi.fn(() => new Response("no"));
    const route = makeWithRoute(resolverFor(analyst))(handler, { roles: ["ml_engineer", "admin"] });
    const response = await route(new Request("http://localhost/api/endpoints"), noParams);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a cross-site mutation before looking at the session", async () => {
    const resolve = resolverFor(analyst);
    const route = makeWithRoute(resolve)(() => new Response("no"));
    const req = new Request("http://localhost/api/x", { method: "POST", headers: { "sec-fetch-site": "cross-site" } });
    const response = await route(req, noParams);
    expect(response.status).toBe(403);
    expect(resolve).not.toHaveBeenCalled();
  });

  it("turns a zod error thrown by the handler into a 400 naming the field", async () => {
    const route = makeWithRoute(resolverFor(analyst))(() => {
      z.object({ verdict: z.enum(["fraud", "legit"]) }).parse({ verdict: "maybe" });
      return new Response("unreachable");
    });
    const response = await route(new Request("http://localhost/api/x"), noParams);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/^verdict: /) as string } });
  });
});

describe("withPublicRoute", () => {
  it("passes responses through and maps errors to the error body", async () => {
    expect((await withPublicRoute(() => new Response("fine"))(new Request("http://localhost/"))).status).toBe(200);
    const failing = withPublicRoute(() => Promise.reject(new AppError("unavailable", "Down")));
    const response = await failing(new Request("http://localhost/"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: "unavailable", message: "Down" } });
  });
});
