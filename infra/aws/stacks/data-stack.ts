import { Aws, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as kms from "aws-cdk-lib/aws-kms";
import * as s3 from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { MAIN_TABLE, type TableDefinition } from "@/lib/aws/resources";
import type { AppConfig } from "../config";
import { EncryptedBucket } from "../constructs/encrypted-bucket";
import { acknowledge } from "../constructs/nag";
import { UserDirectory } from "../constructs/user-directory";

/** Data capture is kept for compliance: Glacier after 90 days, gone after 7 years. */
export const CAPTURE_GLACIER_AFTER_DAYS = 90;
export const CAPTURE_EXPIRE_AFTER_DAYS = 7 * 365 + 2; // 2,557 days: seven years with their leap days

/**
 * Physical names, fixed so the service stack names the same resources without importing their
 * ARNs (CloudFormation exports would freeze them) and policies read as what they grant. Bucket
 * names carry the account and Region (S3 names are global).
 */
export function dataResourceNames(prefix: string, account: string = Aws.ACCOUNT_ID, region: string = Aws.REGION) {
  return {
    table: prefix,
    modelsBucket: `${prefix}-models-${account}-${region}`,
    captureBucket: `${prefix}-capture-${account}-${region}`,
  };
}

/** The same names as cdk-nag writes them in findings (pseudo parameters in angle brackets). */
export const nagResourceNames = (prefix: string) => dataResourceNames(prefix, "<AWS::AccountId>", "<AWS::Region>");

export interface DataStackProps extends StackProps {
  readonly config: AppConfig;
}

/**
 * The stateful half: the customer-managed key, the table(s) of lib/aws/resources.ts, the
 * buckets and the Cognito user pool. Deployed first and on its own, retained in production, so the stateless stack can be
 * destroyed and rebuilt without touching data.
 */
export class DataStack extends Stack {
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  readonly modelsBucket: s3.Bucket;
  readonly captureBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  readonly users: UserDirectory;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const retain = config.stage === "production";
    const removalPolicy = retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.key = new kms.Key(this, "DataKey", {
      alias: `alias/${config.prefix}-data`,
      description: "Fraud Console data: DynamoDB table, model artifacts, data capture",
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow: Duration.days(30),
    });

    // S3 server access logs can be delivered only to a bucket with SSE-S3 (not SSE-KMS): the one
    // bucket not under the customer-managed key. It holds no customer data, only request logs.
    this.accessLogsBucket = new s3.Bucket(this, "AccessLogs", {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ id: "expire-logs", expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy,
      autoDeleteObjects: !retain,
    });
    acknowledge(
      this.accessLogsBucket,
      "AwsSolutions-S1",
      "This is the access-log bucket itself; logging it into itself would log its own log deliveries without end.",
    );

    const names = dataResourceNames(config.prefix);
    this.modelsBucket = new EncryptedBucket(this, "Models", {
      bucketName: names.modelsBucket,
      key: this.key,
      accessLogs: this.accessLogsBucket,
      retain,
    }).bucket;
    this.captureBucket = new EncryptedBucket(this, "Capture", {
      bucketName: names.captureBucket,
      key: this.key,
      accessLogs: this.accessLogsBucket,
      retain,
      lifecycleRules: [
        {
          id: "capture-archive-then-expire",
          transitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(CAPTURE_GLACIER_AFTER_DAYS) }],
          expiration: Duration.days(CAPTURE_EXPIRE_AFTER_DAYS),
        },
        // The drift fan-out's hour partials (functions/drift-fan-out.ts) are merged within the hour.
        { id: "expire-drift-partials", prefix: "drift-partials/", expiration: Duration.days(7) },
      ],
    }).bucket;

    this.table = this.buildTable(MAIN_TABLE, config, removalPolicy);
    this.users = new UserDirectory(this, "Users", { retain });
  }

  private buildTable(definition: TableDefinition, config: AppConfig, removalPolicy: RemovalPolicy): dynamodb.Table {
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    const table = new dynamodb.Table(this, `Table-${definition.id}`, {
      tableName: dataResourceNames(config.prefix).table,
      partitionKey: key(definition.partitionKey),
      sortKey: key(definition.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      timeToLiveAttribute: definition.timeToLiveAttribute,
      // New training-job records start the retraining state machine (training-orchestration.ts).
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      deletionProtection: config.stage === "production",
      removalPolicy,
    });
    for (const index of definition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }
}
