import type { Channel, DeviceType, GeoRelation } from "@/lib/features/vocabularies";
import type { Customer, Merchant } from "./population";
import type { Random } from "./random";

/** Everything the simulator knows about one transaction, before the integration drops fields. */
export interface Draft {
  customer: Customer;
  merchant: Merchant;
  channel: Channel;
  amount: number;
  device: DeviceType;
  deviceAgeDays: number;
  isNewDevice: boolean;
  geo: GeoRelation;
  /** Where the transaction happens (undefined when unknown). */
  country: string | undefined;
  /** Customer's local hour. */
  hour: number;
  txnCount1h: number;
  txnCount24h: number;
  accountAgeDays: number;
  customerAvg30d: number;
}

/** Distribution shifts at the transaction's time (see DriftKnobs). */
export interface DriftState {
  amountScale: number;
  ecommerceShift: number;
  foreignShift: number;
  newDeviceShift: number;
  fraudRateScale: number;
}

/** Everything a pattern needs to draw one transaction. */
export interface DrawContext {
  rng: Random;
  drift: DriftState;
  /** Days since the population snapshot (ages grow with it). */
  day: number;
}

// Relative frequency of legitimate spending by local hour (quiet nights, busy afternoons).
const DAY_HOURS = [2, 1, 1, 1, 1, 2, 4, 6, 8, 9, 10, 11, 12, 12, 11, 11, 11, 12, 12, 11, 9, 7, 5, 3];
const HOUR_WEIGHTS = Object.fromEntries(DAY_HOURS.map((w, h) => [String(h), w]));

export function dayHour(rng: Random): number {
  return Number(rng.weighted(HOUR_WEIGHTS));
}

/** Attack hours: many at night when the victim sleeps. */
export function nightHeavyHour(rng: Random, nightShare: number): number {
  return rng.chance(nightShare) ? rng.int(0, 5) : rng.int(0, 23);
}

const ABROAD = ["US", "CA", "MX", "GB", "FR", "DE", "ES", "IT", "NL", "BR", "NG", "RO", "IN", "TH", "AE", "TR"];

export function foreignCountry(rng: Random, home: string): string {
  const country = rng.pick(ABROAD);
  return country === home ? "IT" : country;
}

export function countryFor(rng: Random, geo: GeoRelation, home: string): string | undefined {
  if (geo === "unknown") return undefined;
  return geo === "domestic" ? home : foreignCountry(rng, home);
}
