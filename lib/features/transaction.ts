import { z } from "zod";
import { isIso4217 } from "./currencies";
import { CHANNELS, DEVICE_TYPES, isMerchantCategoryValue } from "./vocabularies";

/**
 * The transaction JSON a payment application sends to POST /api/score. Only `txn_id` and `amount`
 * are required: payment apps differ in how much context they have, and every missing optional
 * field becomes a *missing* model input (never a zero), which XGBoost routes by its learned default.
 * `null` is accepted as "not sent". Unknown keys are dropped.
 */
const countryCode = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 country code such as US");
const count = z.number().int().nonnegative();
const nonNegative = z.number().nonnegative();
const id = z.string().min(1).max(128);

export const transactionSchema = z.object({
  txn_id: id,
  amount: z.number().nonnegative(),
  currency: z.string().refine(isIso4217, "expected an ISO 4217 currency code such as USD").nullish(),
  device: z.enum(DEVICE_TYPES).nullish(),
  /** Where the transaction comes from relative to the customer's home: a relation or a country code. */
  geo: z
    .string()
    .regex(/^(domestic|foreign|unknown|[A-Z]{2})$/, "expected domestic, foreign, unknown or a country code")
    .nullish(),
  country: countryCode.nullish(),
  home_country: countryCode.nullish(),
  channel: z.enum(CHANNELS).nullish(),
  /** A category name (see MERCHANT_CATEGORIES) or a 4-digit MCC. */
  merchant_category: z.string().refine(isMerchantCategoryValue, "expected a 4-digit MCC or a merchant category name").nullish(),
  merchant_id: id.nullish(),
  /** Share of the merchant's transactions charged back over 90 days, 0..1 (from the acquirer). */
  merchant_chargeback_rate_90d: z.number().min(0).max(1).nullish(),
  customer_id: id.nullish(),
  card_id: id.nullish(),
  customer_avg_amount_30d: nonNegative.nullish(),
  txn_count_1h: count.nullish(),
  txn_count_24h: count.nullish(),
  account_age_days: nonNegative.nullish(),
  device_first_seen: z.boolean().nullish(),
  device_age_days: nonNegative.nullish(),
  hour_of_day: z.number().int().min(0).max(23).nullish(),
  /** ISO 8601 with offset; its local hour is used when hour_of_day is absent. */
  timestamp: z.iso.datetime({ offset: true }).nullish(),
});

export type Transaction = z.infer<typeof transactionSchema>;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "amount"; "" for the body itself. */
  field: string;
  message: string;
}

export type ParseTransactionResult = { success: true; data: Transaction } | { success: false; issues: FieldIssue[] };

/** Validate untrusted input; issues name the field so a 400 can tell the caller what to fix. */
export function parseTransaction(input: unknown): ParseTransactionResult {
  const parsed = transactionSchema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
  return { success: false, issues };
}
