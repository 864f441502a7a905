import { MERCHANT_CATEGORIES } from "./vocabularies";

/** Plain-language phrases for categorical values, used by the explanation summaries. */
export const DEVICE_PHRASES: Record<string, string> = {
  pos: "a card terminal (POS)",
  desktop: "a desktop computer",
  mobile: "a mobile phone",
  tablet: "a tablet",
  other: "another kind of device",
  "rooted-phone": "a rooted phone",
  emulator: "an emulator",
};
export const GEO_PHRASES: Record<string, string> = {
  domestic: "in the customer's home country",
  foreign: "abroad",
  unknown: "from an unknown location",
};
export const CHANNEL_PHRASES: Record<string, string> = {
  card_present: "a card-present purchase",
  ecommerce: "an online (card-not-present) purchase",
};
export const MERCHANT_PHRASES: Record<string, string> = Object.fromEntries(
  MERCHANT_CATEGORIES.map((c) => [c, c === "other" ? "a merchant in another category" : `a ${c.replace("_", " ")} merchant`]),
);
