import { CATEGORY_MCC } from "@/lib/features/vocabularies";
import type { Transaction } from "@/lib/features/transaction";
import type { Draft } from "./draft";
import type { Random } from "./random";

/**
 * Turn a draft into the JSON a payment app would send. Integrations differ: most send rich context,
 * some (like the seeds' demo payloads) only amount, device and geo, and any field can be absent.
 * That is why the models must learn what a missing value means.
 */
const DROP_SHARE = 0.03;

function minimal(rng: Random, draft: Draft, txnId: string): Transaction {
  return {
    txn_id: txnId,
    amount: draft.amount,
    ...(rng.chance(0.9) && { device: draft.device }),
    ...(rng.chance(0.6) && { geo: draft.geo }),
    ...(rng.chance(0.4) && { channel: draft.channel }),
  };
}

function full(rng: Random, draft: Draft, txnId: string, at: Date): Transaction {
  const keep = () => !rng.chance(DROP_SHARE);
  const { customer, merchant } = draft;
  const location = draft.country ? { country: draft.country, home_country: customer.homeCountry } : { geo: draft.geo };
  return {
    txn_id: txnId,
    amount: draft.amount,
    currency: customer.currency,
    ...(keep() && { device: draft.device }),
    ...(keep() && location),
    ...(keep() && { channel: draft.channel }),
    ...(keep() && { merchant_category: CATEGORY_MCC[merchant.category], merchant_id: merchant.id }),
    ...(keep() && { merchant_chargeback_rate_90d: Math.round(merchant.chargebackRate * 10000) / 10000 }),
    customer_id: customer.id,
    card_id: customer.cardId,
    ...(keep() && { customer_avg_amount_30d: draft.customerAvg30d }),
    ...(keep() && { txn_count_1h: draft.txnCount1h, txn_count_24h: draft.txnCount24h }),
    ...(keep() && { account_age_days: draft.accountAgeDays }),
    // A shop's terminal is not the customer's device: no device history to report.
    ...(draft.device !== "pos" && keep() && { device_first_seen: draft.isNewDevice, device_age_days: draft.deviceAgeDays }),
    ...(keep() && { hour_of_day: draft.hour }),
    timestamp: at.toISOString(),
  };
}

export function toTransaction(rng: Random, draft: Draft, txnId: string, at: Date, minimalContextShare: number): Transaction {
  return rng.chance(minimalContextShare) ? minimal(rng, draft, txnId) : full(rng, draft, txnId, at);
}
