import type { EndpointDetail } from "@/lib/queries/endpoints";
import type { RollbackState, RollbackVariantState } from "@/lib/queries/rollbacks";

/** One variant's line in a rollback's diff: version and traffic share before → after. */
export interface DiffRow {
  variantName: string;
  versionBefore: string | null;
  versionAfter: string | null;
  shareBefore: number | null;
  shareAfter: number | null;
}

export interface RollbackPlan {
  /** disable_canary: canary 0, production 100 on the same config; restore_config: the previous deployment's config. */
  kind: "disable_canary" | "restore_config" | "none";
  configBefore: string | null;
  configAfter: string | null;
  rows: DiffRow[];
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));

/** The variant that keeps the traffic: the one whose role (else name) is production, else the first. */
export function productionOf<T extends { variantName: string; role?: string }>(variants: readonly T[]): T | undefined {
  return variants.find((v) => v.role === "production") ?? variants.find((v) => v.variantName === "production") ?? variants[0];
}

function shares(variants: readonly RollbackVariantState[]): Map<string, number> {
  const total = variants.reduce((n, v) => n + Math.max(0, v.weight), 0);
  return new Map(variants.map((v) => [v.variantName, total > 0 ? Math.max(0, v.weight) / total : 0]));
}

/** Before → after per variant (a variant only on one side shows null on the other), production first. */
export function diffStates(before: RollbackState | null, after: RollbackState | null): DiffRow[] {
  const b = before?.variants ?? [];
  const a = after?.variants ?? [];
  const sb = shares(b);
  const sa = shares(a);
  const names = [...new Set([...b, ...a].map((v) => v.variantName))];
  return names.map((name) => {
    const vb = b.find((v) => v.variantName === name);
    const va = a.find((v) => v.variantName === name);
    return {
      variantName: name,
      versionBefore: text(vb?.modelVersion),
      versionAfter: text(va?.modelVersion),
      shareBefore: vb ? (sb.get(name) ?? 0) : null,
      shareAfter: va ? (sa.get(name) ?? 0) : null,
    };
  });
}

/** The endpoint's live traffic as a rollback state (shadows carry no traffic and are left as they are). */
export function currentState(endpoint: EndpointDetail): RollbackState {
  return {
    endpointConfigName: endpoint.endpointConfigName,
    variants: endpoint.variants
      .filter((v) => !v.isShadow)
      .map((v) => ({ variantName: v.variantName, modelVersion: v.modelVersion ?? v.modelName, weight: v.currentWeight })),
  };
}

/**
 * What "Roll back" will do, as the server's rollback decides it (issue [7/12] point 4): while a
 * canary takes traffic, canary 0 and production 100 on the same config; otherwise the previous
 * deployment's endpoint config is restored; with neither there is nothing to roll back.
 */
export function planRollback(endpoint: EndpointDetail, previous: RollbackState | null | undefined): RollbackPlan {
  const before = currentState(endpoint);
  const live = before.variants ?? [];
  const production = productionOf(live);
  const canaryLive = live.some((v) => v !== production && v.weight > 0);
  if (production && canaryLive) {
    const after: RollbackState = {
      endpointConfigName: endpoint.endpointConfigName,
      variants: live.map((v) => ({ ...v, weight: v === production ? Math.max(v.weight, 1) : 0 })),
    };
    return {
      kind: "disable_canary",
      configBefore: endpoint.endpointConfigName,
      configAfter: endpoint.endpointConfigName,
      rows: diffStates(before, after),
    };
  }
  if (previous?.variants?.length) {
    return {
      kind: "restore_config",
      configBefore: endpoint.endpointConfigName,
      configAfter: previous.endpointConfigName ?? null,
      rows: diffStates(before, previous),
    };
  }
  return { kind: "none", configBefore: endpoint.endpointConfigName, configAfter: null, rows: [] };
}

/** Whether the endpoint now serves the rollback's `after` traffic (the UI follows it until then). */
export function hasTrafficMoved(endpoint: EndpointDetail | null | undefined, after: RollbackState | null | undefined): boolean {
  if (!endpoint || !after?.variants?.length || endpoint.status !== "InService") return false;
  if (after.endpointConfigName && endpoint.endpointConfigName !== after.endpointConfigName) return false;
  const want = shares(after.variants);
  return endpoint.variants.filter((v) => !v.isShadow).every((v) => Math.abs(v.trafficShare - (want.get(v.variantName) ?? 0)) < 1e-6);
}
