import type { TenantSettings } from "@/lib/settings/tenant-settings";
import { mostSevere, type Decision } from "./decision";
import type { RuleScreen } from "./screen-rules";

/**
 * The decision when the model did not answer (error or over the tenant's budget): the rules still
 * apply, and the tenant's fail mode says whether an unscored payment is stepped up (review) or let
 * through (allow). Fail-open is a business choice some merchants make to protect conversion.
 */
export function degradedDecision(screen: RuleScreen, failMode: TenantSettings["failMode"]): Decision {
  return mostSevere(screen.floor, failMode === "review" ? "REVIEW" : "LEGIT");
}
