import type { GeneratorOptions } from "@/infra/model/simulator/generator";
import { TENANT_PLANS } from "@/infra/model/pipeline/plan";
import type { TenantId } from "@/infra/model/simulator/tenants";

const DAY_MS = 86_400_000;

/**
 * The demo's emerging drift (infra/model/simulator/drift.ts knobs), shared by the seeded capture
 * and the live traffic simulator so that the story continues across the seed and the live demo:
 * from DRIFT_ONSET_DAYS before the first seed, legitimate amounts grow, card-present spending moves
 * online and customers bring new devices; nothing else changes.
 */
export const DEMO_DRIFT_KNOBS = {
  amountGrowthPerMonth: 5,
  ecommerceShiftPerMonth: 3,
  newDeviceShiftPerMonth: 1.2,
} as const;

/** Drift begins this long before the first seed: the seeded runs show it emerge. */
export const DRIFT_ONSET_DAYS = 3;

/**
 * Account and device ages grow with the simulator's day count since its origin. The committed
 * models were trained on days 120–210 after the default origin (infra/model/pipeline/plan.ts);
 * traffic counted from that origin today would look months older than the training data, an
 * ageing drift nobody asked for. So the demo's generators age from this many days before `at`.
 */
const TRAINING_MEDIAN_DAY = 165;

export function demoDriftOnset(firstSeededAt: Date): Date {
  return new Date(firstSeededAt.getTime() - DRIFT_ONSET_DAYS * DAY_MS);
}

/**
 * Generator options of the demo's traffic from `now` on, with drift from `onset`: the customers and
 * merchants of the tenant's training data (another population of the same profile differs by
 * chance, e.g. in its devices' ages, by more than the drift thresholds tolerate), ageing as there.
 */
export function demoDriftOptions(
  tenant: TenantId,
  onset: Date,
  now: Date,
): Pick<GeneratorOptions, "populationSeed" | "driftStart" | "driftOnset" | "drift"> {
  const plan = TENANT_PLANS.find((p) => p.tenant === tenant);
  return {
    populationSeed: plan?.history.seed,
    driftStart: new Date(now.getTime() - TRAINING_MEDIAN_DAY * DAY_MS),
    driftOnset: onset,
    drift: DEMO_DRIFT_KNOBS,
  };
}
