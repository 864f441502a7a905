import { z } from "zod";
import { approvalRequestSchema } from "./approval-request";
import { errorResponse as error, jsonRequestBody, jsonResponse as json, sessionSecurity as session } from "@/lib/scoring/openapi-fragments";

/**
 * The Models page's and the error budget's part of the OpenAPI document (merged by
 * lib/scoring/openapi-document.ts). Session cookie routes for ml_engineer and admin (analysts 403).
 */
const common = { "401": error("Not signed in"), "403": error("Only ML engineers and admins see models and the error budget") };
const version = { name: "version", in: "path", required: true, schema: { type: "string", pattern: "^v?[1-9][0-9]*$" }, example: "3" };
const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({
  type: "object",
  required,
  properties,
});
const num = { type: "number" };
const nullableNum = { type: "number", nullable: true };
const nullableStr = { type: "string", nullable: true };

const figures = { rocAuc: num, prAuc: num, recallAt80Precision: nullableNum };
const action = obj({ allowed: { type: "boolean" }, reason: { type: "string" } });
const gate = obj({
  code: { type: "string", enum: ["gate_roc_auc", "gate_champion"] },
  passed: { type: "boolean" },
  message: { type: "string" },
});

export const promotionApiSchemas = {
  ModelVersion: obj(
    {
      version: { type: "integer" },
      arn: { type: "string" },
      description: nullableStr,
      createdAt: nullableStr,
      approval: obj({
        status: { type: "string", enum: ["PendingManualApproval", "Approved", "Rejected", "Unknown"] },
        by: { ...nullableStr, description: "The console user who decided" },
        at: nullableStr,
        comment: { ...nullableStr, description: "ApprovalDescription" },
      }),
      metrics: {
        type: "object",
        nullable: true,
        description: "The version's evaluation on its out-of-time test split; champion = production on the same split",
        properties: {
          ...figures,
          evaluatedRows: { type: "integer" },
          evaluatedFrauds: { type: "integer", nullable: true },
          sampleWarning: { ...nullableStr, description: "Set when the held-out split has fewer than 30 rows of either class" },
          evaluatedAt: nullableStr,
          trainingWindow: { type: "object", nullable: true, properties: { from: nullableStr, to: nullableStr, description: nullableStr } },
          champion: { type: "object", nullable: true, properties: { version: { type: "integer" }, ...figures } },
        },
      },
      deployments: {
        type: "array",
        items: obj({ endpointName: { type: "string" }, variantName: { type: "string" }, trafficShare: num, shadow: { type: "boolean" } }),
      },
      actions: obj({ approve: { ...action, properties: { ...action.properties, gates: { type: "array", items: gate } } }, reject: action }),
    },
    ["version", "arn", "approval", "metrics", "deployments", "actions"],
  ),
  ModelsOverview: obj({
    modelPackageGroupName: { type: "string" },
    endpointName: { type: "string" },
    productionVersion: { type: "integer", nullable: true },
    gates: obj({ minRocAuc: num, maxPrAucDrop: num, maxRecallAt80PrecisionDrop: num }),
    versions: { type: "array", items: { $ref: "#/components/schemas/ModelVersion" } },
  }),
  ApprovalRequest: z.toJSONSchema(approvalRequestSchema, { io: "input", target: "openapi-3.0", unrepresentable: "any" }),
  ErrorBudget: obj(
    {
      slo: obj({ availabilityTarget: num, latencyP95Ms: num }),
      window: obj({ from: { type: "string" }, to: { type: "string" }, days: num }),
      requests: num,
      bad: num,
      allowedBad: num,
      remaining: { ...num, description: "1 − bad / allowedBad over the rolling 30 days (negative once overspent)" },
      burnRates: {
        type: "array",
        items: obj({
          window: { type: "string", enum: ["5m", "30m", "1h", "6h", "3d"] },
          seconds: num,
          requests: num,
          bad: num,
          errorRate: nullableNum,
          burnRate: { ...nullableNum, description: "errorRate / (1 − SLO)" },
          latencyP95Ms: nullableNum,
        }),
      },
      alerts: {
        type: "array",
        items: obj({
          id: { type: "string" },
          severity: { type: "string", enum: ["page", "ticket"] },
          burnRate: num,
          longWindow: { type: "string" },
          shortWindow: { type: "string" },
          budgetShare: num,
          firing: { type: "boolean" },
        }),
      },
      frozen: { type: "boolean", description: "≥ 30% of the budget burned within 7 days: promotions refused with budget_frozen" },
      frozenSince: nullableStr,
      frozenUntil: { ...nullableStr, description: "When the freeze lifts if no more requests fail" },
      rollbackDue: { type: "boolean", description: "≥ 80% burned: the error-budget alarm rolls the canary back" },
      timeline: { type: "array", items: obj({ at: { type: "string" }, remaining: num, burnedLast7d: num, burnRate1h: nullableNum }) },
    },
    ["slo", "window", "remaining", "burnRates", "alerts", "frozen", "frozenSince", "frozenUntil"],
  ),
};

export const promotionApiPaths = {
  "/api/models": {
    get: {
      operationId: "listModels",
      summary: "The tenant's model versions with evaluation, approval, deployments and allowed actions",
      security: session,
      responses: { "200": json("ModelsOverview"), ...common, "503": error("SageMaker did not answer") },
    },
  },
  "/api/models/{version}": {
    get: {
      operationId: "getModel",
      summary: "One model version",
      security: session,
      parameters: [version],
      responses: { "200": json("ModelVersion"), "400": error("Not a version number"), ...common, "404": error("Not registered") },
    },
  },
  "/api/models/{version}/approval": {
    post: {
      operationId: "decideApproval",
      summary: "Approve or reject a version (UpdateModelPackage with ApprovalDescription), audited",
      security: session,
      parameters: [version],
      requestBody: jsonRequestBody("ApprovalRequest"),
      responses: {
        "200": json("ModelVersion", "The version after the decision (unchanged when it already had that status)"),
        "400": error("Invalid status or missing comment"),
        ...common,
        "404": error("Not registered"),
        "409": error(
          "`gate_roc_auc`: ROC-AUC below the tenant's minimum; `gate_champion`: behind production beyond the tolerance on the same held-out split; `conflict`: rejecting a version that serves traffic",
        ),
      },
    },
  },
  "/api/error-budget": {
    get: {
      operationId: "getErrorBudget",
      summary: "The tenant's error budget: SLO, rolling 30 days, burn rates, multi-window alerts, promotion freeze",
      security: session,
      responses: { "200": json("ErrorBudget"), ...common, "503": error("CloudWatch did not answer") },
    },
  },
};
