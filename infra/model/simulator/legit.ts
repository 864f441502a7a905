import type { Channel, GeoRelation, MerchantCategory } from "@/lib/features/vocabularies";
import { countryFor, dayHour, type Draft, type DrawContext } from "./draft";
import { merchantKey, type Customer, type Merchant, type Population } from "./population";
import { roundCents, type Random, type Weights } from "./random";
import type { TenantProfile } from "./tenants";

// How a category's tickets compare with the customer's typical amount.
const CATEGORY_SCALE: Readonly<Record<MerchantCategory, number>> = {
  grocery: 1,
  restaurant: 0.7,
  fuel: 0.9,
  retail: 1.2,
  travel: 4,
  electronics: 3,
  digital_goods: 0.3,
  jewelry: 4,
  gambling: 1,
  money_transfer: 2.5,
  other: 1,
};

export function pickMerchant(rng: Random, population: Population, channel: Channel, weights: Weights<MerchantCategory>): Merchant {
  const category = rng.weighted(weights);
  const candidates = population.merchants.get(merchantKey(channel, category)) ?? population.merchants.get(merchantKey(channel, "other"));
  if (!candidates) throw new Error(`no merchant for ${channel}/${category}`);
  return rng.pick(candidates);
}

function legitGeo(rng: Random, channel: Channel, foreignShift: number): GeoRelation {
  const foreign = (channel === "card_present" ? 0.05 : 0.06) + foreignShift;
  const unknown = channel === "card_present" ? 0.004 : 0.02;
  const draw = rng.float();
  return draw < unknown ? "unknown" : draw < unknown + foreign ? "foreign" : "domestic";
}

/** Legitimate amount: the customer's habit scaled by category, with the odd big purchase. */
function legitAmount(rng: Random, customer: Customer, category: MerchantCategory, scale: number): number {
  const splurge = rng.chance(0.02) ? rng.uniform(3, 12) : 1;
  return roundCents(Math.max(0.5, customer.typicalAmount * CATEGORY_SCALE[category] * scale * splurge * rng.logNormal(1, 0.6)));
}

function legitDevice(rng: Random, customer: Customer, channel: Channel, newDeviceShift: number) {
  if (channel === "card_present") {
    // Mobile wallets (tap to pay with a phone) show up as the customer's phone.
    const wallet = rng.chance(0.08);
    return { device: wallet ? ("mobile" as const) : ("pos" as const), deviceAgeDays: wallet ? 300 : 0, isNewDevice: false };
  }
  if (rng.chance(0.03 + newDeviceShift)) {
    // A new phone or laptop; a few enthusiasts root their phones, testers use emulators.
    const device = rng.chance(0.02) ? "rooted-phone" : rng.chance(0.005) ? "emulator" : rng.chance(0.6) ? "mobile" : "desktop";
    return { device, deviceAgeDays: 0, isNewDevice: true } as const;
  }
  const known = rng.pick(customer.devices);
  const device = rng.chance(0.004) ? "rooted-phone" : known.type;
  return { device, deviceAgeDays: known.ageDays, isNewDevice: false } as const;
}

export function drawLegit(context: DrawContext, profile: TenantProfile, population: Population, customer?: Customer): Draft {
  const { rng, drift, day } = context;
  const who = customer ?? rng.pick(population.customers);
  const cardPresent = Math.max(0, profile.cardPresentShare - drift.ecommerceShift);
  const channel: Channel = rng.chance(cardPresent) ? "card_present" : "ecommerce";
  const weights = channel === "card_present" ? profile.cardPresentCategories : profile.ecommerceCategories;
  const merchant = pickMerchant(rng, population, channel, weights);
  const device = legitDevice(rng, who, channel, drift.newDeviceShift);
  const geo = legitGeo(rng, channel, drift.foreignShift);
  return {
    customer: who,
    merchant,
    channel,
    amount: legitAmount(rng, who, merchant.category, drift.amountScale),
    ...device,
    deviceAgeDays: device.isNewDevice ? 0 : device.deviceAgeDays + day,
    geo,
    country: countryFor(rng, geo, who.homeCountry),
    hour: dayHour(rng),
    txnCount1h: rng.poisson(who.dailyActivity * 0.12),
    txnCount24h: rng.poisson(who.dailyActivity * 1.1),
    accountAgeDays: who.accountAgeDays + day,
    customerAvg30d: roundCents(who.typicalAmount * drift.amountScale * rng.logNormal(1.1, 0.15)),
  };
}
