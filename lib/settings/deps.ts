import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface SettingsStoreDeps {
  db?: Pick<DynamoDBDocumentClient, "send">;
  tableName?: string;
  now?: () => Date;
}
