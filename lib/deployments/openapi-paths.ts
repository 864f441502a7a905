import { saveWebhooksRequestSchema } from "@/lib/notifications/webhook-settings";
import { ROLLBACK_OUTCOMES, ROLLBACK_TRIGGERS } from "./rollback-event";
import { rollbackRequestSchema, setWeightsRequestSchema } from "./requests";
import {
  asOpenApi,
  errorResponse as error,
  jsonRequestBody,
  jsonResponse as json,
  schemaRef as ref,
  sessionSecurity as session,
  queryParam as query,
} from "@/lib/scoring/openapi-fragments";

/**
 * Deployments' part of the OpenAPI document (merged by lib/scoring/openapi-document.ts): the
 * endpoint detail, weights, rollback and rollback history, and the notification webhooks. Session
 * cookie routes; ml_engineer and admin (webhooks: admin); analysts get 403. Request bodies come
 * from the zod schemas the routes validate with.
 */
const common = { "401": error("Not signed in"), "403": error("The role may not use endpoints (analysts)") };
const nameParam = { name: "name", in: "path", required: true, schema: { type: "string", maxLength: 63 } };

const trafficState = {
  type: "object",
  required: ["endpointConfigName", "variants"],
  properties: {
    endpointConfigName: { type: "string" },
    variants: {
      type: "array",
      items: {
        type: "object",
        required: ["variantName", "role", "modelVersion", "weight"],
        properties: {
          variantName: { type: "string" },
          role: { type: "string", enum: ["production", "canary"] },
          modelVersion: { type: "integer" },
          weight: { type: "number" },
        },
      },
    },
  },
};

const rollbackEvent = {
  type: "object",
  required: ["id", "tenant", "endpoint", "trigger", "actor", "reason", "mode", "before", "after", "startedAt", "finishedAt", "outcome"],
  properties: {
    id: { type: "string", format: "uuid" },
    tenant: { type: "string" },
    endpoint: { type: "string" },
    trigger: { type: "string", enum: [...ROLLBACK_TRIGGERS] },
    alarm: { type: "string", nullable: true, description: "The alarm's name when trigger = alarm" },
    actor: { type: "string" },
    reason: { type: "string" },
    mode: {
      type: "string",
      enum: ["weights", "restore_config"],
      description: "canary 0 / production 100, or the previous endpoint config restored",
    },
    deploymentVersion: { type: "integer", description: "The deployment version rolled back" },
    before: trafficState,
    after: trafficState,
    startedAt: { type: "string", format: "date-time" },
    finishedAt: { type: "string", format: "date-time", nullable: true },
    outcome: {
      type: "string",
      enum: [...ROLLBACK_OUTCOMES],
      description: "already_rolled_back: another call (or an earlier rollback) won; this is its event. in_progress only while it runs",
    },
    error: {
      type: "object",
      nullable: true,
      properties: { name: { type: "string" }, message: { type: "string" } },
      description: "The AWS error of a failed rollback",
    },
    notification: {
      type: "object",
      nullable: true,
      description: "The one message of the rollback: state sending | sent | failed | logged (no webhook), attempts per channel",
    },
  },
};

export const deploymentApiPaths = {
  "/api/endpoints/{name}": {
    get: {
      operationId: "getEndpoint",
      summary: "The endpoint: status, variants (model version, weights, traffic share), deployment version, rollback preview",
      security: session,
      parameters: [nameParam],
      responses: {
        "200": json("EndpointDetail"),
        ...common,
        "404": error("No such endpoint of the tenant"),
        "503": error("SageMaker did not answer"),
      },
    },
  },
  "/api/endpoints/{name}/weights": {
    put: {
      operationId: "setEndpointWeights",
      summary: "Set the traffic split (UpdateEndpointWeightsAndCapacities); audited",
      security: session,
      parameters: [nameParam],
      requestBody: jsonRequestBody("SetWeightsRequest"),
      responses: {
        "200": json("EndpointDetail", "Applied; the endpoint is Updating until the weights are current"),
        "400": error("Unknown variant, negative weight, all zero, no reason"),
        ...common,
        "404": error("No such endpoint of the tenant"),
        "409": error(
          "Changed since expectedVersion: details.changedBy, details.changedAt, details.currentVersion; or the endpoint is updating",
        ),
        "503": error("SageMaker refused; details.aws; nothing changed"),
      },
    },
  },
  "/api/endpoints/{name}/rollback": {
    post: {
      operationId: "rollBackEndpoint",
      summary: "Roll back to the last known-good state: canary 0 / production 100, or after a promotion the previous endpoint config",
      security: session,
      parameters: [nameParam],
      requestBody: jsonRequestBody("RollbackRequest"),
      responses: {
        "200": {
          description: "outcome succeeded (traffic is moving) or already_rolled_back (another call won: its event)",
          content: { "application/json": { schema: { type: "object", required: ["event"], properties: { event: ref("RollbackEvent") } } } },
        },
        "400": error("No reason"),
        ...common,
        "404": error("No such endpoint of the tenant"),
        "409": error("Nothing to roll back"),
        "503": error("SageMaker refused: error.details.event is the failed event (with the AWS error); nothing changed"),
      },
    },
  },
  "/api/rollbacks": {
    get: {
      operationId: "listRollbacks",
      summary: "The tenant's rollback events, newest first",
      security: session,
      parameters: [
        query("endpoint", { type: "string" }, "Only this endpoint's"),
        query("trigger", { type: "string", enum: [...ROLLBACK_TRIGGERS] }, "manual or alarm"),
        query("outcome", { type: "string", enum: [...ROLLBACK_OUTCOMES] }, "Only this outcome"),
        query("from", { type: "string", format: "date-time" }, "Started at or after"),
        query("to", { type: "string", format: "date-time" }, "Started at or before"),
        query("limit", { type: "integer", minimum: 1, maximum: 100, default: 25 }, "Page size"),
        query("cursor", { type: "string" }, "nextCursor of the previous page"),
      ],
      responses: {
        "200": {
          description: "A page",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["items", "nextCursor"],
                properties: { items: { type: "array", items: ref("RollbackEvent") }, nextCursor: { type: "string", nullable: true } },
              },
            },
          },
        },
        "400": error("Bad filter or cursor"),
        ...common,
      },
    },
  },
  "/api/rollbacks/{id}": {
    get: {
      operationId: "getRollback",
      summary: "One rollback event",
      security: session,
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      responses: {
        "200": {
          description: "The event",
          content: { "application/json": { schema: { type: "object", properties: { event: ref("RollbackEvent") } } } },
        },
        ...common,
        "404": error("No such event of the tenant"),
      },
    },
  },
  "/api/settings/notifications": {
    get: {
      operationId: "getNotificationWebhooks",
      summary: "The tenant's Slack and Teams webhooks, masked (admin)",
      security: session,
      responses: { "200": json("MaskedWebhooks"), ...common },
    },
    put: {
      operationId: "saveNotificationWebhooks",
      summary: "Set or remove (null) the Slack and Teams Workflows webhook URLs (admin); audited with masked URLs",
      security: session,
      requestBody: jsonRequestBody("SaveWebhooksRequest"),
      responses: { "200": json("MaskedWebhooks"), "400": error("Not an http(s) URL"), ...common, "409": error("Changed meanwhile") },
    },
  },
  "/api/settings/notifications/test": {
    post: {
      operationId: "sendTestNotification",
      summary: "Send a test message to each configured webhook (admin)",
      security: session,
      responses: { "200": { description: "Per channel: delivered, attempts" }, "400": error("No webhook configured"), ...common },
    },
  },
};

export const deploymentApiSchemas = {
  SetWeightsRequest: asOpenApi(setWeightsRequestSchema),
  RollbackRequest: asOpenApi(rollbackRequestSchema),
  SaveWebhooksRequest: asOpenApi(saveWebhooksRequestSchema),
  RollbackEvent: rollbackEvent,
  TrafficState: trafficState,
  MaskedWebhooks: {
    type: "object",
    properties: {
      slack: { type: "string", nullable: true, example: "https://hooks.slack.com/…x9Qz" },
      teams: { type: "string", nullable: true },
      updatedAt: { type: "string", nullable: true },
      updatedBy: { type: "string", nullable: true },
    },
  },
  EndpointDetail: {
    type: "object",
    required: ["endpointName", "status", "variants", "deployment", "rollback"],
    properties: {
      endpointName: { type: "string" },
      status: { type: "string", example: "InService" },
      failureReason: { type: "string", nullable: true },
      endpointConfigName: { type: "string" },
      lastModifiedAt: { type: "string", nullable: true },
      variants: {
        type: "array",
        items: {
          type: "object",
          properties: {
            variantName: { type: "string" },
            role: { type: "string", enum: ["production", "canary", "shadow"], nullable: true },
            modelVersion: { type: "integer", nullable: true },
            currentWeight: { type: "number" },
            desiredWeight: { type: "number", nullable: true },
            trafficShare: { type: "number" },
            currentInstanceCount: { type: "integer", nullable: true },
            instanceType: { type: "string", nullable: true },
            status: { type: "string", nullable: true },
          },
        },
      },
      deployment: {
        type: "object",
        nullable: true,
        description: "version is the expectedVersion of a weight change",
        properties: {
          version: { type: "integer" },
          kind: { type: "string" },
          actor: { type: "string" },
          updatedAt: { type: "string" },
          endpointConfigName: { type: "string" },
          previousEndpointConfigName: { type: "string", nullable: true },
          rollbackInProgress: { type: "boolean" },
        },
      },
      rollback: {
        type: "object",
        description: "available: true with mode, before and after (TrafficState); or available: false with reason",
      },
    },
  },
};
