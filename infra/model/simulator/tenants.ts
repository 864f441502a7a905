import type { DeviceType, MerchantCategory } from "@/lib/features/vocabularies";
import type { Weights } from "./random";

export const FRAUD_PATTERNS = ["card_testing", "account_takeover", "bust_out", "compromised_merchant"] as const;
export type FraudPattern = (typeof FRAUD_PATTERNS)[number];

export const TENANT_IDS = ["acme-bank", "globex-pay"] as const;
export type TenantId = (typeof TENANT_IDS)[number];

/** The business of one demo tenant: who its customers are, where and how they pay, how they are attacked. */
export interface TenantProfile {
  tenant: TenantId;
  /** SageMaker model package group of this tenant's fraud models. */
  modelPackageGroup: string;
  homeCountries: Weights<string>;
  currencyByCountry: Readonly<Record<string, string>>;
  /** Share of legitimate transactions made with the card present (in store). */
  cardPresentShare: number;
  /** Legitimate categories by channel. */
  cardPresentCategories: Weights<MerchantCategory>;
  ecommerceCategories: Weights<MerchantCategory>;
  /** Devices customers shop online with. */
  onlineDevices: Weights<DeviceType>;
  /** Median of customers' typical transaction amount. */
  spendMedian: number;
  fraudRate: number;
  patternWeights: Weights<FraudPattern>;
  /** Share of traffic from integrations that send only amount, device and geo (like the demo payloads). */
  minimalContextShare: number;
  customers: number;
  merchants: number;
}

const EURO = { DE: "EUR", FR: "EUR", NL: "EUR", ES: "EUR", GB: "GBP" };

/** A card-present-heavy retail bank. */
const ACME_BANK: TenantProfile = {
  tenant: "acme-bank",
  modelPackageGroup: "acme-bank-fraud",
  homeCountries: { US: 0.93, CA: 0.07 },
  currencyByCountry: { US: "USD", CA: "CAD" },
  cardPresentShare: 0.75,
  cardPresentCategories: { grocery: 30, restaurant: 22, fuel: 16, retail: 20, travel: 3, electronics: 4, jewelry: 1, other: 4 },
  ecommerceCategories: { retail: 35, travel: 15, electronics: 12, digital_goods: 20, money_transfer: 3, gambling: 2, other: 13 },
  onlineDevices: { mobile: 55, desktop: 35, tablet: 8, other: 2 },
  spendMedian: 55,
  fraudRate: 0.014,
  patternWeights: { card_testing: 0.15, account_takeover: 0.3, bust_out: 0.3, compromised_merchant: 0.25 },
  minimalContextShare: 0.15,
  customers: 5000,
  merchants: 400,
};

/** A card-not-present e-commerce payment service provider in Europe. */
const GLOBEX_PAY: TenantProfile = {
  tenant: "globex-pay",
  modelPackageGroup: "globex-pay-fraud",
  homeCountries: { GB: 0.35, DE: 0.25, FR: 0.2, NL: 0.1, ES: 0.1 },
  currencyByCountry: EURO,
  cardPresentShare: 0.05,
  cardPresentCategories: { retail: 50, restaurant: 30, other: 20 },
  ecommerceCategories: { retail: 30, digital_goods: 28, travel: 14, electronics: 12, gambling: 5, money_transfer: 4, jewelry: 2, other: 5 },
  onlineDevices: { mobile: 62, desktop: 26, tablet: 9, other: 3 },
  spendMedian: 40,
  fraudRate: 0.018,
  patternWeights: { card_testing: 0.35, account_takeover: 0.35, bust_out: 0.1, compromised_merchant: 0.2 },
  minimalContextShare: 0.35,
  customers: 6000,
  merchants: 500,
};

export const TENANT_PROFILES: Readonly<Record<TenantId, TenantProfile>> = {
  "acme-bank": ACME_BANK,
  "globex-pay": GLOBEX_PAY,
};
