import { bulkVerdictRequestSchema, claimRequestSchema, verdictRequestSchema } from "@/lib/feedback/verdict-request";
import { EXPLANATION_STATUSES } from "./explanation";
import { QUEUE_SORTS } from "./queue-filters";
import { QUEUE_STATUSES } from "./queue-item";
import {
  asOpenApi,
  errorResponse as error,
  jsonRequestBody,
  jsonResponse as json,
  sessionSecurity as session,
  queryParam as query,
} from "@/lib/scoring/openapi-fragments";

/**
 * The review queue's part of the OpenAPI document (merged by lib/scoring/openapi-document.ts).
 * These routes use the console's session cookie (next-auth), not an API key; request bodies are
 * generated from the zod schemas the routes validate with.
 */
const common = { "401": error("Not signed in"), "403": error("The role may not use the queue") };
const txnIdParam = { name: "txnId", in: "path", required: true, schema: { type: "string", maxLength: 128 } };

const queueRow = {
  type: "object",
  required: ["txnId", "status", "decision", "score", "amount", "createdAt", "version"],
  properties: {
    txnId: { type: "string" },
    status: { type: "string", enum: [...QUEUE_STATUSES] },
    decision: { type: "string", enum: ["REVIEW", "SUSPICIOUS"] },
    score: { type: "number", nullable: true },
    amount: { type: "number" },
    currency: { type: "string", nullable: true },
    topReason: { type: "object", nullable: true, allOf: [{ $ref: "#/components/schemas/Reason" }] },
    explanation: {
      type: "string",
      enum: [...EXPLANATION_STATUSES],
      description: "`pending` until the SHAP attributions arrive (they are computed after the decision), `failed` when they gave up",
    },
    model: {
      type: "object",
      nullable: true,
      properties: {
        endpoint: { type: "string" },
        variant: { type: "string", nullable: true },
        version: { type: "string", nullable: true },
      },
    },
    createdAt: { type: "string", format: "date-time" },
    version: { type: "integer", description: "Send back with a verdict (optimistic concurrency)" },
    claim: {
      type: "object",
      nullable: true,
      properties: { by: { type: "string" }, name: { type: "string" }, expiresAt: { type: "string", format: "date-time" } },
    },
    verdict: { type: "object", nullable: true, description: "The last verdict: verdict, note, by, byName, at" },
  },
};

export const queueApiPaths = {
  "/api/queue": {
    get: {
      operationId: "listQueue",
      summary: "One page of the review queue (Query on an index; filters and cursor as query parameters)",
      security: session,
      parameters: [
        query("status", { type: "string", enum: [...QUEUE_STATUSES], default: "open" }, "open = pending"),
        query("sort", { type: "string", enum: [...QUEUE_SORTS], default: "score" }, "score = highest first"),
        query("decision", { type: "string", enum: ["REVIEW", "SUSPICIOUS"] }, ""),
        query("minAmount", { type: "number" }, ""),
        query("maxAmount", { type: "number" }, ""),
        query("modelVersion", { type: "string" }, ""),
        query("from", { type: "string" }, "Created at or after (ISO date or date-time)"),
        query("to", { type: "string" }, "Created at or before; a bare date includes the day"),
        query("q", { type: "string" }, "Exact txn_id"),
        query("limit", { type: "integer", minimum: 1, maximum: 200, default: 50 }, ""),
        query("cursor", { type: "string" }, "nextCursor of the previous page (opaque; bound to tenant, status and sort)"),
      ],
      responses: { "200": json("QueuePage"), "400": error("Invalid filter or cursor"), ...common },
    },
  },
  "/api/transactions/{txnId}": {
    get: {
      operationId: "getTransaction",
      summary: "A queued transaction with its SHAP waterfall, plain-language summary and the customer's/card's other queued items",
      security: session,
      parameters: [txnIdParam],
      responses: { "200": json("TransactionDetail"), "404": error("Not in this tenant's queue"), ...common },
    },
  },
  "/api/transactions/{txnId}/claim": {
    post: {
      operationId: "claimTransaction",
      summary: "Claim the item for 5 minutes; takeOver claims it from a colleague (audited)",
      security: session,
      parameters: [txnIdParam],
      requestBody: { ...jsonRequestBody("ClaimRequest"), required: false },
      responses: {
        "200": json("ClaimResult"),
        "404": error("Not found"),
        "409": error("Held by a colleague (details.claim) or already decided"),
        ...common,
      },
    },
    delete: {
      operationId: "releaseClaim",
      summary: "Give up one's own claim",
      security: session,
      parameters: [txnIdParam],
      responses: { "204": { description: "Released" }, "404": error("Not found"), ...common },
    },
  },
  "/api/transactions/{txnId}/verdict": {
    post: {
      operationId: "recordVerdict",
      summary: "Confirm fraud, mark a false positive or escalate (audited)",
      security: session,
      parameters: [txnIdParam],
      requestBody: jsonRequestBody("VerdictRequest"),
      responses: {
        "200": json("VerdictResult", "Applied, or unchanged when the same analyst sent the same verdict again"),
        "400": error("Invalid body"),
        "404": error("Not found"),
        "409": error("Stale version (details.verdict says who decided first) or claimed by a colleague (details.claim)"),
        ...common,
      },
    },
  },
  "/api/verdicts": {
    post: {
      operationId: "recordVerdicts",
      summary: "One verdict on up to 100 items; an outcome per item (idempotent)",
      security: session,
      requestBody: jsonRequestBody("BulkVerdictRequest"),
      responses: { "200": json("BulkVerdictResult"), "400": error("Invalid body"), ...common },
    },
  },
  "/api/labels/export": {
    get: {
      operationId: "exportLabels",
      summary: "Verified verdicts as training rows (ML engineers and admins)",
      security: session,
      parameters: [
        query(
          "format",
          { type: "string", enum: ["csv", "jsonl"], default: "csv" },
          "CSV has the training script's columns: is_fraud, then the features in schema order",
        ),
        query("from", { type: "string", format: "date-time" }, ""),
        query("to", { type: "string", format: "date-time" }, ""),
      ],
      responses: {
        "200": {
          description: "The rows, streamed",
          content: { "text/csv": { schema: { type: "string" } }, "application/x-ndjson": { schema: { type: "string" } } },
        },
        ...common,
      },
    },
  },
  "/api/explanations": {
    get: {
      operationId: "getGlobalExplanations",
      summary: "Mean |SHAP| per feature of recent flagged traffic and precision from verdicts, per model version",
      security: session,
      parameters: [query("days", { type: "integer", minimum: 1, maximum: 90, default: 7 }, "")],
      responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } }, ...common },
    },
  },
};

const bulkResult = {
  type: "object",
  required: ["txnId", "outcome"],
  properties: {
    txnId: { type: "string" },
    outcome: { type: "string", enum: ["applied", "unchanged", "conflict", "not_found"] },
    message: { type: "string" },
    details: {},
    item: { $ref: "#/components/schemas/QueueRow" },
  },
};

export const queueApiSchemas = {
  QueueRow: queueRow,
  QueuePage: {
    type: "object",
    required: ["items", "nextCursor", "counts"],
    properties: {
      items: { type: "array", items: { $ref: "#/components/schemas/QueueRow" } },
      nextCursor: { type: "string", nullable: true },
      counts: { type: "object", nullable: true, description: "Per status, first page only", additionalProperties: { type: "integer" } },
    },
  },
  TransactionDetail: {
    type: "object",
    required: ["item", "summary", "explanation", "waterfall", "related"],
    properties: {
      item: {
        type: "object",
        description:
          "The queue item: transaction, features, score, decision, attributions, baseValue, ruleHits, model, version, claim, verdict, " +
          "and explanation {state: pending | ready | failed, attempts, leaseUntil, lastError, updatedAt} (null when nothing to explain)",
      },
      explanation: {
        type: "string",
        enum: [...EXPLANATION_STATUSES],
        description:
          "`pending`: attributions not yet arrived (poll; `waterfall` is null until `ready`); `failed`: item.explanation.lastError says why",
      },
      summary: {
        type: "string",
        example: "Flagged mainly because the amount is 14× this customer's 30-day average and it came from a rooted phone.",
      },
      waterfall: {
        type: "object",
        nullable: true,
        description:
          "baseValue → steps (feature, label, value, description, contribution, start, end) → finalValue, in log-odds; null while the explanation is pending or failed",
      },
      related: { type: "array", items: { $ref: "#/components/schemas/QueueRow" } },
    },
  },
  ClaimRequest: asOpenApi(claimRequestSchema),
  ClaimResult: { type: "object", properties: { claim: { type: "object" }, version: { type: "integer" }, status: { type: "string" } } },
  VerdictRequest: asOpenApi(verdictRequestSchema),
  VerdictResult: {
    type: "object",
    required: ["outcome", "item"],
    properties: { outcome: { type: "string", enum: ["applied", "unchanged"] }, item: { type: "object" } },
  },
  BulkVerdictRequest: asOpenApi(bulkVerdictRequestSchema),
  BulkVerdictResult: { type: "object", required: ["results"], properties: { results: { type: "array", items: bulkResult } } },
};

export const sessionCookieScheme = {
  type: "apiKey",
  in: "cookie",
  name: "next-auth.session-token",
  description: "Console session (sign in at /signin)",
};
