import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { RetryOptions } from "./with-retries";

/** What lib/queue functions need from outside; defaults are the shared client and configured table. */
export interface QueueStoreDeps {
  db?: Pick<DynamoDBDocumentClient, "send">;
  tableName?: string;
  now?: () => Date;
  retry?: RetryOptions;
}
