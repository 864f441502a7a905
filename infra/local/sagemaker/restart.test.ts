import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeEndpointCommand,
  ListModelPackagesCommand,
  ListTagsCommand,
} from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sageMakerClient, sageMakerRuntimeClient } from "@/lib/aws/clients";
import { createModel, deployEndpoint, startTestStack, waitForStatus, type TestStack } from "./test-support";

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
