import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { endpointAlarms } from "@/lib/deployments/alarm-definitions";
import type { TenantDeployment } from "../config";
import { EncryptedTopic } from "./alerts-topic";
import { camelCaseKeys } from "./camel-case-keys";
import { FUNCTION_ACTIONS } from "./function-actions";
import { LibFunction } from "./lib-function";
import { ScopedPolicy, type DataPlane } from "./scoped-policy";
import { CANARY_VARIANT } from "./tenant-endpoint";

/** The module the rollback Lambda runs: the one the local functions host runs as rollback-on-alarm. */
export const ROLLBACK_HANDLER = "lib/deployments/rollback-handler.ts";

export interface RollbackAlarmsProps {
  readonly tenant: TenantDeployment;
  readonly key: kms.IKey;
  readonly data: DataPlane;
  /** The console's settings its lib/ code reads (lib/env.ts). */
  readonly environment: Record<string, string>;
}

/**
 * A tenant's rollback chain: the alarms of lib/deployments/alarm-definitions.ts (the list the local
 * bootstrap puts into the CloudWatch emulator) → the tenant's rollback topic (encrypted with the
 * ops key, refusing publishes without TLS) → the tenant's rollback Lambda, which runs
 * lib/deployments/rollback-handler.ts and may touch only this tenant's SageMaker resources.
 */
export class RollbackAlarms extends Construct {
  readonly topic: EncryptedTopic;
  readonly alarms: cloudwatch.CfnAlarm[];
  readonly rollback: LibFunction;

  constructor(scope: Construct, id: string, props: RollbackAlarmsProps) {
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
      metricsNamespace: props.data.metricsNamespace,
    });
    this.alarms = definitions.map(
      (definition, i) => new cloudwatch.CfnAlarm(this, `Alarm${i}`, camelCaseKeys(definition) as cloudwatch.CfnAlarmProps),
    );

    this.rollback = new LibFunction(this, "Rollback", {
      entry: ROLLBACK_HANDLER,
      description: `Rolls ${tenant.endpointName}'s canary back when one of its alarms fires (lib/deployments/rollback-handler.ts)`,
      environment: props.environment,
      opsKey: props.key,
      // The rollback waits for its notification's bounded retries (lib/notifications/deliver.ts).
      timeout: Duration.minutes(2),
    });
    new ScopedPolicy(this, "RollbackPermissions", {
      role: this.rollback.role,
      who: `${tenant.tenantId}'s rollback Lambda`,
      actions: FUNCTION_ACTIONS.rollback,
      tenants: [tenant],
      data: props.data,
    });
    this.topic.topic.addSubscription(new subscriptions.LambdaSubscription(this.rollback.function));
  }
}
