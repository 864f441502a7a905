import { AppError } from "@/lib/errors/app-error";
import type { DeploymentRecord } from "./deployment-record";

/** 409 for a change decided on an older version of the deployment: who changed it since, and when. */
export function staleVersionConflict(current: DeploymentRecord | null): AppError {
  if (!current) return new AppError("conflict", "The endpoint's deployment changed meanwhile; reload and try again");
  const by = current.rollback ? `a rollback by ${current.rollback.actor} (in progress since ${current.rollback.startedAt})` : current.actor;
  const at = current.rollback ? current.rollback.startedAt : current.updatedAt;
  return new AppError("conflict", `The endpoint was changed by ${by} at ${at}; reload and apply your change again`, {
    details: { currentVersion: current.version, changedBy: current.rollback?.actor ?? current.actor, changedAt: at, kind: current.kind },
  });
}
