import { Duration, RemovalPolicy } from "aws-cdk-lib";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";

export interface EncryptedBucketProps {
  readonly bucketName: string;
  /** The customer-managed key every object is encrypted with (SSE-KMS with an S3 bucket key). */
  readonly key: kms.IKey;
  /** Where S3 server access logs go, under `<id>/`. */
  readonly accessLogs: s3.IBucket;
  /** Retained (and never emptied) when true; destroyed with its objects otherwise. */
  readonly retain: boolean;
  readonly lifecycleRules?: s3.LifecycleRule[];
}

/**
 * A private bucket as every data bucket here must be: SSE-KMS with the customer-managed key, all
 * public access blocked, TLS required (aws:SecureTransport), versioned, access-logged, owner-
 * enforced (no ACLs). Old versions expire after 90 days so versioning guards against mistakes
 * without keeping every overwrite for ever.
 */
export class EncryptedBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: EncryptedBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, "Bucket", {
      bucketName: props.bucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: `${id}/`,
      lifecycleRules: [{ id: "expire-old-versions", noncurrentVersionExpiration: Duration.days(90) }, ...(props.lifecycleRules ?? [])],
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !props.retain,
    });
  }
}
