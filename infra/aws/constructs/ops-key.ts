import { ArnFormat, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";

/**
 * The key of the operational plane: SNS topics (alarms, budget), log groups and secrets. Apart from
 * the data key so that the services that publish alarms and budget notices (CloudWatch, AWS
 * Budgets) and CloudWatch Logs get use of this key only, never of the one protecting customer data.
 */
export class OpsKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: { prefix: string; retain: boolean }) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new kms.Key(this, "Key", {
      alias: `alias/${props.prefix}-ops`,
      description: "Fraud Console operations: alarm and budget topics, log groups, secrets",
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const sameAccount = { StringEquals: { "aws:SourceAccount": stack.account } };
    // Publishers to an encrypted topic need the key (SNS developer guide, "Enable compatibility
    // between event sources from AWS services and encrypted topics").
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "AlarmAndBudgetPublishers",
        principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com"), new iam.ServicePrincipal("budgets.amazonaws.com")],
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        conditions: sameAccount,
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "CloudWatchLogs",
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        conditions: {
          ArnLike: {
            "kms:EncryptionContext:aws:logs:arn": stack.formatArn({
              service: "logs",
              resource: "log-group",
              resourceName: "*",
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
  }
}
