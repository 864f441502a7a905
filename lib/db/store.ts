import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";

/** The part of the document client lib/ uses: unit tests pass a fake, integration tests a real client. */
export type DocumentDb = Pick<DynamoDBDocumentClient, "send">;

/**
 * What every lib/ function that reads or writes the main table takes from outside (STYLE.md #5).
 * All optional: the console passes nothing and gets the shared client, the configured table and the
 * wall clock; tests and jobs pass their own.
 */
export interface StoreDeps {
  db?: DocumentDb;
  tableName?: string;
  now?: () => Date;
}

/** StoreDeps with the defaults filled in. */
export interface Store {
  db: DocumentDb;
  tableName: string;
  now: () => Date;
}

const wallClock = () => new Date();

/** The store a call works on: what the caller passed, else the shared client, the configured table, the wall clock. */
export function store(deps: StoreDeps = {}): Store {
  return { db: deps.db ?? documentClient(), tableName: deps.tableName ?? env().TABLE_NAME, now: deps.now ?? wallClock };
}
