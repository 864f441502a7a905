import type { QueueItem } from "@/lib/queue/queue-item";
import { FEATURES } from "@/lib/features/schema";
import { formatMoney } from "./queue-cells";

const LABELS: Record<string, string> = {
  txn_id: "Txn id",
  amount: "Amount",
  currency: "Currency",
  device: "Device",
  geo: "Geo",
  country: "Country",
  home_country: "Home country",
  channel: "Channel",
  merchant_category: "Merchant category",
  merchant_id: "Merchant",
  merchant_chargeback_rate_90d: "Merchant chargebacks 90d",
  customer_id: "Customer",
  card_id: "Card",
  customer_avg_amount_30d: "Customer 30-day avg",
  txn_count_1h: "Txns last hour",
  txn_count_24h: "Txns last 24h",
  account_age_days: "Account age (days)",
  device_first_seen: "Device first seen",
  device_age_days: "Device age (days)",
  hour_of_day: "Hour of day",
  timestamp: "Timestamp",
};

/** Every field the payment app sent, then the model inputs derived from them. */
export function TransactionFacts({ item }: { item: QueueItem }) {
  const sent = Object.entries(item.transaction).filter(([, v]) => v !== null && v !== undefined);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <dl className="grid grid-cols-[minmax(0,11rem)_1fr] gap-x-3 gap-y-1.5 text-[12px]">
        {sent.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="truncate text-subtle">{LABELS[key] ?? key}</dt>
            <dd className="truncate font-mono">
              {key === "amount" ? formatMoney(Number(value), item.transaction.currency ?? null) : String(value)}
            </dd>
          </div>
        ))}
      </dl>
      <dl className="grid grid-cols-[minmax(0,12rem)_1fr] gap-x-3 gap-y-1.5 text-[12px]">
        {FEATURES.map((f) => {
          const value = item.features[f.name] ?? null;
          return (
            <div key={f.name} className="contents">
              <dt className="truncate text-subtle">{f.label}</dt>
              <dd className="break-words">{value == null ? <span className="text-subtle">missing</span> : f.describe(value)}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
