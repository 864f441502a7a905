import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** What lib/users functions need from outside; defaults are the shared client and configured table. */
export interface UserStoreDeps {
  db?: Pick<DynamoDBDocumentClient, "send">;
  tableName?: string;
  now?: () => Date;
}
