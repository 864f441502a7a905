import { describe, expect, it } from "vitest";
import type { TrainingJobRecord } from "../state/types";
import { instanceDirs, ScriptModeError, scriptInvocation } from "./script-mode";

/** sagemaker-training-toolkit's conventions (environment.py, mapping.py), as the XGBoost container applies them. */
const job = (HyperParameters: Record<string, string>): TrainingJobRecord => ({
  TrainingJobName: "j1",
  TrainingJobArn: "arn:aws:sagemaker:us-east-1:000000000000:training-job/j1",
  TrainingJobStatus: "InProgress",
  SecondaryStatus: "Starting",
  SecondaryStatusTransitions: [],
  CreationTime: 0,
  LastModifiedTime: 0,
  tenant: "t",
  HyperParameters,
  InputDataConfig: [{ ChannelName: "validation" }, { ChannelName: "train" }],
});
const dirs = instanceDirs("/tmp/ml");

describe("script mode invocation", () => {
  it("decodes JSON values, keeps sagemaker_* for itself and passes the rest sorted as --name value", () => {
    const run = scriptInvocation(
      job({
        sagemaker_program: '"train.py"',
        sagemaker_submit_directory: '"s3://b/src.tar.gz"',
        num_round: "200",
        eta: "0.1",
        description: "retrain from verdicts",
        quoted: '"a b"',
        e: "1",
        flag: "true",
      }),
      dirs,
      2,
    );
    expect(run.program).toBe("/tmp/ml/code/train.py");
    expect(run.submitDirectory).toBe("s3://b/src.tar.gz");
    expect(run.args).toEqual([
      ...["--description", "retrain from verdicts", "-e", "1", "--eta", "0.1", "--flag", "True"],
      ...["--num_round", "200", "--quoted", "a b"],
    ]);
    expect(JSON.parse(run.env.SM_HPS!)).toEqual({
      description: "retrain from verdicts",
      e: 1,
      eta: 0.1,
      flag: true,
      num_round: 200,
      quoted: "a b",
    });
    expect(run.env).toMatchObject({
      SM_HP_NUM_ROUND: "200",
      SM_HP_DESCRIPTION: "retrain from verdicts",
      SM_HP_FLAG: "true",
      SM_CHANNEL_TRAIN: "/tmp/ml/input/data/train",
      SM_CHANNEL_VALIDATION: "/tmp/ml/input/data/validation",
      SM_CHANNELS: '["train","validation"]',
      SM_MODEL_DIR: "/tmp/ml/model",
      SM_OUTPUT_DATA_DIR: "/tmp/ml/output/data",
      SM_NUM_CPUS: "2",
      TRAINING_JOB_NAME: "j1",
    });
    expect(run.hyperparametersFile.num_round).toBe("200");
  });

  it("takes plain (not JSON-encoded) program and directory values as they are", () => {
    const run = scriptInvocation(job({ sagemaker_program: "train.py", sagemaker_submit_directory: "s3://b/src.tar.gz" }), dirs, 1);
    expect(run.program).toBe("/tmp/ml/code/train.py");
    expect(run.args).toEqual([]);
  });

  it.each([
    [{ num_round: "10" }, /script mode only/],
    [{ sagemaker_program: "train.py" }, /sagemaker_submit_directory must be the S3 URI/],
    [{ sagemaker_program: "../../etc/x.py", sagemaker_submit_directory: "s3://b/s.tar.gz" }, /is not a file of the submitted directory/],
  ])("refuses %j", (hyperparameters, message) => {
    expect(() => scriptInvocation(job(hyperparameters), dirs, 1)).toThrow(ScriptModeError);
    expect(() => scriptInvocation(job(hyperparameters), dirs, 1)).toThrow(message);
  });
});
