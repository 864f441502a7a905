import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  CreateTrainingJobCommand,
  DescribeEndpointCommand,
  DescribeTrainingJobCommand,
  ListModelPackagesCommand,
  ListTagsCommand,
  StopTrainingJobCommand,
} from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sageMakerClient, sageMakerRuntimeClient } from "@/lib/aws/clients";
import { readLogTail } from "@/lib/training/check-training-job";
import { startSageMakerEmulator } from "./server";
import {
  admin,
  BUCKET,
  createModel,
  deployEndpoint,
  eventually,
  putObject,
  startTestStack,
  tarGz,
  waitForStatus,
  XGBOOST_IMAGE,
  type TestStack,
} from "./test-support";
import { isAlive } from "@/test/support/process-alive";

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ transitionMs: 300 });
});

afterAll(async () => {
  await stack?.stop();
});

async function score(endpoint: string): Promise<string> {
  const output = await sageMakerRuntimeClient().send(
    new InvokeEndpointCommand({ EndpointName: endpoint, ContentType: "text/csv", Body: "1,0.5,-0.2" }),
  );
  return new TextDecoder().decode(output.Body);
}

describe("state across restarts", () => {
  it("serves InService endpoints again, finishes Creating ones and keeps the registry", async () => {
    await createModel("tiny");
    await deployEndpoint("steady", [{ name: "only", model: "tiny" }]);
    const before = await score("steady");
    await sageMakerClient().send(
      new CreateModelPackageGroupCommand({ ModelPackageGroupName: "g", Tags: [{ Key: "tenant", Value: "t1" }] }),
    );
    await sageMakerClient().send(new CreateModelPackageCommand({ ModelPackageGroupName: "g", ModelApprovalStatus: "Approved" }));
    await sageMakerClient().send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: "late-config",
        ProductionVariants: [{ VariantName: "only", ModelName: "tiny", InitialInstanceCount: 1, InstanceType: "ml.m5.large" }],
      }),
    );
    await sageMakerClient().send(new CreateEndpointCommand({ EndpointName: "late", EndpointConfigName: "late-config" }));

    await stack.restartSageMaker();

    expect((await sageMakerClient().send(new DescribeEndpointCommand({ EndpointName: "steady" }))).EndpointStatus).toBe("InService");
    expect(await score("steady")).toBe(before);
    const late = await waitForStatus("late", ["InService", "Failed"]);
    expect(late.EndpointStatus).toBe("InService");
    expect(await score("late")).toBe(before);

    const packages = await sageMakerClient().send(new ListModelPackagesCommand({ ModelPackageGroupName: "g" }));
    expect(packages.ModelPackageSummaryList!.map((p) => [p.ModelPackageVersion, p.ModelApprovalStatus])).toEqual([[1, "Approved"]]);
    const tags = await sageMakerClient().send(
      new ListTagsCommand({ ResourceArn: "arn:aws:sagemaker:us-east-1:000000000000:model-package-group/g" }),
    );
    expect(tags.Tags).toEqual([{ Key: "tenant", Value: "t1" }]);

    // A second package continues the numbering rather than restarting it.
    const next = await sageMakerClient().send(new CreateModelPackageCommand({ ModelPackageGroupName: "g" }));
    expect(next.ModelPackageArn).toBe("arn:aws:sagemaker:us-east-1:000000000000:model-package/g/2");
  });
});

describe("training jobs across restarts", () => {
  const sleeper = async (name: string) => {
    await putObject(
      "training/sleep.tar.gz",
      await tarGz("sleep.py", Buffer.from('import time\nprint("started", flush=True)\ntime.sleep(600)\n')),
    );
    await putObject("training/data/train.csv", "label,x\n0,1\n");
    await sageMakerClient().send(
      new CreateTrainingJobCommand({
        TrainingJobName: name,
        RoleArn: "arn:aws:iam::000000000000:role/training",
        AlgorithmSpecification: { TrainingImage: XGBOOST_IMAGE, TrainingInputMode: "File" },
        HyperParameters: { sagemaker_program: "sleep.py", sagemaker_submit_directory: `s3://${BUCKET}/training/sleep.tar.gz` },
        InputDataConfig: [
          { ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: `s3://${BUCKET}/training/data/` } } },
        ],
        OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/training/output` },
        Tags: [{ Key: "tenant", Value: name }],
      }),
    );
    // Started: its first line is in CloudWatch Logs and its process id is known.
    const running = await eventually(async () => {
      const [lines, got] = await Promise.all([
        readLogTail(name),
        admin(stack, "GET", `training-jobs/${name}/process`) as Promise<{ pid: number | null }>,
      ]);
      return lines.includes("started") && got.pid ? got : undefined;
    }, `${name} to start`);
    return running.pid!;
  };

  it("a job in progress when the emulator stops is Failed with the reason, and its script is gone", async () => {
    const pid = await sleeper("across-restart");
    expect(isAlive(pid)).toBe(true);
    await stack.restartSageMaker();
    const job = await sageMakerClient().send(new DescribeTrainingJobCommand({ TrainingJobName: "across-restart" }));
    expect(job).toMatchObject({
      TrainingJobStatus: "Failed",
      FailureReason: "InternalServerError: the SageMaker emulator stopped while the job was running.",
    });
    expect(isAlive(pid)).toBe(false);
    // The tenant's slot is free again.
    await sleeper("across-restart-2");
    await sageMakerClient().send(new StopTrainingJobCommand({ TrainingJobName: "across-restart-2" }));
  });

  it("after a crash, a saved job in progress is Failed at start and its orphaned script is killed", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "sagemaker-crash-"));
    const workDir = path.join(dataDir, "sm-train-crashed-x");
    // Stands in for the script a crashed emulator left behind: its own process group, workDir in its command line.
    const orphan = spawn("/bin/sh", ["-c", "sleep 600", workDir], { detached: true, stdio: "ignore" });
    await mkdir(dataDir, { recursive: true });
    const job = {
      TrainingJobName: "crashed",
      TrainingJobArn: "arn:aws:sagemaker:us-east-1:000000000000:training-job/crashed",
      TrainingJobStatus: "InProgress",
      SecondaryStatus: "Training",
      SecondaryStatusTransitions: [{ Status: "Training", StartTime: 1 }],
      CreationTime: 1,
      LastModifiedTime: 1,
      tenant: "t",
      pid: orphan.pid,
      workDir,
    };
    await writeFile(path.join(dataDir, "sagemaker-state.json"), JSON.stringify({ trainingJobs: { crashed: job } }));
    const exited = new Promise((resolve) => orphan.once("exit", resolve));
    const emulator = await startSageMakerEmulator({ port: 0, dataDir });
    try {
      await exited;
      const response = await fetch(emulator.url, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "SageMaker.DescribeTrainingJob" },
        body: JSON.stringify({ TrainingJobName: "crashed" }),
      });
      const described = (await response.json()) as { TrainingJobStatus: string; FailureReason: string; SecondaryStatus: string };
      expect(described).toMatchObject({ TrainingJobStatus: "Failed", SecondaryStatus: "Failed" });
      expect(described.FailureReason).toMatch(/^InternalServerError: the SageMaker emulator restarted while the job was running/);
    } finally {
      await emulator.close();
      if (orphan.exitCode === null && orphan.signalCode === null) orphan.kill("SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("as a process of the launcher (infra/local/run-service.ts)", () => {
  it("prints one ready line, and on SIGTERM saves state and exits 0", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "sagemaker-cli-"));
    // node itself (not npx) so that SIGTERM reaches the emulator's process.
    const args = ["--import", "tsx", "infra/local/run-service.ts", "sagemaker", "--port", "0", "--data", dataDir];
    const child = spawn(process.execPath, args, {
      cwd: fileURLToPath(new URL("../../..", import.meta.url)),
      stdio: ["ignore", "pipe", "inherit"],
      env: process.env,
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const ready = await new Promise<string>((resolve) => lines.once("line", resolve));
      expect(ready).toMatch(/^ready http:\/\/127\.0\.0\.1:\d+$/);
      const url = ready.slice("ready ".length);
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "SageMaker.CreateModelPackageGroup" },
        body: JSON.stringify({ ModelPackageGroupName: "from-cli" }),
      });
      expect(response.status).toBe(200);
      const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
      const saved = JSON.parse(await readFile(path.join(dataDir, "sagemaker", "sagemaker-state.json"), "utf8")) as {
        modelPackageGroups: Record<string, unknown>;
      };
      expect(Object.keys(saved.modelPackageGroups)).toEqual(["from-cli"]);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
