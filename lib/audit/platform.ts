/**
 * The audit partition for events that belong to no tenant (a client address locked out of sign-in
 * before anyone is known). No tenant id can take this value: tenant ids start with a letter or digit.
 */
export const PLATFORM_AUDIT_TENANT = "_platform";
