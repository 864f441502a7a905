import type { Transaction } from "@/lib/features/transaction";
import type { Rule, TenantSettings } from "@/lib/settings/tenant-settings";
import { mostSevere, type Decision } from "./decision";

/** A rule that fired, as recorded on the decision and the queue item. */
export interface RuleHit {
  rule_id: string;
  description: string;
  decision: Exclude<Decision, "LEGIT">;
}

export interface RuleScreen {
  hits: RuleHit[];
  /** The most severe decision the rules demand; LEGIT when none fired. */
  floor: Decision;
  /** True when a rule already decided SUSPICIOUS, so the model need not be asked. */
  isDecided: boolean;
}

const COMPARE: Record<Rule["operator"], (a: number, b: number) => boolean> = {
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

function ruleFires(rule: Rule, txn: Transaction): boolean {
  const value = txn[rule.field];
  // An absent field never fires a rule: rules test facts the payment app sent.
  return rule.enabled && value != null && COMPARE[rule.operator](value, rule.value);
}

function transactionCountry(txn: Transaction): string | null {
  if (txn.country) return txn.country;
  return txn.geo && /^[A-Z]{2}$/.test(txn.geo) ? txn.geo : null;
}

function blockListHits(txn: Transaction, settings: TenantSettings): RuleHit[] {
  const hits: RuleHit[] = [];
  if (txn.device && settings.blockLists.devices.includes(txn.device)) {
    hits.push({ rule_id: "blocked-device", description: `Device type ${txn.device} is blocked`, decision: "SUSPICIOUS" });
  }
  const country = transactionCountry(txn);
  if (country && settings.blockLists.countries.includes(country)) {
    hits.push({ rule_id: "blocked-country", description: `Country ${country} is blocked`, decision: "SUSPICIOUS" });
  }
  return hits;
}

/** The tenant's rules and block lists applied to one transaction, before any model call. */
export function screenRules(txn: Transaction, settings: TenantSettings): RuleScreen {
  const hits: RuleHit[] = [
    ...settings.rules
      .filter((rule) => ruleFires(rule, txn))
      .map((rule) => ({ rule_id: rule.id, description: rule.description, decision: rule.decision })),
    ...blockListHits(txn, settings),
  ];
  const floor = mostSevere(...hits.map((h) => h.decision));
  return { hits, floor, isDecided: floor === "SUSPICIOUS" };
}
