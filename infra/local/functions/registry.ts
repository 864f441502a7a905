import type { FunctionDefinition, ScheduleDefinition, SubscriptionDefinition } from "./types";

/**
 * The local stack's Lambda functions, schedules and SNS subscriptions: what the CDK app declares as
 * Lambda functions, EventBridge rules and SNS subscriptions, here as configuration of the functions
 * host (infra/local/functions/server.ts) and of the CloudWatch emulator's alarm actions. Each handler
 * is the very module the CDK Lambda exports. A new job adds one line to each list it needs.
 */
export const FUNCTIONS: FunctionDefinition[] = [
  { name: "redrive-explanations", load: () => import("@/lib/scoring/explain/redrive-handler").then((m) => m.handler) },
  { name: "drift", load: () => import("@/lib/drift/drift-handler").then((m) => m.handler) },
  { name: "publish-error-budget", load: () => import("@/lib/error-budget/publish-error-budget").then((m) => m.handler) },
];

export const SCHEDULES: ScheduleDefinition[] = [
  // Explanations whose lease ran out (the instance that queued them died or dropped the job).
  { name: "redrive-explanations", expression: "rate(5 minutes)", functionName: "redrive-explanations" },
  // Every tenant endpoint over the trailing day ending at the tick's hour (lib/drift/drift-handler.ts).
  { name: "drift-hourly", expression: "rate(1 hour)", functionName: "drift" },
  // Each tenant's share of the error budget burned, which the error-budget alarm (≥ 80 %) watches.
  { name: "publish-error-budget", expression: "rate(1 minute)", functionName: "publish-error-budget" },
];

export const SNS_SUBSCRIPTIONS: SubscriptionDefinition[] = [];
