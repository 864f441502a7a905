import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { alarmMessageSk, tenantPk } from "@/lib/db/keys";
import { ifConditionFails } from "@/lib/db/condition";
import { store, type StoreDeps } from "@/lib/db/store";
import { parseAlarmNotifications, type AlarmNotification } from "./alarm-notification";
import { rollback } from "./rollback";

/** What the handler needs of deploy-core's rollback (the same function the Roll back button calls). */
export type RollbackFn = (input: {
  tenantId: string;
  endpointName: string;
  trigger: "alarm";
  alarm: string;
  actor: string;
  reason: string;
}) => Promise<{ id: string; outcome: string }>;

export interface RollbackHandlerDeps extends StoreDeps {
  rollback: RollbackFn;
}

export type AlarmRollbackResult =
  | { messageId: string; alarmName: string; status: "rolled_back"; eventId: string; outcome: string }
  | { messageId: string; alarmName: string; status: "ignored"; why: "not_alarm" | "duplicate" };

/**
 * The rollback Lambda: SNS delivers a CloudWatch alarm's state change (Records[].Sns.Message) and,
 * for a change to ALARM, the alarm's endpoint is rolled back through lib/deployments' rollback with
 * trigger "alarm" — the very code the console's button runs. The CDK app's Lambda exports this
 * module's `handler`; locally the functions host runs it (infra/local/functions/registry.ts).
 *
 * Idempotent under SNS redelivery: each message id is recorded under the tenant before the rollback
 * and marked done after it, so a redelivered message is recognised and does nothing, even after
 * the canary was redeployed in between. A delivery that died between the two writes is taken up
 * again; rollback itself gives one event however many callers race (already_rolled_back).
 */
export async function handleAlarmNotifications(event: unknown, deps: RollbackHandlerDeps): Promise<AlarmRollbackResult[]> {
  const results: AlarmRollbackResult[] = [];
  for (const notification of parseAlarmNotifications(event)) results.push(await handleOne(notification, deps));
  return results;
}

async function handleOne(n: AlarmNotification, deps: RollbackHandlerDeps): Promise<AlarmRollbackResult> {
  const base = { messageId: n.messageId, alarmName: n.alarmName };
  if (n.newState !== "ALARM") return { ...base, status: "ignored", why: "not_alarm" };
  const { db, tableName, now } = store(deps);
  const Key = { PK: tenantPk(n.tenantId), SK: alarmMessageSk(n.messageId) };
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
  if (Item?.state === "done") return { ...base, status: "ignored", why: "duplicate" };
  if (!Item) {
    await ifConditionFails(
      () =>
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...Key, state: "started", alarmName: n.alarmName, endpointName: n.endpointName, receivedAt: now().toISOString() },
            ConditionExpression: "attribute_not_exists(PK)",
          }),
        ),
      // A concurrent delivery of the same message got there first; rollback's own claim settles which one acts.
      () => undefined,
    );
  }
  const result = await deps.rollback({
    tenantId: n.tenantId,
    endpointName: n.endpointName,
    trigger: "alarm",
    alarm: n.alarmName,
    actor: `alarm:${n.alarmName}`,
    reason: `${n.alarmName} went to ALARM at ${n.stateChangeTime}: ${n.reason}`,
  });
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key,
      UpdateExpression: "SET #state = :done, eventId = :eventId, outcome = :outcome, doneAt = :at",
      ExpressionAttributeNames: { "#state": "state" },
      ExpressionAttributeValues: { ":done": "done", ":eventId": result.id, ":outcome": result.outcome, ":at": now().toISOString() },
    }),
  );
  return { ...base, status: "rolled_back", eventId: result.id, outcome: result.outcome };
}

/**
 * deploy-core's rollback, as this handler calls it. A Lambda is frozen once its handler returns, so
 * the handler waits for the rollback's notification (the console's button does not).
 */
export const rollbackThroughDeployments: RollbackFn = async (input) => {
  const { event, notification } = await rollback(input);
  await notification;
  return { id: event.id, outcome: event.outcome };
};

/** The Lambda entry point (the CDK app's rollback function and the local functions host's rollback-on-alarm). */
export const handler = (event: unknown) => handleAlarmNotifications(event, { rollback: rollbackThroughDeployments });
