/**
 * The CDK app's checks, in one test file so that one worker synthesises the app once
 * (synthesized.ts) for all of them: a synth is most of their time, and CI's budget is tight.
 */
import "./data-and-ml.checks";
import "./operations.checks";
import "./console-and-nag.checks";
