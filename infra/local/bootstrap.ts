import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, HeadBucketCommand } from "@aws-sdk/client-s3";
import { dynamoClient, s3Client } from "@/lib/aws/clients";
import { isDynamoMissing, isS3Missing } from "@/lib/aws/missing";
import { TABLES, type TableDefinition, type BucketRole } from "@/lib/aws/resources";
import { env } from "@/lib/env";

/** Physical names of the logical tables and buckets, from configuration. */
export function tableName(_table: TableDefinition): string {
  return env().TABLE_NAME;
}

export function bucketName(role: BucketRole): string {
  return role === "models" ? env().MODELS_BUCKET : env().CAPTURE_BUCKET;
}

function createTableInput(table: TableDefinition): CreateTableCommandInput {
  const attributeNames = [table.partitionKey, table.sortKey, ...table.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName(table),
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [...new Set(attributeNames)].map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: "HASH" },
      { AttributeName: table.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
  };
}

async function ensureTable(table: TableDefinition): Promise<void> {
  const client = dynamoClient();
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName(table) }));
    return;
  } catch (error) {
    if (!isDynamoMissing(error)) throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(table)));
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: tableName(table) });
}

async function ensureBucket(bucket: string): Promise<void> {
  try {
    await s3Client().send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    // Only absence means "create it": a 403 (a bucket name owned elsewhere) must stop the start.
    if (!isS3Missing(error)) throw error;
    await s3Client().send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

/** Creates every table and bucket of lib/aws/resources.ts that does not exist yet. Idempotent. */
export async function bootstrapResources(): Promise<void> {
  await Promise.all([...TABLES.map(ensureTable), ensureBucket(bucketName("models")), ensureBucket(bucketName("capture"))]);
}
