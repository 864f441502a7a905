import { MERCHANT_CATEGORIES, type Channel, type DeviceType, type MerchantCategory } from "@/lib/features/vocabularies";
import { Random } from "./random";
import type { TenantProfile } from "./tenants";

export interface Device {
  type: DeviceType;
  /** Days the customer had used it when the simulation starts. */
  ageDays: number;
}

export interface Customer {
  id: string;
  cardId: string;
  homeCountry: string;
  currency: string;
  /** Typical transaction amount. */
  typicalAmount: number;
  /** Account age when the simulation starts. */
  accountAgeDays: number;
  /** Mean transactions per day. */
  dailyActivity: number;
  devices: Device[];
}

export interface Merchant {
  id: string;
  category: MerchantCategory;
  channel: Channel;
  chargebackRate: number;
  /** Breached (skimmer, web-skimming script): stolen cards are used here. */
  isCompromised: boolean;
}

export interface Population {
  customers: Customer[];
  /** Merchants by channel and category, for weighted picks. */
  merchants: ReadonlyMap<string, Merchant[]>;
  compromised: Merchant[];
}

// Categories where legitimate merchants already see more disputes.
const RISKY_CATEGORIES: ReadonlySet<MerchantCategory> = new Set(["digital_goods", "gambling", "money_transfer", "jewelry"]);

export function merchantKey(channel: Channel, category: MerchantCategory): string {
  return `${channel}/${category}`;
}

function createCustomer(rng: Random, profile: TenantProfile, index: number): Customer {
  const homeCountry = rng.weighted(profile.homeCountries);
  const deviceCount = rng.chance(0.35) ? 2 : 1;
  const devices = Array.from({ length: deviceCount }, () => ({
    type: rng.weighted(profile.onlineDevices),
    ageDays: Math.round(rng.uniform(20, 1500)),
  }));
  return {
    id: `${profile.tenant}-cus-${index}`,
    cardId: `${profile.tenant}-card-${index}`,
    homeCountry,
    currency: profile.currencyByCountry[homeCountry] ?? "USD",
    typicalAmount: rng.logNormal(profile.spendMedian, 0.55),
    accountAgeDays: Math.round(Math.min(7000, rng.logNormal(900, 0.9))),
    dailyActivity: rng.logNormal(1.4, 0.5),
    devices,
  };
}

function createMerchant(rng: Random, profile: TenantProfile, index: number): Merchant {
  const channel: Channel = rng.chance(Math.max(0.15, profile.cardPresentShare)) ? "card_present" : "ecommerce";
  const weights = channel === "card_present" ? profile.cardPresentCategories : profile.ecommerceCategories;
  const category = rng.weighted(weights);
  const isCompromised = rng.chance(0.03);
  const median = RISKY_CATEGORIES.has(category) ? 0.012 : 0.004;
  const chargebackRate = isCompromised ? rng.uniform(0.02, 0.09) : Math.min(0.08, rng.logNormal(median, 0.7));
  return { id: `${profile.tenant}-mer-${index}`, category, channel, chargebackRate, isCompromised };
}

/** Every channel/category pair a transaction can ask for has at least one merchant. */
function ensureCoverage(rng: Random, profile: TenantProfile, merchants: Merchant[]): void {
  for (const channel of ["card_present", "ecommerce"] as const) {
    for (const category of MERCHANT_CATEGORIES) {
      if (merchants.some((m) => m.channel === channel && m.category === category)) continue;
      const chargebackRate = Math.min(0.08, rng.logNormal(RISKY_CATEGORIES.has(category) ? 0.012 : 0.004, 0.7));
      merchants.push({ id: `${profile.tenant}-mer-${merchants.length}`, category, channel, chargebackRate, isCompromised: false });
    }
  }
}

export function createPopulation(profile: TenantProfile, seed: number): Population {
  const rng = new Random(seed ^ 0x5eed);
  const customers = Array.from({ length: profile.customers }, (_, i) => createCustomer(rng, profile, i));
  const all = Array.from({ length: profile.merchants }, (_, i) => createMerchant(rng, profile, i));
  ensureCoverage(rng, profile, all);
  const merchants = new Map<string, Merchant[]>();
  for (const merchant of all) {
    const key = merchantKey(merchant.channel, merchant.category);
    merchants.set(key, [...(merchants.get(key) ?? []), merchant]);
  }
  // A breach needs a victim merchant even in a small population.
  const compromised = all.filter((m) => m.isCompromised);
  if (compromised.length === 0 && all[0]) compromised.push(all[0]);
  return { customers, merchants, compromised };
}
