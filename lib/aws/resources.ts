/**
 * The DynamoDB tables and S3 buckets the console needs, defined once. The local bootstrap
 * (infra/local) creates them from this list and the CDK app (infra/aws) provisions them from it,
 * so the two can never drift apart. Names come from configuration (lib/env.ts).
 *
 * One table holds every tenant-scoped item. Every partition key begins with `TENANT#<id>` (see
 * lib/db/keys.ts); the generic GSIs serve look-ups that start from something other than the
 * tenant (a user's e-mail at sign-in, an API key's hash) and the queue's sort orders.
 */
export interface KeySchemaDefinition {
  partitionKey: string;
  sortKey: string;
}

export interface TableDefinition extends KeySchemaDefinition {
  /** Logical name; the physical name comes from configuration. */
  id: "main";
  globalSecondaryIndexes: ReadonlyArray<KeySchemaDefinition & { indexName: string }>;
  /**
   * The attribute DynamoDB's TTL deletes by (epoch seconds), enabled by the CDK app. dynalite has no
   * TTL, so the console never relies on it: state that expires (sign-in locks, rate-limit leases,
   * claims) is one item overwritten in place and its expiry checked on read. An item that should
   * also disappear by itself sets this attribute.
   */
  timeToLiveAttribute: string;
}

export const MAIN_TABLE: TableDefinition = {
  id: "main",
  partitionKey: "PK",
  sortKey: "SK",
  globalSecondaryIndexes: [
    { indexName: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK" },
    { indexName: "GSI2", partitionKey: "GSI2PK", sortKey: "GSI2SK" },
  ],
  timeToLiveAttribute: "expiresAtEpochSeconds",
};

export const TABLES: readonly TableDefinition[] = [MAIN_TABLE];

/** Buckets by logical role; physical names come from configuration. */
export const BUCKET_ROLES = ["models", "capture"] as const;
export type BucketRole = (typeof BUCKET_ROLES)[number];
