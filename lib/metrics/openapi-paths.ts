import { MAX_POINTS } from "./endpoint-metrics";
import { errorResponse as error, sessionSecurity as session } from "@/lib/scoring/openapi-fragments";

/**
 * GET /api/endpoints/{name}/metrics in the OpenAPI document (merged by lib/scoring/openapi-document.ts).
 * Session cookie, ml_engineer or admin.
 */
const nullableNumber = { type: "number", nullable: true };
const rate = { ...nullableNumber, description: "Share of the invocations, 0..1; null without invocations" };
const millis = { ...nullableNumber, description: "ModelLatency percentile in milliseconds" };

export const metricsApiPaths = {
  "/api/endpoints/{name}/metrics": {
    get: {
      operationId: "getEndpointMetrics",
      summary: "Per-variant invocations, 4xx/5xx rates and ModelLatency p50/p95 from CloudWatch",
      description:
        "One CloudWatch GetMetricData call (namespace AWS/SageMaker, per EndpointName and VariantName): a series per period and the " +
        "figures over the whole window. Bounds are rounded out to the minute. `name` must be the tenant's own endpoint.",
      security: session,
      parameters: [
        { name: "name", in: "path", required: true, schema: { type: "string" } },
        {
          name: "from",
          in: "query",
          required: false,
          schema: { type: "string", format: "date-time" },
          description: "Default: an hour before `to`",
        },
        { name: "to", in: "query", required: false, schema: { type: "string", format: "date-time" }, description: "Default: now" },
        {
          name: "period",
          in: "query",
          required: false,
          schema: { type: "integer" },
          description: `Seconds per point: 1, 5, 10, 20, 30 or a multiple of 60, at most ${MAX_POINTS} points. Default: 60 up to an hour, 900 for 24 h`,
        },
      ],
      responses: {
        "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/EndpointMetrics" } } } },
        "400": error("A bound that is not an ISO date-time, from not before to, a range over 15 days, or a bad period"),
        "401": error("Not signed in"),
        "403": error("Analysts may not read endpoint metrics"),
        "404": error("Not the tenant's endpoint"),
        "503": error("SageMaker or CloudWatch did not answer"),
      },
    },
  },
};

const figures = (required: string[]) => ({
  invocations: { type: "number", ...(required.includes("invocations") ? {} : { nullable: true }) },
  rate4xx: rate,
  rate5xx: rate,
  p50Ms: millis,
  p95Ms: millis,
});

export const metricsApiSchemas = {
  EndpointMetrics: {
    type: "object",
    required: ["endpointName", "from", "to", "period", "variants"],
    properties: {
      endpointName: { type: "string" },
      from: { type: "string", format: "date-time" },
      to: { type: "string", format: "date-time" },
      period: { type: "integer" },
      variants: {
        type: "array",
        items: {
          type: "object",
          required: ["variantName", "isShadow", "summary", "series"],
          properties: {
            variantName: { type: "string" },
            isShadow: { type: "boolean" },
            summary: {
              type: "object",
              properties: { ...figures(["invocations"]), errors4xx: { type: "number" }, errors5xx: { type: "number" } },
            },
            series: {
              type: "array",
              items: { type: "object", properties: { t: { type: "string", format: "date-time" }, ...figures([]) } },
            },
          },
        },
      },
    },
  },
};
