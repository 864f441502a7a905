import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import type { TrainingRunner } from "../control/context";
import type { StateStore } from "../state/store";
import type { TrainingJobRecord } from "../state/types";
import { JobLog, type MetricDefinition } from "./job-log";
import { fail, transition } from "./job-status";
import { TrainingLogStream } from "./log-stream";
import { instanceDirs, ScriptModeError, scriptInvocation, type InstanceDirs, type ScriptInvocation } from "./script-mode";
import { downloadPrefix, extractTarGz, getObject, listFiles, packDirectory, parseS3Uri, putObject } from "./s3-files";

export interface TrainingRunnerOptions {
  store: StateStore;
  now(): number;
  /** The interpreter standing in for the container's (Debian's python3-xgboost). */
  python: string;
  /** SIGTERM → SIGKILL grace. AWS allows 120 s; the local scripts save nothing meanwhile. */
  stopGraceMs?: number;
}

type Ending = "Stopped" | "MaxRuntimeExceeded";

interface ActiveJob {
  child?: ChildProcess;
  /** Settles once the script has exited and been reaped. */
  exited?: Promise<void>;
  ending?: Ending;
  deadline?: NodeJS.Timeout;
  killTimer?: NodeJS.Timeout;
}

interface Channel {
  ChannelName: string;
  DataSource: { S3DataSource?: { S3DataType: string; S3Uri: string } };
}

/**
 * Runs training jobs as SageMaker's XGBoost container does in script mode, with the script in a child
 * process: Downloading (each channel's S3 objects and the script's source archive into a stand-in
 * for /opt/ml), Training (`python <sagemaker_program> --hp value …` with the SM_* environment),
 * Uploading (the model directory as `<S3OutputPath>/<job>/output/model.tar.gz`, the output-data
 * directory as `…/output/output.tar.gz`). StoppingCondition.MaxRuntimeInSeconds and StopTrainingJob
 * end the script (SIGTERM to its process group, then SIGKILL).
 */
export class TrainingJobRunner implements TrainingRunner {
  private readonly active = new Map<string, ActiveJob>();
  private closed = false;

  constructor(private readonly opts: TrainingRunnerOptions) {}

  start(job: TrainingJobRecord): void {
    const active: ActiveJob = {};
    this.active.set(job.TrainingJobName, active);
    void this.run(job, active);
  }

  stop(job: TrainingJobRecord): void {
    const active = this.active.get(job.TrainingJobName);
    if (!active) return;
    this.end(job, active, "Stopped");
  }

  /**
   * After a restart: a job that was running has lost its process (an orphan is ended if it still
   * runs), so it is Failed, or Stopped if it was being stopped.
   */
  resume(): void {
    for (const job of Object.values(this.opts.store.state.trainingJobs)) {
      if (job.TrainingJobStatus !== "InProgress" && job.TrainingJobStatus !== "Stopping") continue;
      killOrphan(job);
      if (job.workDir) void rm(job.workDir, { recursive: true, force: true });
      const now = this.opts.now();
      if (job.TrainingJobStatus === "Stopping") transition(job, "Stopped", now);
      else fail(job, "InternalServerError: the SageMaker emulator restarted while the job was running; its script was ended.", now);
    }
    this.opts.store.changed();
  }

  /**
   * The emulator is stopping: running scripts are killed (and awaited, so none outlives the emulator)
   * and their jobs fail, as a restart would fail them anyway.
   */
  async close(): Promise<void> {
    this.closed = true;
    const exits: Promise<void>[] = [];
    for (const [name, active] of this.active) {
      if (active.exited) exits.push(active.exited);
      clearTimeout(active.deadline);
      clearTimeout(active.killTimer);
      killGroup(active.child, "SIGKILL");
      const job = this.opts.store.state.trainingJobs[name];
      if (!job) continue;
      fail(job, "InternalServerError: the SageMaker emulator stopped while the job was running.", this.opts.now());
      delete job.workDir;
    }
    this.active.clear();
    this.opts.store.changed();
    await Promise.all(exits);
  }

  private end(job: TrainingJobRecord, active: ActiveJob, ending: Ending): void {
    if (active.ending) return;
    active.ending = ending;
    transition(job, "Stopping", this.opts.now());
    this.opts.store.changed();
    if (active.child) {
      killGroup(active.child, "SIGTERM");
      active.killTimer = setTimeout(() => killGroup(active.child, "SIGKILL"), this.opts.stopGraceMs ?? 2_000);
      active.killTimer.unref();
    }
  }

  private async run(job: TrainingJobRecord, active: ActiveJob): Promise<void> {
    const { store } = this.opts;
    const now = () => this.opts.now();
    let dirs: InstanceDirs | undefined;
    try {
      dirs = instanceDirs(await mkdtemp(path.join(tmpdir(), `sm-train-${job.TrainingJobName}-`)));
      job.workDir = dirs.base;
      job.TrainingStartTime = now();
      const maxRuntime = (job.StoppingCondition as { MaxRuntimeInSeconds: number }).MaxRuntimeInSeconds;
      active.deadline = setTimeout(() => this.end(job, active, "MaxRuntimeExceeded"), maxRuntime * 1000);
      active.deadline.unref();
      transition(job, "Downloading", now());
      store.changed();
      const invocation = scriptInvocation(job, dirs, cpus().length);
      await this.download(job, dirs, invocation);
      if (this.closed) return;
      if (!active.ending) {
        transition(job, "Training", now());
        store.changed();
        const stream = new TrainingLogStream(job.TrainingJobName, now());
        const log = new JobLog(stream, metricDefinitions(job), now, () => this.closed || store.changed());
        const exit = await this.execute(job, active, invocation, dirs, log).finally(() => stream.flush());
        if (this.closed) return;
        if (!active.ending && exit.code !== 0) {
          fail(
            job,
            algorithmError(exit, log.lastError(), `${this.opts.python} ${path.basename(invocation.program)} ${invocation.args.join(" ")}`),
            now(),
          );
          return;
        }
        job.FinalMetricDataList = [...log.metrics].map(([MetricName, m]) => ({ MetricName, Value: m.value, Timestamp: m.at }));
      }
      if (!active.ending) {
        transition(job, "Uploading", now());
        store.changed();
      }
      // A stopped script may have saved a model meanwhile (the point of SIGTERM's grace): it is kept.
      const uploaded = await this.upload(job, dirs, Boolean(active.ending));
      if (this.closed) return;
      if (uploaded) job.ModelArtifacts = { S3ModelArtifacts: uploaded };
      transition(job, active.ending ?? "Completed", now());
    } catch (error) {
      if (this.closed) return;
      fail(job, error instanceof ScriptModeError ? error.message : `InternalServerError: ${String(error)}`, now());
    } finally {
      clearTimeout(active.deadline);
      clearTimeout(active.killTimer);
      // After close() the job is already Failed and saved: nothing more is written for it.
      if (!this.closed) {
        this.active.delete(job.TrainingJobName);
        delete job.workDir;
        store.changed();
      }
      if (dirs) await rm(dirs.base, { recursive: true, force: true });
    }
  }

  private async download(job: TrainingJobRecord, dirs: InstanceDirs, invocation: ScriptInvocation): Promise<void> {
    for (const channel of (job.InputDataConfig ?? []) as Channel[]) {
      const source = channel.DataSource.S3DataSource;
      if (!source || source.S3DataType !== "S3Prefix") {
        throw new ScriptModeError(
          `ClientError: channel ${channel.ChannelName}: the SageMaker emulator reads S3DataSource channels of S3DataType S3Prefix only.`,
        );
      }
      const count = await downloadPrefix(source.S3Uri, dirs.channel(channel.ChannelName));
      if (count === 0) {
        const { bucket } = parseS3Uri(source.S3Uri);
        throw new ScriptModeError(
          `ClientError: No S3 objects found under S3 URL "${source.S3Uri}" given in input data source. Please ensure that the bucket exists in the selected region, that objects exist under that S3 prefix, and that the role "${String(job.RoleArn)}" has "s3:ListBucket" permissions on bucket "${bucket}".`,
        );
      }
    }
    const { bucket, key } = parseS3Uri(invocation.submitDirectory);
    let archive: Uint8Array;
    try {
      archive = await getObject(bucket, key);
    } catch {
      throw new ScriptModeError(
        `ClientError: could not download the script's source ${invocation.submitDirectory} (sagemaker_submit_directory).`,
      );
    }
    await extractTarGz(archive, dirs.code);
    if (!existsSync(invocation.program)) {
      throw new ScriptModeError(
        `ClientError: ${path.basename(invocation.program)} (sagemaker_program) is not in ${invocation.submitDirectory}.`,
      );
    }
    const config = path.join(dirs.base, "input", "config");
    await mkdir(config, { recursive: true });
    await mkdir(dirs.model, { recursive: true });
    await mkdir(dirs.outputData, { recursive: true });
    await writeFile(path.join(config, "hyperparameters.json"), JSON.stringify(invocation.hyperparametersFile));
    const channels = Object.fromEntries(
      ((job.InputDataConfig ?? []) as Channel[]).map((c) => [c.ChannelName, { TrainingInputMode: "File" }]),
    );
    await writeFile(path.join(config, "inputdataconfig.json"), JSON.stringify(channels));
    await writeFile(path.join(config, "resourceconfig.json"), JSON.stringify({ current_host: "algo-1", hosts: ["algo-1"] }));
  }

  private execute(
    job: TrainingJobRecord,
    active: ActiveJob,
    invocation: ScriptInvocation,
    dirs: InstanceDirs,
    log: JobLog,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const command = [this.opts.python, invocation.program, ...invocation.args];
    log.line("Invoking script with the following command:");
    log.line(`${this.opts.python} ${path.basename(invocation.program)} ${invocation.args.join(" ")}`);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? dirs.base,
      LANG: "C.UTF-8",
      ...((job.Environment as Record<string, string> | undefined) ?? {}),
      ...invocation.env,
      PYTHONUNBUFFERED: "1",
      PYTHONDONTWRITEBYTECODE: "1",
    };
    let exited: () => void = () => undefined;
    active.exited = new Promise((resolve) => (exited = resolve));
    return new Promise((resolve, reject) => {
      const child = spawn(command[0]!, command.slice(1), {
        cwd: dirs.code,
        // Its own process group, so a stop reaches whatever the script starts too.
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: env as NodeJS.ProcessEnv,
      });
      active.child = child;
      job.pid = child.pid;
      this.opts.store.changed();
      child.stdout.on("data", (data: Buffer) => log.chunk(data, "stdout"));
      child.stderr.on("data", (data: Buffer) => log.chunk(data, "stderr"));
      child.on("error", (error) => {
        exited();
        reject(error);
      });
      child.on("close", (code, signal) => {
        log.end();
        active.child = undefined;
        exited();
        resolve({ code, signal });
      });
    });
  }

  /** Returns the model artifact's URI, or undefined when a stopped script left no model. */
  private async upload(job: TrainingJobRecord, dirs: InstanceDirs, stopped: boolean): Promise<string | undefined> {
    if (stopped && (await listFiles(dirs.model)).length === 0) return undefined;
    const output = `${(job.OutputDataConfig as { S3OutputPath: string }).S3OutputPath.replace(/\/+$/, "")}/${job.TrainingJobName}/output`;
    await putObject(`${output}/model.tar.gz`, await packDirectory(dirs.model));
    await putObject(`${output}/output.tar.gz`, await packDirectory(dirs.outputData));
    return `${output}/model.tar.gz`;
  }
}

function metricDefinitions(job: TrainingJobRecord): MetricDefinition[] {
  return (job.AlgorithmSpecification as { MetricDefinitions?: MetricDefinition[] } | undefined)?.MetricDefinitions ?? [];
}

/** Worded as sagemaker-training-toolkit reports a script that exits non-zero (ExecuteUserScriptError). */
function algorithmError(exit: { code: number | null; signal: NodeJS.Signals | null }, lastError: string, command: string): string {
  const code = exit.code ?? `signal ${exit.signal ?? "unknown"}`;
  return `AlgorithmError: ExecuteUserScriptError:\nExitCode ${code}\nErrorMessage "${lastError}"\nCommand "${command}", exit code: ${code}`;
}

function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Kills a script left running by an emulator that crashed — only if that pid is still this job's script. */
function killOrphan(job: TrainingJobRecord): void {
  if (!job.pid || !job.workDir) return;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${job.pid}/cmdline`, "utf8");
  } catch {
    return;
  }
  if (!cmdline.includes(job.workDir)) return;
  try {
    process.kill(-job.pid, "SIGKILL");
  } catch {
    // already gone
  }
}
