import { DEFAULT_CANARY_PERCENT, MAX_CANARY_PERCENT, MIN_CANARY_PERCENT } from "./deploy-candidate";
import { DEFAULT_PROMOTION_GUARDRAILS as G } from "./guardrails";
import { errorResponse as error, jsonRequestBody, jsonResponse as json, sessionSecurity as session } from "@/lib/scoring/openapi-fragments";

/**
 * Shadow, canary, promotion and backtest routes in the OpenAPI document (merged by
 * lib/scoring/openapi-document.ts). Session cookie, ml_engineer or admin; analysts get 403.
 */
const versionParam = { name: "version", in: "path", required: true, schema: { type: "string" }, description: "Registry version, e.g. 3" };
const common = { "401": error("Not signed in"), "403": error("Analysts may not change deployments; cross-site request") };

export const rolloutApiPaths = {
  "/api/models/{version}/deploy": {
    post: {
      operationId: "deployModelVersion",
      summary: "Deploy an approved version as a shadow or a canary (a new endpoint config, recorded and audited)",
      security: session,
      parameters: [versionParam],
      requestBody: jsonRequestBody({
        type: "object",
        required: ["endpoint", "mode"],
        properties: {
          endpoint: { type: "string", description: "The tenant's endpoint" },
          mode: { type: "string", enum: ["shadow", "canary"] },
          weight: {
            type: "number",
            minimum: MIN_CANARY_PERCENT,
            maximum: MAX_CANARY_PERCENT,
            description: `Canary share in percent (default ${DEFAULT_CANARY_PERCENT}); not for a shadow`,
          },
          reason: { type: "string" },
        },
      }),
      responses: {
        "200": json("Deployment"),
        "400": error("Invalid body (the field is named)"),
        ...common,
        "404": error("Unknown version or not the tenant's endpoint"),
        "409": error(
          "model_not_approved (only Approved versions), deployment_conflict (a shadow beside a live canary, already production, a concurrent change)",
        ),
      },
    },
  },
  "/api/endpoints/{name}/promote": {
    get: {
      operationId: "checkPromotion",
      summary: "What a promotion of the canary would be judged on now, and every reason it would be refused",
      description:
        "The same check the POST applies: the error budget's freeze, then the canary's requests, 5xx rate and p95 ModelLatency " +
        "over the last hour against production's, by the tenant's guardrails (settings.promotionGuardrails). `blockers` lists " +
        "every refusal in order (the first is the POST's answer); `allowed` is true when there is none.",
      security: session,
      parameters: [
        { name: "name", in: "path", required: true, schema: { type: "string" } },
        { name: "variant", in: "query", required: false, schema: { type: "string", default: "canary" } },
      ],
      responses: {
        "200": {
          description: "OK",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["allowed", "blockers", "health", "guardrails", "freeze"],
                properties: {
                  allowed: { type: "boolean" },
                  blockers: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        code: { type: "string", enum: ["budget_frozen", "canary_too_few_requests", "canary_unhealthy"] },
                        message: { type: "string" },
                      },
                    },
                  },
                  variant: { type: "string" },
                  canaryVersion: { type: "integer" },
                  canaryWeight: { type: "number" },
                  productionVersion: { type: "integer" },
                  health: { type: "object", description: "canary and production: requests, errors5xx, p95LatencyMs over the hour" },
                  guardrails: { type: "object" },
                  freeze: { type: "object", description: "frozen, frozenSince, frozenUntil" },
                },
              },
            },
          },
        },
        ...common,
        "404": error("Not the tenant's endpoint"),
        "409": error("no_canary, model_not_approved"),
      },
    },
    post: {
      operationId: "promoteCanary",
      summary: "Promote the canary to 100% (the old production variant retired in a new config; the previous one kept for the rollback)",
      description:
        `Refused unless, over the last hour, the canary served at least ${G.minCanaryRequests} requests, its 5xx rate is at most ` +
        `${G.max5xxRateExcess * 100} points above production's and its p95 ModelLatency at most production's × ${G.maxP95LatencyRatio} + ` +
        `${G.p95LatencySlackMs} ms, and the error budget is not frozen (the defaults; each is a tenant setting, settings.promotionGuardrails).`,
      security: session,
      parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
      requestBody: jsonRequestBody({
        type: "object",
        required: ["variant", "reason"],
        properties: { variant: { type: "string" }, reason: { type: "string" } },
      }),
      responses: {
        "200": json("Deployment"),
        "400": error("Invalid body"),
        ...common,
        "404": error("Not the tenant's endpoint"),
        "409": error("budget_frozen, canary_too_few_requests, canary_unhealthy, no_canary, model_not_approved, deployment_conflict"),
      },
    },
  },
  "/api/models/{version}/comparison": {
    get: {
      operationId: "getShadowComparison",
      summary:
        "The shadow's decisions against production's over a window (decision matrix, changed share, correlation, precision/recall on verdicts)",
      security: session,
      parameters: [
        versionParam,
        {
          name: "from",
          in: "query",
          required: false,
          schema: { type: "string", format: "date-time" },
          description: "Default: when the shadow was deployed",
        },
        { name: "to", in: "query", required: false, schema: { type: "string", format: "date-time" }, description: "Default: now" },
      ],
      responses: {
        "200": json("ShadowComparison"),
        "400": error("A bound that is not an ISO date-time, or from not before to"),
        ...common,
        "404": error("Unknown version"),
        "409": error("deployment_conflict: the version is not the endpoint's shadow"),
      },
    },
  },
  "/api/models/{version}/backtest": {
    post: {
      operationId: "startBacktest",
      summary: "Replay a window of captured traffic through a version (any approval status) and compare with the decisions served",
      security: session,
      parameters: [versionParam],
      requestBody: jsonRequestBody({
        type: "object",
        required: ["from", "to"],
        properties: {
          from: { type: "string", format: "date-time" },
          to: { type: "string", format: "date-time", description: "At most 31 days after from" },
        },
      }),
      responses: {
        "202": {
          description: "Started; follow it with GET /api/backtests/{id}",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["id", "backtest"],
                properties: { id: { type: "string" }, backtest: { $ref: "#/components/schemas/Backtest" } },
              },
            },
          },
        },
        "400": error("Invalid window"),
        ...common,
        "404": error("Unknown version"),
        "409": error("backtest_running: one at a time per tenant (details.id names the running one)"),
      },
    },
  },
  "/api/backtests": {
    get: {
      operationId: "listBacktests",
      summary: "The tenant's ten latest backtests, newest first",
      security: session,
      responses: { "200": { description: "OK" }, ...common },
    },
  },
  "/api/backtests/{id}": {
    get: {
      operationId: "getBacktest",
      summary: "A backtest's status, progress and (running) comparison",
      security: session,
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": json("Backtest"),
        "400": error("Not a backtest id"),
        ...common,
        "404": error("Not the tenant's backtest"),
      },
    },
  },
  "/api/backtests/{id}/cancel": {
    post: {
      operationId: "cancelBacktest",
      summary: "Ask a running backtest to stop (it ends `cancelled` at its next step)",
      security: session,
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": json("Backtest"),
        ...common,
        "404": error("Not the tenant's backtest"),
        "409": error("It has already ended"),
      },
    },
  },
};

const count = { type: "integer" };
const nullableNumber = { type: "number", nullable: true };
const quality = {
  type: "object",
  properties: { truePositives: count, falsePositives: count, falseNegatives: count, precision: nullableNumber, recall: nullableNumber },
};
const decisionRow = { type: "object", properties: { LEGIT: count, REVIEW: count, SUSPICIOUS: count } };

export const rolloutApiSchemas = {
  Deployment: { type: "object", description: "The endpoint's deployment record after the change (lib/deployments)" },
  Comparison: {
    type: "object",
    properties: {
      thresholds: { type: "object", properties: { review: { type: "number" }, suspicious: { type: "number" } } },
      transactions: count,
      unmatched: { type: "object", properties: { production: count, candidate: count } },
      matrix: {
        type: "object",
        description: "Rows: production's decision; columns: the candidate's",
        properties: { LEGIT: decisionRow, REVIEW: decisionRow, SUSPICIOUS: decisionRow },
      },
      changed: count,
      changedShare: nullableNumber,
      scoreCorrelation: nullableNumber,
      meanScore: { type: "object", properties: { production: nullableNumber, candidate: nullableNumber } },
      verdicts: {
        type: "object",
        properties: {
          labelled: count,
          fraud: count,
          missingForProductionFlags: count,
          missingForCandidateOnlyFlags: count,
          production: quality,
          candidate: quality,
        },
      },
    },
  },
  ShadowComparison: {
    type: "object",
    properties: {
      version: count,
      endpointName: { type: "string" },
      productionVariant: { type: "string" },
      productionVersion: count,
      shadowSince: { type: "string", nullable: true },
      from: { type: "string", format: "date-time" },
      to: { type: "string", format: "date-time" },
      comparison: { $ref: "#/components/schemas/Comparison" },
    },
  },
  Backtest: {
    type: "object",
    properties: {
      id: { type: "string" },
      version: count,
      from: { type: "string", format: "date-time" },
      to: { type: "string", format: "date-time" },
      status: { type: "string", enum: ["running", "succeeded", "failed", "cancelled"] },
      progress: {
        type: "object",
        properties: {
          fraction: { type: "number" },
          readThrough: { type: "string", nullable: true },
          rowsScored: count,
          unreadableLines: count,
        },
      },
      comparison: { allOf: [{ $ref: "#/components/schemas/Comparison" }], nullable: true },
      cancelRequested: { type: "boolean" },
      error: { type: "string", nullable: true },
    },
  },
};
