import { z } from "zod";
import { resourceNotFound } from "../errors";
import { parseRequest } from "../wire";
import type { OperationContext } from "./context";

const requestSchema = z.object({ AlarmNames: z.array(z.string().min(1).max(255)).max(100) });

/**
 * DeleteAlarms (CloudWatch API reference): "If you specify an incorrect alarm name or make any other
 * error in the operation, no alarms are deleted." So every name is checked before any is deleted.
 */
export function deleteAlarms(ctx: OperationContext, body: unknown) {
  const r = parseRequest(requestSchema, body);
  const unknown = r.AlarmNames.filter((name) => !ctx.alarms.get(name));
  if (unknown.length > 0) throw resourceNotFound(`The following alarms were not found: [${unknown.join(", ")}]`);
  for (const name of r.AlarmNames) {
    ctx.alarms.delete(name);
    ctx.evaluator.forget(name);
  }
  return {};
}
