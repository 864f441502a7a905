import { EXPLANATION_STATUSES } from "@/lib/queue/explanation";
import { deploymentApiPaths, deploymentApiSchemas } from "@/lib/deployments/openapi-paths";
import { queueApiPaths, queueApiSchemas, sessionCookieScheme } from "@/lib/queue/openapi-paths";
import { driftApiPaths, driftApiSchemas } from "@/lib/drift/openapi-paths";
import { metricsApiPaths, metricsApiSchemas } from "@/lib/metrics/openapi-paths";
import { promotionApiPaths, promotionApiSchemas } from "@/lib/promotion/openapi-paths";
import { rolloutApiPaths, rolloutApiSchemas } from "@/lib/promotion/rollout-openapi-paths";
import { DECISIONS } from "./decision";
import { batchScoreRequestSchema, MAX_BATCH_BODY_BYTES, MAX_SINGLE_BODY_BYTES, scoreRequestSchema } from "./score-request";
import { asOpenApi } from "./openapi-fragments";

/**
 * The OpenAPI 3 document of the scoring API, served at GET /api/openapi. Request schemas are
 * generated from the zod schemas the route handlers validate with, so the document cannot drift
 * from what the API accepts; responses are written out here.
 */

const nullableNumber = { type: "number", nullable: true };
const reason = {
  type: "object",
  required: ["feature", "label", "value", "description", "attribution"],
  properties: {
    feature: { type: "string", example: "is_rooted_device" },
    label: { type: "string", example: "Rooted or emulated device" },
    value: nullableNumber,
    description: { type: "string", example: "a rooted or emulated device" },
    attribution: { type: "number", description: "SHAP value in log-odds; positive pushes towards fraud" },
  },
};
const ruleHit = {
  type: "object",
  required: ["rule_id", "description", "decision"],
  properties: {
    rule_id: { type: "string" },
    description: { type: "string" },
    decision: { type: "string", enum: ["REVIEW", "SUSPICIOUS"] },
  },
};
const scoreResult = {
  type: "object",
  required: ["txn_id", "decision", "score", "reasons", "explanation", "rule_hits", "model", "degraded", "latency_ms"],
  properties: {
    txn_id: { type: "string" },
    decision: {
      type: "string",
      enum: [...DECISIONS],
      description: "LEGIT = approve; REVIEW = step up (MFA), an analyst reviews; SUSPICIOUS = decline, an analyst reviews",
    },
    score: {
      ...nullableNumber,
      minimum: 0,
      maximum: 1,
      description: "Fraud probability; null when a rule decided or the model did not answer",
    },
    reasons: {
      type: "array",
      items: { $ref: "#/components/schemas/Reason" },
      description:
        "Top features pushing towards fraud, for REVIEW and SUSPICIOUS answers once explained. The answer never waits for " +
        "Clarify: for a flagged transaction `reasons` is empty and `explanation` is `pending`; the reasons are written " +
        "onto its review-queue item a moment later (a retry with the same txn_id returns them once `ready`). Tenants with " +
        "synchronous reasons get them in the answer when they arrive within the timeout budget. Always empty for LEGIT.",
    },
    explanation: {
      type: "string",
      enum: [...EXPLANATION_STATUSES],
      description:
        "Where the SHAP explanation is: `pending` (being computed after the answer), `ready` (`reasons` filled), " +
        "`failed` (gave up after bounded retries; the queue item says why), `none` (LEGIT, a rule decided, or degraded)",
    },
    rule_hits: { type: "array", items: { $ref: "#/components/schemas/RuleHit" } },
    model: {
      type: "object",
      required: ["endpoint", "variant", "version"],
      properties: {
        endpoint: { type: "string" },
        variant: { type: "string", nullable: true },
        version: { type: "string", nullable: true },
      },
    },
    degraded: { type: "boolean", description: "True when the model failed or exceeded the tenant's budget and rules + fail mode decided" },
    latency_ms: { type: "number" },
  },
};
const errorBody = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string", example: "amount: Too small: expected number to be >=0" },
        details: {},
      },
    },
  },
};

const errors = (extra: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries({
      "400": "Invalid input; error.message and error.details.issues[].field name the field",
      "401": "Missing, unknown or revoked API key",
      ...extra,
      "503": "The review queue could not be written; retry with the same txn_id (idempotent)",
    }).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );

const ok = (ref: string) => ({ description: "Decided", content: { "application/json": { schema: { $ref: ref } } } });

export function openApiDocument(serverUrl?: string) {
  return {
    openapi: "3.0.3",
    info: {
      title: "Fraud Console scoring API",
      version: "1.0.0",
      description:
        "Decisions for payment transactions from the tenant's SageMaker model, the tenant's rules and thresholds. " +
        "Model trouble never becomes a 5xx: the answer is then `degraded`. REVIEW and SUSPICIOUS transactions are queued " +
        "for analysts once per txn_id; a retry of a queued txn_id gets the original decision. The answer never waits for " +
        "the SHAP explanation (Clarify's Kernel SHAP costs hundreds of milliseconds per record on AWS): see `explanation`.",
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    security: [{ apiKey: [] }],
    paths: {
      "/api/score": {
        post: {
          operationId: "scoreTransaction",
          summary: "Score one transaction",
          requestBody: {
            required: true,
            description: `At most ${MAX_SINGLE_BODY_BYTES / 1024} KB. Only txn_id and amount are required.`,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Transaction" },
                example: { txn_id: "1", amount: 50, device: "mobile" },
              },
            },
          },
          responses: {
            "200": ok("#/components/schemas/ScoreResult"),
            ...errors({
              "413": `Body over ${MAX_SINGLE_BODY_BYTES} bytes`,
              "429": "Over the API key's rate limit (tenant setting, requests per second); retry after the Retry-After header's seconds",
            }),
          },
        },
      },
      "/api/score/batch": {
        post: {
          operationId: "scoreBatch",
          summary: "Score up to 1,000 transactions",
          requestBody: {
            required: true,
            description: `At most ${MAX_BATCH_BODY_BYTES / 1024 / 1024} MB. One invalid transaction refuses the batch (the field is named, e.g. transactions.3.amount).`,
            content: { "application/json": { schema: { $ref: "#/components/schemas/BatchRequest" } } },
          },
          responses: {
            "200": ok("#/components/schemas/BatchResult"),
            ...errors({
              "413": `Body over ${MAX_BATCH_BODY_BYTES} bytes`,
              "429": "Over the API key's rate limit (tenant setting, requests per second); retry after the Retry-After header's seconds",
            }),
          },
        },
      },
      ...queueApiPaths,
      ...driftApiPaths,
      ...metricsApiPaths,
      ...promotionApiPaths,
      ...rolloutApiPaths,
      ...deploymentApiPaths,
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "Tenant API key (fc_live_…), created by an admin" },
        sessionCookie: sessionCookieScheme,
      },
      schemas: {
        Transaction: asOpenApi(scoreRequestSchema),
        BatchRequest: asOpenApi(batchScoreRequestSchema),
        ScoreResult: scoreResult,
        BatchResult: {
          type: "object",
          required: ["results"],
          properties: { results: { type: "array", items: { $ref: "#/components/schemas/ScoreResult" } } },
        },
        Reason: reason,
        RuleHit: ruleHit,
        Error: errorBody,
        ...queueApiSchemas,
        ...driftApiSchemas,
        ...metricsApiSchemas,
        ...promotionApiSchemas,
        ...rolloutApiSchemas,
        ...deploymentApiSchemas,
      },
    },
  };
}
