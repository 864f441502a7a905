import { readFileSync } from "node:fs";
import path from "node:path";
import { App } from "aws-cdk-lib";
import { defaultConfig, type AppConfig } from "../config";
import { buildFraudConsole } from "../fraud-console-app";

/** The feature flags of cdk.json, so tests synthesise the app `cdk synth` does. */
export const CDK_CONTEXT = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../cdk.json"), "utf8")) as { context: Record<string, unknown> }
).context;

/**
 * The app synthesised for assertions, without bundling Lambda code (`aws:cdk:bundling-stacks: []`:
 * `npm run synth:aws` bundles for real); env-agnostic, offline, no credentials.
 */
export function synthApp(overrides: Partial<AppConfig> = {}) {
  // What the assertions read is the templates, so no bundling, no staging of the console's image
  // context (a copy of the repository) and no CloudFormation schema validation (its WASM engine takes
  // most of a synth): `npm run synth:aws` does all three for real. cdk-nag still runs on every synth.
  const app = new App({
    context: { ...CDK_CONTEXT, "aws:cdk:bundling-stacks": [], "aws:cdk:disable-asset-staging": true },
    builtinCloudFormationValidation: false,
  });
  const stacks = buildFraudConsole(app, defaultConfig(overrides));
  return { app, ...stacks };
}
