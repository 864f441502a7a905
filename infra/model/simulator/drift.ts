import type { DriftState } from "./draft";

/**
 * Knobs that shift the traffic over time, to produce the drift the monitoring screens detect.
 * Each is a change per 30 days since the generator's `driftStart`; all zero = stationary traffic.
 */
export interface DriftKnobs {
  /** Relative growth of legitimate amounts (0.1 = +10% a month: inflation, a premium card launch). */
  amountGrowthPerMonth: number;
  /** Share of card-present traffic that moves online each month. */
  ecommerceShiftPerMonth: number;
  /** Added share of legitimate foreign transactions each month (a travel season). */
  foreignShiftPerMonth: number;
  /** Added share of legitimate first-seen devices each month (a phone launch). */
  newDeviceShiftPerMonth: number;
  /** Relative growth of the fraud rate each month (an attack campaign). */
  fraudRateGrowthPerMonth: number;
}

export const NO_DRIFT: DriftKnobs = {
  amountGrowthPerMonth: 0,
  ecommerceShiftPerMonth: 0,
  foreignShiftPerMonth: 0,
  newDeviceShiftPerMonth: 0,
  fraudRateGrowthPerMonth: 0,
};

const DAY_MS = 86_400_000;

export function driftAt(knobs: DriftKnobs, driftStart: Date, at: Date): DriftState {
  const months = Math.max(0, (at.getTime() - driftStart.getTime()) / (30 * DAY_MS));
  const clamp = (share: number) => Math.min(0.5, Math.max(0, share));
  return {
    amountScale: Math.max(0.1, 1 + knobs.amountGrowthPerMonth * months),
    ecommerceShift: clamp(knobs.ecommerceShiftPerMonth * months),
    foreignShift: clamp(knobs.foreignShiftPerMonth * months),
    newDeviceShift: clamp(knobs.newDeviceShiftPerMonth * months),
    fraudRateScale: Math.max(0, 1 + knobs.fraudRateGrowthPerMonth * months),
  };
}

export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}
