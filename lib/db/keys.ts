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
 * | settings    | TENANT#<t>            | SETTINGS           |                      |        |
 * | queue item  | TENANT#<t>#TXN#<txn>  | QUEUE              | TENANT#<t>#QUEUE#<status> | <iso created>#<txn> |
 *
 * Queue items get a partition each (txn ids are the idempotency key and arrive at thousands per
 * second, so one tenant partition would be hot); listing goes through GSI1 by status, newest first.
 */
export const tenantPk = (tenantId: string) => `TENANT#${tenantId}`;
export const TENANT_SK = "TENANT";
export const TENANTS_INDEX_PK = "TENANTS";

export const userSk = (email: string) => `USER#${normaliseEmail(email)}`;
export const emailIndexPk = (email: string) => `EMAIL#${normaliseEmail(email)}`;

export const apiKeySk = (keyId: string) => `APIKEY#${keyId}`;
export const apiKeyIndexPk = (keyHash: string) => `APIKEY#${keyHash}`;

export const auditPk = (tenantId: string) => `TENANT#${tenantId}#AUDIT`;
export const auditSk = (at: string, id: string) => `${at}#${id}`;

export const SETTINGS_SK = "SETTINGS";

export const queueItemPk = (tenantId: string, txnId: string) => `TENANT#${tenantId}#TXN#${txnId}`;
export const QUEUE_ITEM_SK = "QUEUE";
export const queueStatusIndexPk = (tenantId: string, status: string) => `TENANT#${tenantId}#QUEUE#${status}`;
export const queueStatusIndexSk = (createdAt: string, txnId: string) => `${createdAt}#${txnId}`;

/** E-mail addresses compare case-insensitively for sign-in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
