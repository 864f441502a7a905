/**
 * The categorical vocabularies of the transaction JSON. A categorical feature's model value is the
 * index of its category in these lists, so the order is part of the trained models' contract:
 * append new categories at the end, never reorder (and retrain when you add one).
 */

export const DEVICE_TYPES = ["pos", "desktop", "mobile", "tablet", "other", "rooted-phone", "emulator"] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Devices whose integrity checks failed: the usual tools of account takeover. */
export const COMPROMISED_DEVICES: ReadonlySet<DeviceType> = new Set(["rooted-phone", "emulator"]);

export const GEO_RELATIONS = ["domestic", "foreign", "unknown"] as const;
export type GeoRelation = (typeof GEO_RELATIONS)[number];

export const CHANNELS = ["card_present", "ecommerce"] as const;
export type Channel = (typeof CHANNELS)[number];

export const MERCHANT_CATEGORIES = [
  "grocery",
  "restaurant",
  "fuel",
  "retail",
  "travel",
  "electronics",
  "digital_goods",
  "jewelry",
  "gambling",
  "money_transfer",
  "other",
] as const;
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];

/** A representative MCC per category (what the simulator sends, like a real acquirer would). */
export const CATEGORY_MCC: Readonly<Record<MerchantCategory, string>> = {
  grocery: "5411",
  restaurant: "5812",
  fuel: "5541",
  retail: "5311",
  travel: "4511",
  electronics: "5732",
  digital_goods: "5816",
  jewelry: "5944",
  gambling: "7995",
  money_transfer: "4829",
  other: "7399",
};

// Inclusive MCC ranges per category (ISO 18245 groups, simplified). First match wins.
const MCC_RANGES: ReadonlyArray<readonly [number, number, MerchantCategory]> = [
  [3000, 3999, "travel"],
  [4111, 4131, "travel"],
  [4411, 4411, "travel"],
  [4511, 4511, "travel"],
  [4722, 4722, "travel"],
  [7011, 7011, "travel"],
  [7512, 7512, "travel"],
  [4829, 4829, "money_transfer"],
  [6012, 6012, "money_transfer"],
  [6051, 6051, "money_transfer"],
  [6540, 6540, "money_transfer"],
  [5045, 5045, "electronics"],
  [5722, 5722, "electronics"],
  [5732, 5734, "electronics"],
  [5094, 5094, "jewelry"],
  [5944, 5944, "jewelry"],
  [5815, 5818, "digital_goods"],
  [5411, 5499, "grocery"],
  [5812, 5814, "restaurant"],
  [5541, 5542, "fuel"],
  [5983, 5983, "fuel"],
  [7800, 7802, "gambling"],
  [7995, 7995, "gambling"],
  [5200, 5399, "retail"],
  [5600, 5699, "retail"],
  [5900, 5999, "retail"],
];

/** Category of a merchant_category value: a category name, or a 4-digit MCC. */
export function merchantCategoryOf(value: string): MerchantCategory {
  if ((MERCHANT_CATEGORIES as readonly string[]).includes(value)) return value as MerchantCategory;
  const mcc = Number(value);
  const range = MCC_RANGES.find(([low, high]) => mcc >= low && mcc <= high);
  return range ? range[2] : "other";
}

export function isMerchantCategoryValue(value: string): boolean {
  return /^\d{4}$/.test(value) || (MERCHANT_CATEGORIES as readonly string[]).includes(value);
}
