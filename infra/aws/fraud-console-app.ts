import { Tags, Validations, type App } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { AppConfig } from "./config";
import { DataStack } from "./stacks/data-stack";
import { ServiceStack } from "./stacks/service-stack";

export interface FraudConsoleStacks {
  readonly data: DataStack;
  readonly service: ServiceStack;
  readonly nag: AwsSolutionsChecks;
}

/**
 * The whole app: the stateful stack (deploy first) and the stateless one that uses it. Stacks are
 * environment-agnostic (no look-ups), so `cdk synth` needs no credentials and no network. cdk-nag's
 * AwsSolutions pack runs as a policy-validation plugin on every synth; tests read its report.
 */
export function buildFraudConsole(app: App, config: AppConfig): FraudConsoleStacks {
  const data = new DataStack(app, `${stackPrefix(config)}-Data`, {
    config,
    description: "Fraud Console stateful resources: KMS key, DynamoDB table, model and capture buckets",
    terminationProtection: config.stage === "production",
  });
  const service = new ServiceStack(app, `${stackPrefix(config)}-Service`, {
    config,
    data,
    description: "Fraud Console stateless resources: SageMaker endpoints, alarms and rollback, drift, the console",
  });
  // The service stack references the data stack's key, table and buckets: CDK orders the deploys.
  Tags.of(app).add("application", "fraud-console");
  Tags.of(app).add("stage", config.stage);
  const nag = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(nag);
  return { data, service, nag };
}

const stackPrefix = (config: AppConfig) =>
  config.prefix
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
