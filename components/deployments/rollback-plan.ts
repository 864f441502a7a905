import { isShadow, type EndpointDetail } from "@/lib/queries/endpoints";
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
  /** Why there is nothing to roll back (kind none). */
  unavailableReason?: string;
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));

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

/**
 * The confirmation's view of what "Roll back" will do, from the server's preview (the deployment
 * record decides: canary 0 / production 100 while a canary is live, else the previous deployment's
 * endpoint config), so the dialog shows exactly what the rollback then does.
 */
export function planFromPreview(endpoint: EndpointDetail): RollbackPlan {
  const preview = endpoint.rollback;
  if (!preview.available)
    return { kind: "none", configBefore: endpoint.endpointConfigName, configAfter: null, rows: [], unavailableReason: preview.reason };
  return {
    kind: preview.mode === "weights" ? "disable_canary" : "restore_config",
    configBefore: preview.before.endpointConfigName ?? endpoint.endpointConfigName,
    configAfter: preview.after.endpointConfigName ?? null,
    rows: diffStates(preview.before, preview.after),
  };
}

/** Whether the endpoint now serves the rollback's `after` traffic (the UI follows it until then). */
export function hasTrafficMoved(endpoint: EndpointDetail | null | undefined, after: RollbackState | null | undefined): boolean {
  if (!endpoint || !after?.variants?.length || endpoint.status !== "InService") return false;
  if (after.endpointConfigName && endpoint.endpointConfigName !== after.endpointConfigName) return false;
  const want = shares(after.variants);
  return endpoint.variants.filter((v) => !isShadow(v)).every((v) => Math.abs(v.trafficShare - (want.get(v.variantName) ?? 0)) < 1e-6);
}
