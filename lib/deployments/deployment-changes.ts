/**
 * Same-process notice that a tenant's deployment changed (deploy, weights, rollback), for caches
 * that hold what a deployment says (lib/scoring/model-versions.ts). Other processes (other console
 * instances, the rollback Lambda) are not told: their caches catch up within their own TTL.
 */
export interface DeploymentChange {
  tenantId: string;
  endpointName: string;
}

type Listener = (change: DeploymentChange) => void;

const listeners = new Set<Listener>();

/** Returns the unsubscribe function. */
export function onDeploymentChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function deploymentChanged(change: DeploymentChange): void {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch (error) {
      console.warn("deployment change listener failed", error);
    }
  }
}
