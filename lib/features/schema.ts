import {
  deviceAgeDays,
  flag,
  geoRelation,
  hourOfDay,
  indexOrNull,
  isCompromisedDevice,
  isNewDevice,
  merchantCategory,
  ratio,
} from "./derive";
import { formatAge, formatAmount, formatCount, formatHour, formatMultiple, formatPercent } from "./format";
import { CHANNEL_PHRASES, DEVICE_PHRASES, GEO_PHRASES, MERCHANT_PHRASES } from "./phrases";
import type { Transaction } from "./transaction";
import { CHANNELS, DEVICE_TYPES, GEO_RELATIONS, MERCHANT_CATEGORIES } from "./vocabularies";

/**
 * The model's input features, defined once: the simulator and the training export write these
 * columns, the scoring path sends them to InvokeEndpoint in this order, and the explanation display
 * labels and describes them. The order is the trained models' contract (their feature_names):
 * changing it means retraining (`npm run model:train`).
 */
export type FeatureType = "numeric" | "boolean" | "categorical-encoded";
export type FeatureValue = number | null;

export interface FeatureDefinition {
  /** snake_case column header, identical to the model's feature name. */
  name: string;
  /** Short human label, e.g. "Amount vs 30-day average". */
  label: string;
  unit: string | null;
  type: FeatureType;
  /** For categorical-encoded features: the value is the index in this list. */
  categories?: readonly string[];
  derive(txn: Transaction): FeatureValue;
  /** Plain-language phrase for a value, e.g. "14× this customer's 30-day average". */
  describe(value: FeatureValue): string;
}

const NOT_PROVIDED = "not provided";

function described(phrase: (value: number) => string) {
  return (value: FeatureValue) => (value == null ? NOT_PROVIDED : phrase(value));
}

function category(list: readonly string[], phrases: Readonly<Record<string, string>>) {
  return described((code) => {
    const name = list[code];
    return name === undefined ? `unknown category ${code}` : (phrases[name] ?? name);
  });
}

export const FEATURES: readonly FeatureDefinition[] = [
  {
    name: "amount",
    label: "Amount",
    unit: "currency units",
    type: "numeric",
    derive: (t) => t.amount,
    describe: described((v) => `an amount of ${formatAmount(v)}`),
  },
  {
    name: "amount_to_avg_ratio",
    label: "Amount vs 30-day average",
    unit: "×",
    type: "numeric",
    derive: (t) => ratio(t.amount, t.customer_avg_amount_30d),
    describe: described((v) => `${formatMultiple(v)} this customer's 30-day average`),
  },
  {
    name: "txn_count_1h",
    label: "Transactions in the last hour",
    unit: "count",
    type: "numeric",
    derive: (t) => t.txn_count_1h ?? null,
    describe: described((v) => `${formatCount(v, "transaction")} in the last hour`),
  },
  {
    name: "txn_count_24h",
    label: "Transactions in the last 24 hours",
    unit: "count",
    type: "numeric",
    derive: (t) => t.txn_count_24h ?? null,
    describe: described((v) => `${formatCount(v, "transaction")} in the last 24 hours`),
  },
  {
    name: "account_age_days",
    label: "Account age",
    unit: "days",
    type: "numeric",
    derive: (t) => t.account_age_days ?? null,
    describe: described((v) => `an account ${formatAge(v)} old`),
  },
  {
    name: "device_age_days",
    label: "Device known for",
    unit: "days",
    type: "numeric",
    derive: deviceAgeDays,
    describe: described((v) => (v < 1 ? "a device first seen today" : `a device known for ${formatAge(v)}`)),
  },
  {
    name: "is_new_device",
    label: "New device",
    unit: null,
    type: "boolean",
    derive: (t) => flag(isNewDevice(t)),
    describe: described((v) => (v ? "a device never seen before for this customer" : "a device this customer has used before")),
  },
  {
    name: "device_type",
    label: "Device",
    unit: null,
    type: "categorical-encoded",
    categories: DEVICE_TYPES,
    derive: (t) => indexOrNull(DEVICE_TYPES, t.device),
    describe: category(DEVICE_TYPES, DEVICE_PHRASES),
  },
  {
    name: "is_rooted_device",
    label: "Rooted or emulated device",
    unit: null,
    type: "boolean",
    derive: (t) => flag(isCompromisedDevice(t)),
    describe: described((v) => (v ? "a rooted or emulated device" : "a device that passed integrity checks")),
  },
  {
    name: "geo",
    label: "Location vs home country",
    unit: null,
    type: "categorical-encoded",
    categories: GEO_RELATIONS,
    derive: (t) => indexOrNull(GEO_RELATIONS, geoRelation(t)),
    describe: category(GEO_RELATIONS, GEO_PHRASES),
  },
  {
    name: "channel",
    label: "Channel",
    unit: null,
    type: "categorical-encoded",
    categories: CHANNELS,
    derive: (t) => indexOrNull(CHANNELS, t.channel),
    describe: category(CHANNELS, CHANNEL_PHRASES),
  },
  {
    name: "merchant_category",
    label: "Merchant category",
    unit: null,
    type: "categorical-encoded",
    categories: MERCHANT_CATEGORIES,
    derive: (t) => indexOrNull(MERCHANT_CATEGORIES, merchantCategory(t)),
    describe: category(MERCHANT_CATEGORIES, MERCHANT_PHRASES),
  },
  {
    name: "merchant_chargeback_rate",
    label: "Merchant chargeback rate (90 days)",
    unit: "fraction",
    type: "numeric",
    derive: (t) => t.merchant_chargeback_rate_90d ?? null,
    describe: described((v) => `a merchant with ${formatPercent(v)} of sales charged back in 90 days`),
  },
  {
    name: "hour_of_day",
    label: "Local hour",
    unit: "hour",
    type: "numeric",
    derive: hourOfDay,
    describe: described((v) => (v < 6 ? `at night (${formatHour(v)})` : `at ${formatHour(v)}`)),
  },
];

export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);

/** The label column the training CSV carries before the features (1 = fraud). */
export const LABEL_COLUMN = "is_fraud";

export function featureByName(name: string): FeatureDefinition | undefined {
  return FEATURES.find((f) => f.name === name);
}

/** Model inputs in FEATURE_NAMES order; null = missing. */
export function toFeatureVector(txn: Transaction): FeatureValue[] {
  return FEATURES.map((f) => f.derive(txn));
}

/** One text/csv row for InvokeEndpoint (no header): an empty field is a missing value. */
export function encodeCsvRow(vector: readonly FeatureValue[]): string {
  return vector.map((v) => (v == null ? "" : String(v))).join(",");
}

export function toCsvRow(txn: Transaction): string {
  return encodeCsvRow(toFeatureVector(txn));
}

/** Inverse of encodeCsvRow (e.g. for captured endpoint input); throws on a malformed row. */
export function decodeCsvRow(row: string): FeatureValue[] {
  const fields = row.trim().split(",");
  if (fields.length !== FEATURES.length) {
    throw new Error(`expected ${FEATURES.length} fields, got ${fields.length}`);
  }
  return fields.map((field, i) => {
    if (field === "") return null;
    const value = Number(field);
    if (!Number.isFinite(value)) throw new Error(`field ${i + 1} (${FEATURE_NAMES[i]}) is not a number: ${field}`);
    return value;
  });
}
