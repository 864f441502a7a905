import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { seedMarkerSk, tenantPk } from "@/lib/db/keys";
import { driftDeps } from "@/lib/drift/drift-deps";
import { SCHEDULED_WINDOW_HOURS } from "@/lib/drift/drift-request";
import { runAndRecordDrift, scheduledRunId } from "@/lib/drift/run-and-record-drift";
import { env } from "@/lib/env";
import type { DemoTenant } from "./demo-tenants";
import { CAPTURE_DAYS } from "./seed-capture";

/**
 * The drift history the scheduler would have recorded over the seeded capture: a run every
 * RUN_EVERY_HOURS over the trailing day, through the same runAndRecordDrift as the scheduler and
 * "Run now" (trigger "seed"). Runs are named by their window, so a restart after a crash redoes
 * only the missing ones; a marker written last makes later starts free.
 */
const MARKER = seedMarkerSk("drift-runs-v1");
/** Every 12 hours: nine runs per tenant draw the emerging drift and keep the seed quick. */
const RUN_EVERY_HOURS = 12;
const HOUR_MS = 3_600_000;

export async function seedDriftRuns(
  tenants: readonly DemoTenant[],
  now: Date = new Date(),
): Promise<Array<{ tenantId: string; runs: number }>> {
  return Promise.all(tenants.map((tenant) => seedTenantRuns(tenant, now)));
}

async function seedTenantRuns(tenant: DemoTenant, now: Date): Promise<{ tenantId: string; runs: number }> {
  const db = documentClient();
  const TableName = env().TABLE_NAME;
  const markerKey = { PK: tenantPk(tenant.tenantId), SK: MARKER };
  if ((await db.send(new GetCommand({ TableName, Key: markerKey }))).Item) return { tenantId: tenant.tenantId, runs: 0 };
  const end = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const first = end - (CAPTURE_DAYS * 24 - SCHEDULED_WINDOW_HOURS) * HOUR_MS;
  const deps = driftDeps();
  let runs = 0;
  for (let to = first; to <= end; to += RUN_EVERY_HOURS * HOUR_MS) {
    const window = { from: new Date(to - SCHEDULED_WINDOW_HOURS * HOUR_MS), to: new Date(to) };
    await runAndRecordDrift(
      {
        tenantId: tenant.tenantId,
        endpointName: tenant.endpointName,
        ...window,
        trigger: "seed",
        actor: "seed",
        runId: scheduledRunId(window.to, "seed"),
      },
      deps,
    );
    runs++;
  }
  await db.send(new PutCommand({ TableName, Item: { ...markerKey, seededAt: now.toISOString(), runs } }));
  return { tenantId: tenant.tenantId, runs };
}
