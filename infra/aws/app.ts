import { App } from "aws-cdk-lib";
import { defaultConfig, type AppConfig } from "./config";
import { buildFraudConsole } from "./fraud-console-app";

/**
 * `cdk synth` / `cdk deploy` entry. Context (`-c key=value`) chooses the deployment:
 * stage (production | staging), alertEmail, dailyBudgetUsd. Everything else is in config.ts.
 */
const app = new App();
const stage = app.node.tryGetContext("stage") as string | undefined;
if (stage !== undefined && stage !== "production" && stage !== "staging") {
  throw new Error(`context stage must be production or staging, not ${stage}`);
}
const alertEmail = app.node.tryGetContext("alertEmail") as string | undefined;
const budget = app.node.tryGetContext("dailyBudgetUsd") as string | number | undefined;
const overrides: Partial<AppConfig> = {
  ...(stage && { stage }),
  ...(alertEmail && { alertEmail }),
  ...(budget !== undefined && { dailyBudgetUsd: Number(budget) }),
};
buildFraudConsole(app, defaultConfig(overrides));
