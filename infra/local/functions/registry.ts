import { ROLLBACK_TOPIC_NAME } from "@/lib/deployments/alarm-definitions";
import type { FunctionDefinition, ScheduleDefinition, SubscriptionDefinition } from "./types";

/**
 * The local stack's Lambda functions, schedules and SNS subscriptions: what the CDK app declares as
 * Lambda functions, EventBridge rules and SNS subscriptions, here as configuration of the functions
 * host (infra/local/functions/server.ts) and of the CloudWatch emulator's alarm actions. Each handler
 * is the very module the CDK Lambda exports. A new job adds one line to each list it needs.
 */
export const FUNCTIONS: FunctionDefinition[] = [
  { name: "rollback-on-alarm", load: () => import("@/lib/deployments/rollback-handler").then((m) => m.handler) },
  { name: "redrive-explanations", load: () => import("@/lib/scoring/explain/redrive-handler").then((m) => m.handler) },
];

export const SCHEDULES: ScheduleDefinition[] = [
  // Explanations whose lease ran out (the instance that queued them died or dropped the job).
  { name: "redrive-explanations", expression: "rate(5 minutes)", functionName: "redrive-explanations" },
];

export const SNS_SUBSCRIPTIONS: SubscriptionDefinition[] = [{ topicName: ROLLBACK_TOPIC_NAME, functionName: "rollback-on-alarm" }];
