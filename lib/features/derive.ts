import type { Transaction } from "./transaction";
import { COMPROMISED_DEVICES, GEO_RELATIONS, merchantCategoryOf, type GeoRelation } from "./vocabularies";

/**
 * Derivations of model inputs from a transaction. Each returns null when the inputs it needs are
 * absent: a missing value is information XGBoost handles (default branch), a made-up zero is not.
 */

export function ratio(numerator: number, denominator: number | null | undefined): number | null {
  if (denominator == null || denominator <= 0) return null;
  return numerator / denominator;
}

export function indexOrNull<T extends string>(list: readonly T[], value: T | null | undefined): number | null {
  if (value == null) return null;
  const index = list.indexOf(value);
  return index < 0 ? null : index;
}

export function flag(value: boolean | null | undefined): number | null {
  return value == null ? null : value ? 1 : 0;
}

/** Location relative to the customer's home: explicit relation, else a country compared with home. */
export function geoRelation(txn: Transaction): GeoRelation | null {
  const { geo, country, home_country: home } = txn;
  if (geo && (GEO_RELATIONS as readonly string[]).includes(geo)) return geo as GeoRelation;
  const where = geo ?? country;
  if (!where || !home) return null;
  return where === home ? "domestic" : "foreign";
}

/** Days since this customer first used the device; first sight means zero days. */
export function deviceAgeDays(txn: Transaction): number | null {
  if (txn.device_age_days != null) return txn.device_age_days;
  return txn.device_first_seen === true ? 0 : null;
}

export function isNewDevice(txn: Transaction): boolean | null {
  if (txn.device_first_seen != null) return txn.device_first_seen;
  return txn.device_age_days == null ? null : txn.device_age_days < 1;
}

export function isCompromisedDevice(txn: Transaction): boolean | null {
  return txn.device == null ? null : COMPROMISED_DEVICES.has(txn.device);
}

/** Local hour: hour_of_day if sent, else the hour written in the timestamp (its own offset). */
export function hourOfDay(txn: Transaction): number | null {
  if (txn.hour_of_day != null) return txn.hour_of_day;
  const match = txn.timestamp ? /T(\d{2}):/.exec(txn.timestamp) : null;
  return match?.[1] ? Number(match[1]) : null;
}

export function merchantCategory(txn: Transaction) {
  return txn.merchant_category ? merchantCategoryOf(txn.merchant_category) : null;
}
