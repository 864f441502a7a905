import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi-document";

describe("openApiDocument", () => {
  const doc = openApiDocument("http://localhost:3000");

  it("is an OpenAPI 3 document of both scoring operations with bearer auth", () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/score", "/api/score/batch"]));
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("derives the transaction schema from the zod schema the route validates with", () => {
    const transaction = doc.components.schemas.Transaction as { required: string[]; properties: Record<string, { enum?: string[] }> };
    expect(transaction.required).toEqual(["txn_id", "amount"]);
    expect(transaction.properties.device?.enum).toContain("rooted-phone");
    expect(Object.keys(transaction.properties)).toEqual(expect.arrayContaining(["currency", "geo", "merchant_category"]));
  });

  it("says what a flagged answer holds while its explanation is pending", () => {
    const result = doc.components.schemas.ScoreResult as {
      required: string[];
      properties: Record<string, { enum?: string[]; description?: string }>;
    };
    expect(result.required).toEqual(expect.arrayContaining(["reasons", "explanation"]));
    expect(result.properties.explanation?.enum).toEqual(["pending", "ready", "failed", "none"]);
    expect(result.properties.reasons?.description).toMatch(/reasons` is empty and `explanation` is `pending`/);
    const detail = doc.components.schemas.TransactionDetail as { required: string[] };
    expect(detail.required).toContain("explanation");
  });

  it("documents the deployment APIs with the request bodies their routes validate", () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/endpoints/{name}",
        "/api/endpoints/{name}/weights",
        "/api/endpoints/{name}/rollback",
        "/api/rollbacks",
        "/api/rollbacks/{id}",
      ]),
    );
    const weights = doc.components.schemas.SetWeightsRequest as { required: string[] };
    expect(weights.required).toEqual(expect.arrayContaining(["weights", "reason", "expectedVersion"]));
  });

  it("resolves every $ref", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1] ?? "");
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
  });
});
