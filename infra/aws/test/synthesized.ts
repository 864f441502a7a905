import { Template } from "aws-cdk-lib/assertions";
import { synthApp } from "./synth";

export interface Synthesized {
  readonly stacks: ReturnType<typeof synthApp>;
  readonly data: Template;
  readonly service: Template;
  /** What app.synth() threw: cdk-nag's report of unacknowledged findings, if any. */
  readonly synthError: unknown;
}

let cached: Synthesized | undefined;

/**
 * The default app, synthesised once for every check in this worker (app.test.ts imports all the
 * *.checks.ts files): a synth is most of these tests' time, and CI's budget is tight.
 */
export function synthesized(): Synthesized {
  if (cached) return cached;
  const stacks = synthApp();
  let synthError: unknown;
  try {
    stacks.app.synth(); // runs cdk-nag's AwsSolutions pack; throws on any unacknowledged finding
  } catch (error) {
    synthError = error;
  }
  cached = { stacks, data: Template.fromStack(stacks.data), service: Template.fromStack(stacks.service), synthError };
  return cached;
}
