import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import type * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";
import { endpointAlarms } from "@/lib/deployments/alarm-definitions";
import type { TenantDeployment } from "../config";
import { EncryptedTopic } from "./alerts-topic";
import { camelCaseKeys } from "./camel-case-keys";
import { CANARY_VARIANT } from "./tenant-endpoint";

/**
 * A tenant's rollback alarms, exactly lib/deployments/alarm-definitions.ts' list (the one the local
 * bootstrap puts into the CloudWatch emulator), each acting on the tenant's rollback topic:
 * encrypted with the ops key and refusing publishes without TLS.
 */
export class RollbackAlarms extends Construct {
  readonly topic: EncryptedTopic;
  readonly alarms: cloudwatch.CfnAlarm[];

  constructor(scope: Construct, id: string, props: { tenant: TenantDeployment; key: kms.IKey }) {
    super(scope, id);
    const { tenant } = props;
    this.topic = new EncryptedTopic(this, "RollbackTopic", {
      key: props.key,
      displayName: `Fraud Console rollback: ${tenant.endpointName}`,
      publishers: ["cloudwatch.amazonaws.com"],
    });
    const definitions = endpointAlarms({
      tenantId: tenant.tenantId,
      endpointName: tenant.endpointName,
      canaryVariantName: CANARY_VARIANT,
      rollbackTopicArn: this.topic.topic.topicArn,
      latencySloMs: tenant.latencySloMs,
    });
    this.alarms = definitions.map(
      (definition, i) => new cloudwatch.CfnAlarm(this, `Alarm${i}`, camelCaseKeys(definition) as cloudwatch.CfnAlarmProps),
    );
  }
}
