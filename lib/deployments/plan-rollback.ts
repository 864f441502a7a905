import type { DeploymentRecord } from "./deployment-record";
import { isCanaryLive, type DeploymentSpec } from "./deployment-spec";

/** What a rollback of a deployment record does, decided from the record alone. */
export type RollbackPlan =
  | { kind: "weights"; after: DeploymentSpec; endpointConfigName: string }
  | { kind: "restore_config"; after: DeploymentSpec; endpointConfigName: string; restoredVersion: number }
  | { kind: "already"; eventId: string | null }
  | { kind: "nothing" };

/**
 * The last known-good state: while a canary is live, canary 0 and production 100 (production
 * variants keep their relative shares, scaled to 100); after a promotion, the previous deployment's
 * endpoint config. A record whose last change was a rollback is already rolled back, whatever its
 * weights (a restored config may carry a canary share): rolling back again takes a change first.
 */
export function planRollback(record: DeploymentRecord): RollbackPlan {
  if (record.kind === "rollback") return { kind: "already", eventId: record.lastRollbackEventId };
  if (isCanaryLive(record.spec)) {
    const production = record.spec.variants.filter((v) => v.role === "production");
    const total = production.reduce((sum, v) => sum + v.weight, 0);
    const variants = record.spec.variants.map((v) => {
      if (v.role === "canary") return { ...v, weight: 0 };
      return { ...v, weight: total > 0 ? round((v.weight / total) * 100) : round(100 / production.length) };
    });
    return { kind: "weights", after: { ...record.spec, variants }, endpointConfigName: record.endpointConfigName };
  }
  if (record.kind === "promotion" && record.previous) {
    return {
      kind: "restore_config",
      after: record.previous.spec,
      endpointConfigName: record.previous.endpointConfigName,
      restoredVersion: record.previous.version,
    };
  }
  return { kind: "nothing" };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
