import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { TENANTS_INDEX_PK } from "@/lib/db/keys";
import { store } from "@/lib/db/store";
import { tenantSchema, type Tenant } from "@/lib/tenants/tenant";
import { SCHEDULED_WINDOW_HOURS } from "./drift-request";
import { runAndRecordDrift, scheduledRunId, type RunAndRecordDeps } from "./run-and-record-drift";

const HOUR_MS = 3_600_000;

export interface ScheduledDriftResult {
  window: { from: string; to: string };
  runs: Array<{ tenantId: string; endpoint: string; runId?: string; recommendation?: boolean; error?: string }>;
}

/**
 * One tick of the hourly schedule: for every tenant's endpoint, a run over the trailing day ending
 * at the hour the tick belongs to. Named by that hour, so a tick delivered twice (EventBridge
 * delivers at least once) records each run once. A tenant's failure is reported, not fatal to the
 * others.
 */
export async function runScheduledDrift(input: { at: Date }, deps: RunAndRecordDeps): Promise<ScheduledDriftResult> {
  const to = new Date(Math.floor(input.at.getTime() / HOUR_MS) * HOUR_MS);
  const from = new Date(to.getTime() - SCHEDULED_WINDOW_HOURS * HOUR_MS);
  const tenants = await listTenants(deps);
  const runs = await Promise.all(
    tenants.map(async (t) => {
      try {
        const run = await runAndRecordDrift(
          {
            tenantId: t.tenantId,
            endpointName: t.endpointName,
            from,
            to,
            trigger: "schedule",
            actor: "drift-scheduler",
            runId: scheduledRunId(to, "schedule"),
          },
          deps,
        );
        return { tenantId: t.tenantId, endpoint: t.endpointName, runId: run.id, recommendation: run.recommendation !== null };
      } catch (error) {
        console.error(`drift: scheduled run for ${t.tenantId}/${t.endpointName} failed`, error);
        return { tenantId: t.tenantId, endpoint: t.endpointName, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  return { window: { from: from.toISOString(), to: to.toISOString() }, runs };
}

/** Every tenant, through GSI1's TENANTS partition (a Query, never a Scan). */
async function listTenants(deps: RunAndRecordDeps): Promise<Tenant[]> {
  const { db, tableName: TableName } = store(deps);
  const tenants: Tenant[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": TENANTS_INDEX_PK },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const parsed = tenantSchema.safeParse(item);
      if (parsed.success) tenants.push(parsed.data);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return tenants;
}
