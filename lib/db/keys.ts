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
 * | queue counts| TENANT#<t>#QUEUECOUNT | SHARD#<n>          |                      |        |
 * | queue link  | TENANT#<t>#CUSTOMER#<c> or …#CARD#<c> | <iso created>#<txn> |  |        |
 * | seed marker | TENANT#<t>            | SEED#<name>        |                      |        |
 * | rate window | TENANT#<t>#RATE#<key> | WINDOW             |                      |        |
 * | sign-in throttle (account) | TENANT#<t> | SIGNIN#<email> |                |        |
 * | sign-in throttle (address) | SIGNIN#ADDRESS#<address> | THROTTLE |        |        |
 * | alarm message (rollback handler) | TENANT#<t> | ALARMMSG#<sns message id> |  |        |
 * | drift run (listing)  | TENANT#<t>#DRIFT#<endpoint> | RUN#<run id>  |          |        |
 * | drift run (by id)    | TENANT#<t>#DRIFTRUN#<run id> | RUN         |          |        |
 * | drift episode        | TENANT#<t>#DRIFT#<endpoint> | EPISODE      |          |        |
 * | deployment  | TENANT#<t>            | DEPLOYMENT#<endpoint> |                   |        |
 * | deployment history | TENANT#<t>#DEPLOYMENTS#<endpoint> | V#<version, 8 digits> |  |   |
 * | rollback event | TENANT#<t>#ROLLBACK#<id> | EVENT     | TENANT#<t>#ROLLBACKS | <iso started>#<id> |
 * | notification webhooks | TENANT#<t>     | NOTIFICATIONS      |                      |        |
 *
 * | item        | GSI2PK                    | GSI2SK                         |
 * |-------------|---------------------------|--------------------------------|
 * | queue item  | TENANT#<t>#QUEUE#<status> | <score, 7 digits or "-">#<txn> |
 *
 * Queue items get a partition each (txn ids are the idempotency key and arrive at thousands per
 * second, so one tenant partition would be hot); listing goes through GSI1 by status in age order
 * and through GSI2 by status in score order. A status change moves the item between both indexes'
 * partitions. Counts per status are ADD counters spread over a few shards (one item per tenant
 * would be a hot key at scoring speed); links let the detail page find a customer's or card's
 * other queued transactions without a third index.
 *
 * Drift runs (lib/drift) are listed per endpoint, newest first, by a Query on the endpoint's drift
 * partition in descending sort-key order (run ids begin with their creation time); the item by id
 * adds the histograms and serves GET /api/drift/runs/{id}/… without knowing the endpoint. The
 * episode item sits beside the runs: the conditional writes on it make "retraining recommended"
 * notified once per episode, however many runs see the same drift.
 * Deployments (lib/deployments): one record per endpoint holds the current spec and a `version` for
 * optimistic concurrency (and, while a rollback runs, its claim); each change appends a history item
 * under the endpoint's own partition. Rollback events get a partition each (GetItem by id) and are
 * listed newest first through GSI1; the webhook URLs are their own item so that reading settings
 * never returns them.
 *
 * The one partition that does not begin with a tenant is the sign-in throttle of a client address:
 * it is counted before anyone is signed in and across tenants (lib/auth/throttle).
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
/** Score order: 0.9731 → "0973100"; no score (a rule decided) → "-", which sorts below every digit. */
export const queueScoreIndexSk = (score: number | null, txnId: string) =>
  `${score == null ? "-" : String(Math.round(score * 1_000_000)).padStart(7, "0")}#${txnId}`;
export const queueCountPk = (tenantId: string) => `TENANT#${tenantId}#QUEUECOUNT`;
export const queueCountSk = (shard: number) => `SHARD#${shard}`;
export const queueLinkPk = (tenantId: string, kind: "customer" | "card", id: string) =>
  `TENANT#${tenantId}#${kind === "customer" ? "CUSTOMER" : "CARD"}#${id}`;
export const queueLinkSk = (createdAt: string, txnId: string) => `${createdAt}#${txnId}`;
export const seedMarkerSk = (name: string) => `SEED#${name}`;

/** E-mail addresses compare case-insensitively for sign-in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Per-key rate-limit window (lib/scoring/rate-limit): one item per API key, reset each second. */
export const rateWindowPk = (tenantId: string, keyId: string) => `TENANT#${tenantId}#RATE#${keyId}`;
export const RATE_WINDOW_SK = "WINDOW";

/** Sign-in throttling (lib/auth/throttle): failures per account within its tenant, and per client address. */
export const signInAccountSk = (email: string) => `SIGNIN#${normaliseEmail(email)}`;
export const signInAddressPk = (address: string) => `SIGNIN#ADDRESS#${address}`;
export const SIGNIN_ADDRESS_SK = "THROTTLE";

/** Drift runs and the retraining episode (lib/drift). */
export const driftRunsPk = (tenantId: string, endpointName: string) => `TENANT#${tenantId}#DRIFT#${endpointName}`;
export const driftRunListSk = (runId: string) => `RUN#${runId}`;
export const DRIFT_RUN_LIST_PREFIX = "RUN#";
export const driftRunPk = (tenantId: string, runId: string) => `TENANT#${tenantId}#DRIFTRUN#${runId}`;
export const DRIFT_RUN_SK = "RUN";
export const DRIFT_EPISODE_SK = "EPISODE";

/**
 * Backtests (lib/promotion/backtest): one item per run in the tenant's partition, SK
 * `BACKTEST#<id>` (ids sort by start time, so a Query lists them newest first), and one lock item
 * per tenant (`BACKTESTLOCK`) that a conditional put takes: one backtest at a time per tenant.
 */
export const backtestSk = (id: string) => `BACKTEST#${id}`;
export const BACKTEST_SK_PREFIX = "BACKTEST#";
export const BACKTEST_LOCK_SK = "BACKTESTLOCK";

/** Deployments (lib/deployments): the record of an endpoint, its history, the rollback events. */
export const deploymentSk = (endpointName: string) => `DEPLOYMENT#${endpointName}`;
export const deploymentHistoryPk = (tenantId: string, endpointName: string) => `TENANT#${tenantId}#DEPLOYMENTS#${endpointName}`;
export const deploymentHistorySk = (version: number) => `V#${String(version).padStart(8, "0")}`;
export const rollbackEventPk = (tenantId: string, id: string) => `TENANT#${tenantId}#ROLLBACK#${id}`;
export const ROLLBACK_EVENT_SK = "EVENT";
export const rollbackIndexPk = (tenantId: string) => `TENANT#${tenantId}#ROLLBACKS`;
export const rollbackIndexSk = (startedAt: string, id: string) => `${startedAt}#${id}`;

/** Notification webhooks (lib/notifications), apart from the settings item so they are never sent to browsers whole. */
export const NOTIFICATIONS_SK = "NOTIFICATIONS";

/**
 * Training jobs (lib/training): one item per job in the tenant's partition, SK `TRAININGJOB#<name>`
 * (names begin with their creation time, so a Query lists them newest first), and one lock item per
 * tenant (`TRAININGLOCK`) taken with a conditional put: one job at a time per tenant.
 */
export const trainingJobSk = (name: string) => `TRAININGJOB#${name}`;
export const TRAINING_JOB_SK_PREFIX = "TRAININGJOB#";
export const TRAINING_LOCK_SK = "TRAININGLOCK";

/** An SNS alarm message the rollback handler took up (lib/deployments/rollback-handler.ts): redeliveries find it. */
export const alarmMessageSk = (messageId: string) => `ALARMMSG#${messageId}`;
