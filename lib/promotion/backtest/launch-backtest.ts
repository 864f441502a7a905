import { auditedAction, type AuditDeps } from "@/lib/audit/audited-action";
import { loadCandidate, type CandidateDeps } from "../candidate";
import type { Backtest } from "./backtest-record";
import { getBacktest, requestCancel, startBacktest } from "./backtest-store";
import { captureReader } from "./capture-reader";
import { runBacktest } from "./run-backtest";

/**
 * POST /api/models/{version}/backtest: takes the tenant's backtest lock, records the run (audited)
 * and starts it in this process without waiting; the caller follows it with GET /api/backtests/{id}.
 * The run is the same function wherever it runs (a Lambda or the local functions host could run
 * `runBacktest` from the stored record); a process that dies mid-run leaves a stale heartbeat, and
 * the next start takes the lock over and marks the old run failed ("interrupted").
 */
export async function launchBacktest(
  input: { tenantId: string; version: number; from: string; to: string; actor: string },
  deps: CandidateDeps & AuditDeps = {},
): Promise<Backtest> {
  const { tenant, version } = await loadCandidate({ ...input, requireApproved: false }, deps);
  const backtest = await auditedAction(
    {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "backtest.start",
      target: `model:${input.version}`,
      requested: { from: input.from, to: input.to },
    },
    async () => {
      const started = await startBacktest({ ...input, endpointName: tenant.endpointName }, deps);
      return {
        outcome: "applied",
        result: started,
        before: null,
        after: { id: started.id, from: started.from, to: started.to },
        target: `backtest:${started.id}`,
      };
    },
    deps,
  );
  void runBacktest(backtest, version.arn, { ...deps, capture: captureReader({ tenantId: input.tenantId }) }).catch((error: unknown) =>
    console.error(`backtest ${backtest.id} ended with an error`, error),
  );
  return backtest;
}

/** POST /api/backtests/{id}/cancel (audited): the run stops at its next step and ends `cancelled`. */
export async function cancelBacktest(input: { tenantId: string; id: string; actor: string }, deps: AuditDeps = {}): Promise<Backtest> {
  return auditedAction(
    { tenantId: input.tenantId, actor: input.actor, action: "backtest.cancel", target: `backtest:${input.id}` },
    async () => {
      const before = await getBacktest(input, deps);
      const after = await requestCancel(input, deps);
      return { outcome: "applied", result: after, before: { status: before.status }, after: { cancelRequested: true } };
    },
    deps,
  );
}
