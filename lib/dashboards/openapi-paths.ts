import {
  errorResponse as error,
  jsonResponse as json,
  sessionSecurity as session,
  queryParam as query,
} from "@/lib/scoring/openapi-fragments";
import { PANEL_NAMES, TEAM_PANELS } from "./get-dashboard";
import { DEFAULT_POINTS, MAX_POINTS, RANGE_PRESETS } from "./range";

/** GET /api/metrics in the OpenAPI document (merged by lib/scoring/openapi-document.ts). */
const series = {
  type: "array",
  items: { type: "number", nullable: true },
  description: "One value per timestamp; null where CloudWatch has no datapoint",
};

export const dashboardsApiPaths = {
  "/api/metrics": {
    get: {
      operationId: "getDashboard",
      summary: "The dashboards' series for the signed-in tenant: traffic, variants, budget, drift, queue, analysts, quality, impact",
      description:
        "Each panel is built from one CloudWatch GetMetricData (metric math where it fits, never one call per series) and from " +
        "DynamoDB key and index look-ups (never a Scan). Answers are cached per tenant and range for 15 s. Analysts get the Team " +
        `view (${TEAM_PANELS.join(", ")}); naming another panel is 403.`,
      security: session,
      parameters: [
        query(
          "range",
          { type: "string", enum: Object.keys(RANGE_PRESETS), default: "1h" },
          "A preset ending now (ignored when from is given)",
        ),
        query("from", { type: "string" }, "Start: ISO 8601 or epoch milliseconds, within CloudWatch's 15 days of one-minute data"),
        query("to", { type: "string" }, "End (default now)"),
        query(
          "step",
          { type: "integer", minimum: 60, multipleOf: 60 },
          `Seconds per point (default: the finest of 1, 5, 10, 15, 30 min, 1 h, 6 h, 1 d within ${DEFAULT_POINTS} points; at most ${MAX_POINTS} points)`,
        ),
        query(
          "panels",
          { type: "string", example: "traffic,variants" },
          `Comma-separated, some of ${PANEL_NAMES.join(", ")} (default: every panel the role may see)`,
        ),
      ],
      responses: {
        "200": json("Dashboard"),
        "400": error("A malformed range, step or panel name (the message names it)"),
        "401": error("Not signed in"),
        "403": error("A panel the role may not see"),
        "503": error("CloudWatch or DynamoDB did not answer"),
      },
    },
  },
};

export const dashboardsApiSchemas = {
  Dashboard: {
    type: "object",
    required: ["from", "to", "step", "generatedAt", "panels"],
    properties: {
      from: { type: "integer", description: "Epoch ms" },
      to: { type: "integer", description: "Epoch ms" },
      step: { type: "integer", description: "Seconds per point" },
      generatedAt: { type: "integer", description: "Epoch ms" },
      panels: {
        type: "object",
        description: "Only the panels asked for; each series is aligned with its panel's timestamps (epoch ms).",
        properties: {
          traffic: {
            type: "object",
            description: "Decisions per step (stacked), the degraded share and the decline (SUSPICIOUS) and step-up (REVIEW) rates",
            properties: {
              timestamps: { type: "array", items: { type: "integer" } },
              degradedShare: series,
              declineRate: series,
              stepUpRate: series,
            },
          },
          variants: {
            type: "object",
            description: "Per variant: invocations, 4xx/5xx rates, ModelLatency and console latency p50/p95/p99; deployment markers",
          },
          budget: {
            type: "object",
            description: "Error budget remaining, burned within 7 days, burn rates, alerts, freeze and rollback state, and its timeline",
          },
          drift: { type: "object", description: "The latest drift run's status, its top drifting features, and the runs of the range" },
          queue: { type: "object", description: "Backlog by status per step, items past their SLA, the oldest pending item" },
          analysts: { type: "object", description: "Verdicts per hour by analyst and by verdict, median time from queued to verdict" },
          quality: {
            type: "object",
            description: "Precision of flagged traffic per model version, the label-lag window, the score histogram",
          },
          impact: {
            type: "object",
            description: "Per day and currency: confirmed fraud declined, amount held for review, false-positive friction",
          },
        },
      },
    },
  },
};
