import { z } from "zod";

/**
 * Who may do what, defined once. Pages, route handlers and the navigation all read these lists,
 * so the menu never offers a page that would refuse the user.
 *
 * - analyst: works the review queue; sees the dashboards' Team view (queue and analysts).
 * - ml_engineer: everything an analyst can, plus model operations (models, endpoints, drift,
 *   rollbacks, every dashboard panel).
 * - admin: everything, plus settings and the audit log.
 */
export const ROLES = ["analyst", "ml_engineer", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  analyst: "Analyst",
  ml_engineer: "ML engineer",
  admin: "Admin",
};

const EVERYONE: readonly Role[] = ROLES;
const ENGINEERS: readonly Role[] = ["ml_engineer", "admin"];
const ADMINS: readonly Role[] = ["admin"];

/** The areas of the console and the roles that may open each (pages and their APIs alike). */
export const AREA_ROLES = {
  queue: EVERYONE,
  // Analysts get the Team view (queue and analysts panels); the rest is for engineers (lib/dashboards).
  dashboards: EVERYONE,
  drift: ENGINEERS,
  models: ENGINEERS,
  endpoints: ENGINEERS,
  rollbacks: ENGINEERS,
  settings: ADMINS,
  audit: ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREA_ROLES;

export function isRoleAllowed(role: Role, allowed: readonly Role[] | undefined): boolean {
  return allowed === undefined || allowed.includes(role);
}

export function canAccess(role: Role, area: Area): boolean {
  return isRoleAllowed(role, AREA_ROLES[area]);
}
