import { Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";

export interface EncryptedTopicProps {
  readonly key: kms.IKey;
  readonly displayName: string;
  /** Service principals allowed to publish (from this account only). */
  readonly publishers?: string[];
  readonly email?: string;
}

/** An SNS topic encrypted with the ops key that refuses publishes without TLS (aws:SecureTransport). */
export class EncryptedTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: EncryptedTopicProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, "Topic", { displayName: props.displayName, masterKey: props.key, enforceSSL: true });
    for (const service of props.publishers ?? []) {
      this.topic.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal(service)],
          actions: ["sns:Publish"],
          resources: [this.topic.topicArn],
          conditions: { StringEquals: { "aws:SourceAccount": Stack.of(this).account } },
        }),
      );
    }
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
  }
}
