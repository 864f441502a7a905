import type { Channel, DeviceType, GeoRelation, MerchantCategory } from "@/lib/features/vocabularies";
import { countryFor, dayHour, nightHeavyHour, type Draft, type DrawContext } from "./draft";
import { drawLegit, pickMerchant } from "./legit";
import type { Population } from "./population";
import { roundCents, type Random, type Weights } from "./random";
import type { FraudPattern, TenantProfile } from "./tenants";

/**
 * Fraud patterns. Each starts from a legitimate draft of a victim customer (so the context is
 * realistic) and changes what the attack changes. A share of every pattern is "stealthy": it looks
 * like the victim's own spending, which keeps the models honest (no perfect separation).
 */
const STEALTH_SHARE = 0.06;

type Pattern = (context: DrawContext, profile: TenantProfile, population: Population, base: Draft) => Draft;

function geoFrom(rng: Random, weights: Weights<GeoRelation>, home: string) {
  const geo = rng.weighted(weights);
  return { geo, country: countryFor(rng, geo, home) };
}

/** Many tiny online charges in a burst to learn which stolen cards work. */
const cardTesting: Pattern = ({ rng }, _profile, population, base) => {
  const cashOut = rng.chance(0.15);
  return {
    ...base,
    channel: "ecommerce",
    merchant: pickMerchant(rng, population, "ecommerce", { digital_goods: 5, other: 3, retail: 2 }),
    amount: roundCents(cashOut ? rng.uniform(80, 600) : rng.uniform(0.5, 9.99)),
    device: rng.weighted<DeviceType>({ desktop: 45, emulator: 25, mobile: 20, other: 10 }),
    isNewDevice: rng.chance(0.85),
    deviceAgeDays: 0,
    ...geoFrom(rng, { unknown: 40, foreign: 35, domestic: 25 }, base.customer.homeCountry),
    hour: nightHeavyHour(rng, 0.35),
    txnCount1h: rng.int(4, 30),
    txnCount24h: rng.int(6, 60),
  };
};

/** A fraudster logs in from a new (often rooted) device abroad and drains the account. */
const accountTakeover: Pattern = ({ rng }, _profile, population, base) => ({
  ...base,
  channel: "ecommerce",
  merchant: pickMerchant(rng, population, "ecommerce", { money_transfer: 35, electronics: 30, jewelry: 15, digital_goods: 10, travel: 10 }),
  amount: roundCents(Math.min(9500, rng.chance(0.5) ? rng.uniform(400, 6000) : base.customerAvg30d * rng.uniform(4, 40))),
  device: rng.weighted<DeviceType>({ "rooted-phone": 40, emulator: 20, mobile: 22, desktop: 18 }),
  isNewDevice: rng.chance(0.9),
  deviceAgeDays: 0,
  ...geoFrom(rng, { foreign: 45, unknown: 40, domestic: 15 }, base.customer.homeCountry),
  hour: nightHeavyHour(rng, 0.5),
  txnCount1h: rng.int(1, 4),
});

/** A seasoned-looking account maxes out its credit on resellable goods, then disappears. */
const bustOut: Pattern = ({ rng }, profile, population, base) => {
  const channel: Channel = rng.chance(profile.cardPresentShare) ? "card_present" : "ecommerce";
  const goods: Weights<MerchantCategory> = { electronics: 40, jewelry: 30, travel: 20, money_transfer: 10 };
  return {
    ...base,
    channel,
    merchant: pickMerchant(rng, population, channel, goods),
    amount: roundCents(rng.uniform(1500, 10000)),
    device: channel === "card_present" ? "pos" : base.device === "pos" ? "desktop" : base.device,
    accountAgeDays: rng.int(60, 500),
    ...geoFrom(rng, { domestic: 95, foreign: 5 }, base.customer.homeCountry),
    hour: dayHour(rng),
    txnCount1h: rng.int(1, 4),
    txnCount24h: rng.int(5, 15),
  };
};

/** Cards stolen at a breached merchant are spent there and elsewhere at ordinary-looking amounts. */
const compromisedMerchant: Pattern = ({ rng }, _profile, population, base) => {
  const merchant = rng.pick(population.compromised);
  const online = merchant.channel === "ecommerce";
  return {
    ...base,
    merchant,
    channel: merchant.channel,
    amount: roundCents(base.customerAvg30d * rng.logNormal(1.8, 0.7)),
    device: online ? rng.weighted<DeviceType>({ desktop: 50, mobile: 40, other: 10 }) : "pos",
    isNewDevice: online && rng.chance(0.5),
    ...geoFrom(rng, { domestic: 60, foreign: 30, unknown: 10 }, base.customer.homeCountry),
    hour: nightHeavyHour(rng, 0.25),
  };
};

const PATTERNS: Readonly<Record<FraudPattern, Pattern>> = {
  card_testing: cardTesting,
  account_takeover: accountTakeover,
  bust_out: bustOut,
  compromised_merchant: compromisedMerchant,
};

export function drawFraud(context: DrawContext, profile: TenantProfile, population: Population, pattern: FraudPattern): Draft {
  const base = drawLegit(context, profile, population);
  if (context.rng.chance(STEALTH_SHARE)) return base;
  const draft = PATTERNS[pattern](context, profile, population, base);
  return draft.isNewDevice ? { ...draft, deviceAgeDays: 0 } : draft;
}
