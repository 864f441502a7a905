import { z } from "zod";
import { DRIFT_STATUSES, DRIFT_TRIGGERS } from "./drift-run";
import { driftRunRequestSchema } from "./drift-request";
import { errorResponse as error, jsonRequestBody, jsonResponse as json, sessionSecurity as session } from "@/lib/scoring/openapi-fragments";

/**
 * The drift API's part of the OpenAPI document (merged by lib/scoring/openapi-document.ts). Session
 * cookie routes for ml_engineer and admin (analysts get 403). The request body is generated from
 * the zod schema the route validates with; responses are written out here.
 */
const common = { "401": error("Not signed in"), "403": error("Only ML engineers and admins see drift") };
const num = { type: "number", nullable: true };
const status = { type: "string", enum: [...DRIFT_STATUSES], description: "`insufficient`: fewer records than the tenant's minimum sample" };

const feature = {
  type: "object",
  required: ["feature", "type", "records", "psi", "meanShift", "missingRate", "importance", "status"],
  properties: {
    feature: { type: "string", example: "amount" },
    label: { type: "string" },
    type: { type: "string", enum: ["numeric", "categorical", "boolean"] },
    records: { type: "integer" },
    psi: { ...num, description: "Population stability index on the baseline's bins plus a missing bin (fractions floored at 0.0001)" },
    ks: { ...num, description: "Kolmogorov–Smirnov D (numeric); never decisive alone" },
    wasserstein: { ...num, description: "Wasserstein-1 / baseline standard deviation (numeric)" },
    js: { ...num, description: "Jensen–Shannon distance, base 2 (categorical)" },
    chiSquare: { ...num, description: "χ² statistic on the training categories (categorical); never decisive alone" },
    meanShift: { ...num, description: "|mean − training mean| / |training mean|" },
    missingRate: { type: "number" },
    baselineMissingRate: num,
    unseenShare: { ...num, description: "Share of values never seen in training (categorical), reported on its own" },
    importance: { type: "number", description: "Production model's mean |SHAP| (the feature's weight)" },
    violations: { type: "array", items: { type: "string", enum: ["psi", "wasserstein", "js", "meanShift", "unseenShare"] } },
    status,
  },
};
const score = {
  type: "object",
  required: ["variant", "modelVersion", "records", "psi", "status"],
  properties: {
    variant: { type: "string" },
    modelVersion: { type: "string" },
    records: { type: "integer" },
    psi: num,
    ks: num,
    wasserstein: num,
    meanShift: num,
    mean: num,
    baselineMean: num,
    status,
  },
};
const recommendation = {
  type: "object",
  nullable: true,
  description:
    "Retraining recommended: the run's drift weighs at least the tenant's share of the model's importance. Notified once per episode.",
  properties: {
    episodeId: { type: "string" },
    openedAt: { type: "string", format: "date-time" },
    isNew: { type: "boolean", description: "This run opened the episode" },
    weight: { type: "number" },
    threshold: { type: "number" },
    features: { type: "array", items: { type: "string" } },
  },
};
const runProperties = {
  id: { type: "string" },
  endpoint: { type: "string" },
  from: { type: "string", format: "date-time" },
  to: { type: "string", format: "date-time", description: "Exclusive: the run covers [from, to)" },
  createdAt: { type: "string", format: "date-time" },
  trigger: { type: "string", enum: [...DRIFT_TRIGGERS] },
  actor: { type: "string" },
  records: { type: "integer" },
  baselineVersion: { type: "string", description: "Model version whose training baseline the features were compared to" },
  weightedViolation: { type: "number" },
  importanceSource: { type: "string", enum: ["shap", "uniform"] },
  recommendation,
  thresholds: { type: "object", additionalProperties: { type: "number" } },
};
const required = ["id", "endpoint", "from", "to", "records", "baselineVersion", "features", "score", "recommendation"];

export const driftApiSchemas = {
  DriftFeature: feature,
  DriftScore: score,
  DriftRun: {
    type: "object",
    required,
    properties: {
      ...runProperties,
      features: { type: "array", items: { $ref: "#/components/schemas/DriftFeature" } },
      score: { type: "array", items: { $ref: "#/components/schemas/DriftScore" } },
    },
  },
  DriftRunSummary: {
    type: "object",
    required,
    description: "A run of the history: headline figures per feature (psi, wasserstein, js, meanShift, unseenShare, status)",
    properties: {
      ...runProperties,
      features: { type: "array", items: { type: "object", additionalProperties: true } },
      score: { type: "array", items: { type: "object", additionalProperties: true } },
    },
  },
  DriftOverview: {
    type: "object",
    required: ["endpoint", "latest", "runs"],
    properties: {
      endpoint: { type: "string" },
      latest: { nullable: true, allOf: [{ $ref: "#/components/schemas/DriftRun" }] },
      runs: { type: "array", items: { $ref: "#/components/schemas/DriftRunSummary" }, description: "Newest first" },
    },
  },
  DriftHistograms: {
    type: "object",
    required: ["runId", "feature", "bins"],
    properties: {
      runId: { type: "string" },
      feature: { type: "string" },
      label: { type: "string" },
      baselineVersion: { type: "string" },
      baselineRecords: { type: "integer", nullable: true },
      currentRecords: { type: "integer" },
      bins: {
        type: "array",
        items: {
          type: "object",
          required: ["label", "kind", "baseline", "current"],
          properties: {
            label: { type: "string" },
            kind: { type: "string", enum: ["bin", "missing", "unseen"] },
            baseline: { type: "number", description: "Share of the training records" },
            current: { type: "number", description: "Share of the window's records" },
          },
        },
      },
    },
  },
  DriftRunRequest: z.toJSONSchema(driftRunRequestSchema, { io: "input", target: "openapi-3.0", unrepresentable: "any" }),
};

export const driftApiPaths = {
  "/api/drift": {
    get: {
      operationId: "getDrift",
      summary: "The latest drift run and the run history of the tenant's endpoint",
      security: session,
      parameters: [
        { name: "endpoint", in: "query", required: false, schema: { type: "string" }, description: "Default: the tenant's endpoint" },
        { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 500, default: 72 } },
      ],
      responses: { "200": json("DriftOverview"), "400": error("Invalid query"), ...common, "404": error("Not the tenant's endpoint") },
    },
  },
  "/api/drift/runs/{runId}/features/{feature}": {
    get: {
      operationId: "getDriftFeatureHistograms",
      summary: "Baseline and window histograms of one feature (or `score:<variant>`) in a run",
      security: session,
      parameters: [
        { name: "runId", in: "path", required: true, schema: { type: "string" } },
        { name: "feature", in: "path", required: true, schema: { type: "string" } },
      ],
      responses: { "200": json("DriftHistograms"), ...common, "404": error("No such run or feature") },
    },
  },
  "/api/drift/run": {
    post: {
      operationId: "runDrift",
      summary: "Run the drift job now over exactly [from, to) (audited)",
      security: session,
      requestBody: jsonRequestBody("DriftRunRequest"),
      responses: {
        "201": json("DriftRun", "The recorded run"),
        "400": error("Invalid window (from not before to, longer than the maximum) or endpoint name"),
        ...common,
        "404": error("Not the tenant's endpoint"),
        "413": error("Body over 4 KiB"),
      },
    },
  },
};
