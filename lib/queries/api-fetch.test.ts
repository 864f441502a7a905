import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFetch } from "./api-fetch";
import { ApiError } from "./api-error";

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  it("returns the JSON of a 2xx answer", async () => {
    vi.stubGlobal("fetch", () => Promise.resolve(Response.json({ items: [1] })));
    expect(await apiFetch("/api/x")).toEqual({ items: [1] });
  });

  it("turns the one error body into an ApiError with status and code", async () => {
    vi.stubGlobal("fetch", () =>
      Promise.resolve(Response.json({ error: { code: "forbidden", message: "Not for analysts" } }, { status: 403 })),
    );
    const error = await apiFetch("/api/endpoints").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: "forbidden", message: "Not for analysts" });
  });

  it("reports a network failure as status 0", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    await expect(apiFetch("/api/x")).rejects.toMatchObject({ status: 0, code: "network" });
  });
});
