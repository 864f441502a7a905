import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface AuditStoreDeps {
  db?: Pick<DynamoDBDocumentClient, "send">;
  tableName?: string;
  now?: () => Date;
}
