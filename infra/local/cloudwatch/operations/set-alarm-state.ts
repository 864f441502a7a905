import { z } from "zod";
import { invalidFormat, resourceNotFound } from "../errors";
import { parseRequest } from "../wire";
import type { OperationContext } from "./context";

const requestSchema = z.object({
  AlarmName: z.string().min(1).max(255),
  StateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]),
  StateReason: z.string().max(1023),
  StateReasonData: z.string().max(4000).optional(),
});

/**
 * SetAlarmState (CloudWatch API reference): sets the state by hand, e.g. to test actions; a change
 * runs the new state's actions. It lasts until the next evaluation. Unknown alarm → ResourceNotFound;
 * StateReasonData that is not JSON → InvalidFormat.
 */
export function setAlarmState(ctx: OperationContext, body: unknown) {
  const r = parseRequest(requestSchema, body);
  const alarm = ctx.alarms.get(r.AlarmName);
  if (!alarm) throw resourceNotFound(`Alarm ${r.AlarmName} not found`);
  if (r.StateReasonData !== undefined) {
    try {
      JSON.parse(r.StateReasonData);
    } catch {
      throw invalidFormat("StateReasonData is not valid JSON.");
    }
  }
  ctx.evaluator.setState(alarm, r.StateValue, r.StateReason, r.StateReasonData, ctx.now());
  return {};
}
