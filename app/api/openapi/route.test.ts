import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/openapi", () => {
  it("serves the OpenAPI 3 document with this server's origin", async () => {
    const response = GET(new Request("http://console.example:3000/api/openapi"));
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; servers: Array<{ url: string }>; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.servers).toEqual([{ url: "http://console.example:3000" }]);
    expect(doc.paths).toHaveProperty("/api/score");
  });
});
