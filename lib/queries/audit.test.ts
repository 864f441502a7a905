import { describe, expect, it } from "vitest";
import { auditApiQuery, auditSearchFromParams, auditSearchToParams } from "./audit";

describe("audit filters in the URL", () => {
  it("reads filters, dropping malformed dates", () => {
    expect(auditSearchFromParams({ action: "settings.", actor: " a@b.test ", from: "2026-11-01", to: "yesterday" })).toEqual({
      action: "settings.",
      actor: "a@b.test",
      from: "2026-11-01",
      to: undefined,
    });
    expect(auditSearchFromParams(new URLSearchParams("to=2026-02-31x"))).toEqual({
      action: undefined,
      actor: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it("round-trips through the URL and turns days into inclusive ISO bounds for the API", () => {
    const search = { action: "api_key.", from: "2026-11-01", to: "2026-11-02" };
    expect(auditSearchFromParams(auditSearchToParams(search))).toEqual({ ...search, actor: undefined });
    const query = auditApiQuery(search, "abc");
    expect(Object.fromEntries(query)).toEqual({
      action: "api_key.",
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-02T23:59:59.999Z",
      limit: "25",
      cursor: "abc",
    });
  });
});
