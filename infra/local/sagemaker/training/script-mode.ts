import path from "node:path";
import type { TrainingJobRecord } from "../state/types";

/**
 * How SageMaker's framework containers (the XGBoost image in script mode among them) start a user
 * script, after sagemaker-training-toolkit (`environment.py`, `mapping.py`):
 * - every hyperparameter value is JSON-decoded when it parses (the Python SDK JSON-encodes them, so
 *   `"\"train.py\""` is `train.py`), else kept as the string;
 * - `sagemaker_*` ones configure the toolkit (`sagemaker_program`, `sagemaker_submit_directory`) and
 *   are not the script's; the rest go to the script as `--name value`, sorted by name, and as
 *   `SM_HPS` (JSON) and `SM_HP_<NAME>` (strings as they are, other values as JSON);
 * - channels are `/opt/ml/input/data/<name>` (`SM_CHANNEL_<NAME>`, `SM_CHANNELS`), the model goes
 *   to `SM_MODEL_DIR`, other output to `SM_OUTPUT_DATA_DIR`.
 */
export interface InstanceDirs {
  /** Stands in for /opt/ml. */
  base: string;
  code: string;
  model: string;
  outputData: string;
  channel(name: string): string;
}

export function instanceDirs(base: string): InstanceDirs {
  return {
    base,
    code: path.join(base, "code"),
    model: path.join(base, "model"),
    outputData: path.join(base, "output", "data"),
    channel: (name) => path.join(base, "input", "data", name),
  };
}

export interface ScriptInvocation {
  program: string;
  submitDirectory: string;
  args: string[];
  env: Record<string, string>;
  /** What the toolkit reads from /opt/ml/input/config/hyperparameters.json (values as sent). */
  hyperparametersFile: Record<string, string>;
}

/** Thrown when the job cannot run as script mode; the message becomes its FailureReason. */
export class ScriptModeError extends Error {}

const SAGEMAKER_PREFIX = "sagemaker_";

export function decodeHyperparameter(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** `mapping.to_cmd_args`: `--name value` (`-n` for one-letter names), dicts as `k=v,k=v`. */
function argValue(value: unknown): string {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${pythonStr(v)}`)
      .join(",");
  }
  return pythonStr(value);
}

/** Python's str() of a JSON-decoded value, for the values the SDK sends (strings, numbers, booleans). */
function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** `mapping.to_env_vars`'s format_value: strings as they are, anything else as compact JSON. */
function envValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function scriptInvocation(job: TrainingJobRecord, dirs: InstanceDirs, cpus: number): ScriptInvocation {
  const raw = (job.HyperParameters ?? {}) as Record<string, string>;
  const decoded = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeHyperparameter(v)]));
  const program = decoded.sagemaker_program;
  const submitDirectory = decoded.sagemaker_submit_directory;
  if (typeof program !== "string" || program === "") {
    throw new ScriptModeError(
      "ClientError: the SageMaker emulator runs the XGBoost container in script mode only: set the hyperparameter sagemaker_program (and sagemaker_submit_directory).",
    );
  }
  if (typeof submitDirectory !== "string" || !submitDirectory.startsWith("s3://")) {
    throw new ScriptModeError("ClientError: the hyperparameter sagemaker_submit_directory must be the S3 URI of the script's tar.gz.");
  }
  const user = Object.fromEntries(
    Object.entries(decoded)
      .filter(([k]) => !k.startsWith(SAGEMAKER_PREFIX))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const args = Object.entries(user).flatMap(([k, v]) => [k.length > 1 ? `--${k}` : `-${k}`, argValue(v)]);
  const channels = (job.InputDataConfig as { ChannelName: string }[] | undefined)?.map((c) => c.ChannelName) ?? [];
  const env: Record<string, string> = {
    SM_MODEL_DIR: dirs.model,
    SM_OUTPUT_DATA_DIR: dirs.outputData,
    SM_OUTPUT_DIR: path.join(dirs.base, "output"),
    SM_INPUT_DIR: path.join(dirs.base, "input"),
    SM_INPUT_CONFIG_DIR: path.join(dirs.base, "input", "config"),
    SM_MODULE_DIR: submitDirectory,
    SM_USER_ENTRY_POINT: program,
    SM_MODULE_NAME: program.replace(/\.py$/, ""),
    SM_CHANNELS: JSON.stringify([...channels].sort()),
    SM_HPS: JSON.stringify(user),
    SM_USER_ARGS: JSON.stringify(args),
    SM_CURRENT_HOST: "algo-1",
    SM_HOSTS: JSON.stringify(["algo-1"]),
    SM_NUM_CPUS: String(cpus),
    SM_NUM_GPUS: "0",
    TRAINING_JOB_NAME: job.TrainingJobName,
    TRAINING_JOB_ARN: job.TrainingJobArn,
  };
  for (const name of channels) env[`SM_CHANNEL_${name.toUpperCase()}`] = dirs.channel(name);
  for (const [k, v] of Object.entries(user)) env[`SM_HP_${k.toUpperCase()}`] = envValue(v);
  const entryPoint = path.resolve(dirs.code, program);
  if (!entryPoint.startsWith(`${path.resolve(dirs.code)}${path.sep}`)) {
    throw new ScriptModeError(`ClientError: sagemaker_program "${program}" is not a file of the submitted directory.`);
  }
  return { program: entryPoint, submitDirectory, args, env: { ...env, PYTHONPATH: dirs.code }, hyperparametersFile: raw };
}
