import { z } from "zod";

/**
 * The pieces every part of the OpenAPI document (lib/<domain>/openapi-paths.ts, merged by
 * openapi-document.ts) writes the same way: the console's session cookie, JSON responses by
 * component schema, the one error body, and request schemas generated from the routes' zod schemas.
 */
export const sessionSecurity = [{ sessionCookie: [] }];

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A JSON response whose body is the named component schema. */
export const jsonResponse = (schema: string, description = "OK") => ({
  description,
  content: { "application/json": { schema: schemaRef(schema) } },
});

/** A required JSON request body: the named component schema, or one written inline. */
export const jsonRequestBody = (schema: string | Record<string, unknown>) => ({
  required: true,
  content: { "application/json": { schema: typeof schema === "string" ? schemaRef(schema) : schema } },
});

/** A response with the one error body `{ error: { code, message, details? } }`. */
export const errorResponse = (description: string) => jsonResponse("Error", description);

/** An optional query parameter. */
export const queryParam = (name: string, schema: Record<string, unknown>, description: string) => ({
  name,
  in: "query",
  required: false,
  schema,
  description,
});

/** The request-side JSON Schema of a zod schema, as OpenAPI 3.0 reads it. */
export const asOpenApi = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", target: "openapi-3.0", unrepresentable: "any" });
