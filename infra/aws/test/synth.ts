import { readFileSync } from "node:fs";
import path from "node:path";
import { App } from "aws-cdk-lib";
import { defaultConfig, type AppConfig } from "../config";
import { buildFraudConsole } from "../fraud-console-app";

/** The feature flags of cdk.json, so tests synthesise the app `cdk synth` does. */
const CDK_CONTEXT = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../cdk.json"), "utf8")) as { context: Record<string, unknown> }
).context;

/**
 * The app synthesised for assertions, without bundling Lambda code (`aws:cdk:bundling-stacks: []`:
 * `npm run synth:aws` bundles for real); env-agnostic, offline, no credentials.
 */
export function synthApp(overrides: Partial<AppConfig> = {}) {
  const app = new App({ context: { ...CDK_CONTEXT, "aws:cdk:bundling-stacks": [] } });
  const stacks = buildFraudConsole(app, defaultConfig(overrides));
  return { app, ...stacks };
}
