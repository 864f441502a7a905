import { Stack, type StackProps } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as s3 from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import type { AppConfig } from "../config";
import { EncryptedTopic } from "../constructs/alerts-topic";
import { DriftFanOut } from "../constructs/drift-fan-out";
import { ConsolePermissions } from "../constructs/console-permissions";
import { ConsoleService } from "../constructs/console-service";
import { CostBudget } from "../constructs/cost-budget";
import { Network } from "../constructs/network";
import { ScoringWaf } from "../constructs/scoring-waf";
import { acknowledgeBucketDeploymentHandler, ModelArtifacts } from "../constructs/model-artifacts";
import { OpsDashboard } from "../constructs/ops-dashboard";
import { OpsKey } from "../constructs/ops-key";
import { RollbackAlarms } from "../constructs/rollback-alarms";
import { ScheduledJobs } from "../constructs/scheduled-jobs";
import type { DataPlane } from "../constructs/scoped-policy";
import { TenantEndpoint } from "../constructs/tenant-endpoint";
import { TrainingOrchestration } from "../constructs/training-orchestration";
import { xgboostImage } from "../constructs/xgboost-image";
import { dataResourceNames, nagResourceNames, type DataStack } from "./data-stack";

/** lib/env.ts METRICS_NAMESPACE: the console publishes its decision metrics there. */
export const METRICS_NAMESPACE = "FraudConsole";

export interface ServiceStackProps extends StackProps {
  readonly config: AppConfig;
  readonly data: DataStack;
}

/**
 * The stateless half, on top of the data stack: per tenant the SageMaker backend, its alarms and
 * the rollback path; drift; the console and its sign-in; the budget and dashboard. Destroying it
 * leaves every table, bucket and key in place.
 */
export class ServiceStack extends Stack {
  readonly tenants: readonly TenantEndpoint[];
  readonly rollbackAlarms: readonly RollbackAlarms[];
  readonly alerts: EncryptedTopic;
  readonly opsKey: OpsKey;
  readonly console: ConsoleService;
  readonly consolePermissions: ConsolePermissions;
  readonly jobs: ScheduledJobs;
  readonly dashboard: OpsDashboard;
  readonly training: TrainingOrchestration;
  readonly drift: DriftFanOut;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { config, data } = props;
    this.opsKey = new OpsKey(this, "OpsKey", { prefix: config.prefix, retain: config.stage === "production" });
    this.alerts = new EncryptedTopic(this, "Alerts", {
      key: this.opsKey.key,
      displayName: "Fraud Console alerts",
      publishers: ["budgets.amazonaws.com", "cloudwatch.amazonaws.com"],
      email: config.alertEmail,
    });
    new CostBudget(this, "CostBudget", { dailyUsd: config.dailyBudgetUsd, topic: this.alerts.topic, email: config.alertEmail });

    // The data stack's resources by name (dataResourceNames), not by exported ARN.
    const names = dataResourceNames(config.prefix);
    const nagNames = nagResourceNames(config.prefix);
    const modelsBucket = s3.Bucket.fromBucketAttributes(this, "ModelsBucket", { bucketName: names.modelsBucket, encryptionKey: data.key });
    const captureBucket = s3.Bucket.fromBucketAttributes(this, "CaptureBucket", {
      bucketName: names.captureBucket,
      encryptionKey: data.key,
    });
    const table = dynamodb.Table.fromTableAttributes(this, "Table", {
      tableName: names.table,
      encryptionKey: data.key,
      grantIndexPermissions: true,
    });
    const artifacts = new ModelArtifacts(this, "ModelArtifacts", { bucket: modelsBucket });
    const image = xgboostImage(this);
    this.tenants = config.tenants.map(
      (tenant) =>
        new TenantEndpoint(this, `Tenant-${tenant.tenantId}`, {
          tenant,
          config,
          key: data.key,
          modelsBucket,
          captureBucket,
          xgboostImage: image,
          nagNames,
          artifactsUploaded: artifacts.deployment,
        }),
    );
    acknowledgeBucketDeploymentHandler(this, nagNames.modelsBucket);

    const dataPlane: DataPlane = {
      table,
      dataKey: data.key,
      modelsBucket,
      captureBucket,
      metricsNamespace: METRICS_NAMESPACE,
      nagNames,
    };
    // What lib/env.ts reads, for the console and the Lambdas that run its lib/ code alike.
    const libEnvironment = {
      TABLE_NAME: names.table,
      MODELS_BUCKET: names.modelsBucket,
      CAPTURE_BUCKET: names.captureBucket,
      METRICS_NAMESPACE: METRICS_NAMESPACE,
    };
    this.rollbackAlarms = config.tenants.map(
      (tenant) =>
        new RollbackAlarms(this, `Alarms-${tenant.tenantId}`, {
          tenant,
          key: this.opsKey.key,
          data: dataPlane,
          environment: libEnvironment,
        }),
    );
    this.dashboard = new OpsDashboard(this, "Dashboard", {
      prefix: config.prefix,
      tenants: config.tenants,
      metricsNamespace: METRICS_NAMESPACE,
      alarmsOf: (tenantId) => this.rollbackAlarms[config.tenants.findIndex((t) => t.tenantId === tenantId)]!.alarms,
    });
    this.jobs = new ScheduledJobs(this, "Jobs", {
      tenants: config.tenants,
      opsKey: this.opsKey.key,
      data: dataPlane,
      environment: libEnvironment,
    });

    this.drift = new DriftFanOut(this, "Drift", {
      tenants: config.tenants,
      opsKey: this.opsKey.key,
      data: dataPlane,
      environment: libEnvironment,
      fanOutAboveBytes: config.driftFanOutAboveBytes,
    });
    const executionRoleArns = this.toJsonString(
      Object.fromEntries(this.tenants.map((t, i) => [config.tenants[i]!.tenantId, t.executionRole.roleArn])),
    );
    this.training = new TrainingOrchestration(this, "Training", {
      tenants: config.tenants,
      opsKey: this.opsKey.key,
      data: dataPlane,
      tableStreamArn: data.table.tableStreamArn!,
      environment: { ...libEnvironment, SAGEMAKER_EXECUTION_ROLE_ARNS: executionRoleArns },
      executionRoles: this.tenants.map((t) => t.executionRole),
    });

    const network = new Network(this, "Network", { key: this.opsKey.key });
    this.console = new ConsoleService(this, "Console", {
      config,
      vpc: network.vpc,
      opsKey: this.opsKey.key,
      userPool: data.users.userPool,
      environment: {
        ...libEnvironment,
        // Each tenant's models and training jobs run with its own role (lib/aws/execution-role.ts).
        SAGEMAKER_EXECUTION_ROLE_ARNS: executionRoleArns,
      },
    });
    this.consolePermissions = new ConsolePermissions(this, "ConsolePermissions", {
      role: this.console.taskRole,
      tenants: config.tenants,
      ...dataPlane,
      executionRoles: this.tenants.map((t) => t.executionRole),
    });
    new ScoringWaf(this, "Waf", {
      loadBalancerArn: this.console.loadBalancer.loadBalancerArn,
      perAddressPer5Min: config.rateLimits.perAddressPer5Min,
      perApiKeyPer5Min: config.rateLimits.perApiKeyPer5Min,
    });
  }
}
