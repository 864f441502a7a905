/**
 * Key layout of the main table (lib/aws/resources.ts). Every partition key begins with the tenant, so
 * a request can only reach its own tenant's items; look-ups that start elsewhere (an e-mail at sign-in,
 * an API key's hash) go through GSI1 and land on an item whose PK again names its tenant.
 *
 * | item        | PK                    | SK                 | GSI1PK               | GSI1SK |
 * |-------------|-----------------------|--------------------|----------------------|--------|
 * | tenant      | TENANT#<t>            | TENANT             | TENANTS              | <t>    |
 * | user        | TENANT#<t>            | USER#<email>       | EMAIL#<email>        | USER   |
 * | api key     | TENANT#<t>            | APIKEY#<keyId>     | APIKEY#<sha256>      | APIKEY |
 * | audit entry | TENANT#<t>#AUDIT      | <iso time>#<id>    |                      |        |
 */
export const tenantPk = (tenantId: string) => `TENANT#${tenantId}`;
export const TENANT_SK = "TENANT";
export const TENANTS_INDEX_PK = "TENANTS";

export const userSk = (email: string) => `USER#${normaliseEmail(email)}`;
export const emailIndexPk = (email: string) => `EMAIL#${normaliseEmail(email)}`;

export const apiKeySk = (keyId: string) => `APIKEY#${keyId}`;
export const apiKeyIndexPk = (keyHash: string) => `APIKEY#${keyHash}`;

export const auditPk = (tenantId: string) => `TENANT#${tenantId}#AUDIT`;

/** E-mail addresses compare case-insensitively for sign-in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
