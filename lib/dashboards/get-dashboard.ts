import { AREA_ROLES, isRoleAllowed, type Role } from "@/lib/auth/roles";
import { swrCache } from "@/lib/cache/swr-cache";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { tenantEndpoint } from "@/lib/scoring/tenant-endpoint";
import type { PanelContext, PanelDeps } from "./panel-context";
import { analystsPanel } from "./panels/analysts";
import { budgetPanel } from "./panels/budget";
import { driftPanel } from "./panels/drift";
import { impactPanel } from "./panels/impact";
import { qualityPanel } from "./panels/quality";
import { queuePanel } from "./panels/queue";
import { trafficPanel } from "./panels/traffic";
import { variantsPanel } from "./panels/variants";
import type { DashboardRange } from "./range";

/**
 * The dashboards' panels, each built from one GetMetricData (plus key look-ups in DynamoDB for the
 * queue, the deployment markers and the drift runs) — never one call per series, never a Scan. Analysts see the Team view (queue and analysts);
 * the other panels are for engineers, enforced here so the API and the page agree.
 */
export const PANELS = {
  traffic: { build: trafficPanel, roles: AREA_ROLES.endpoints },
  variants: { build: variantsPanel, roles: AREA_ROLES.endpoints },
  quality: { build: qualityPanel, roles: AREA_ROLES.endpoints },
  impact: { build: impactPanel, roles: AREA_ROLES.endpoints },
  budget: { build: budgetPanel, roles: AREA_ROLES.models },
  drift: { build: driftPanel, roles: AREA_ROLES.drift },
  queue: { build: queuePanel, roles: AREA_ROLES.queue },
  analysts: { build: analystsPanel, roles: AREA_ROLES.queue },
} as const;

export type PanelName = keyof typeof PANELS;
export type PanelData = { [K in PanelName]: Awaited<ReturnType<(typeof PANELS)[K]["build"]>> };
export const PANEL_NAMES = Object.keys(PANELS) as PanelName[];
export const TEAM_PANELS: readonly PanelName[] = ["queue", "analysts"];

export interface Dashboard {
  from: number;
  to: number;
  step: number;
  generatedAt: number;
  panels: Partial<PanelData>;
}

export function panelsFor(role: Role): PanelName[] {
  return PANEL_NAMES.filter((name) => isRoleAllowed(role, PANELS[name].roles));
}

/** Parses `panels=a,b` (default: every panel the role may see); naming one it may not see is 403. */
export function parsePanels(value: string | null, role: Role): PanelName[] {
  if (value === null || value === "") return panelsFor(role);
  const names = value.split(",").map((n) => n.trim());
  for (const name of names) {
    if (!Object.hasOwn(PANELS, name))
      throw new AppError("bad_request", `Unknown panel "${name}"; expected some of ${PANEL_NAMES.join(", ")}`);
    if (!isRoleAllowed(role, PANELS[name as PanelName].roles)) throw new AppError("forbidden", `Your role may not see the ${name} panel`);
  }
  return [...new Set(names as PanelName[])];
}

/**
 * A short per-tenant cache: the page refreshes every 30 s per viewer and CloudWatch's one-minute
 * data changes once a minute, so ten people on one tenant's dashboard cost one set of calls. Ranges
 * ending "now" are keyed to the minute for that reason.
 */
const CACHE_TTL_MS = 15_000;
const cache = swrCache<string, Dashboard>({ ttlMs: CACHE_TTL_MS, maxStaleMs: 60_000, maxEntries: 500 });

export async function getDashboard(
  input: { tenantId: string; range: DashboardRange; panels: readonly PanelName[]; now?: number },
  deps: PanelDeps = {},
): Promise<Dashboard> {
  const key = `${input.tenantId}|${input.range.from}|${input.range.to}|${input.range.step}|${[...input.panels].sort().join(",")}`;
  const load = () => buildDashboard(input, deps);
  return deps.onMetricCalls ? load() : cache.get(key, { load });
}

async function buildDashboard(
  input: { tenantId: string; range: DashboardRange; panels: readonly PanelName[]; now?: number },
  deps: PanelDeps,
): Promise<Dashboard> {
  const now = input.now ?? Date.now();
  const endpointName = await tenantEndpoint({ tenantId: input.tenantId });
  const ctx: PanelContext = { tenantId: input.tenantId, endpointName, range: input.range, now, namespace: env().METRICS_NAMESPACE, deps };
  const built = await Promise.all(input.panels.map(async (name) => [name, await PANELS[name].build(ctx)] as const));
  return { from: input.range.from, to: input.range.to, step: input.range.step, generatedAt: now, panels: Object.fromEntries(built) };
}
