import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import type { DemoFile } from "@/infra/local/launcher/demo-file";

/**
 * `npm run stack` twice on one data directory, as a user stops and restarts the demo: the second
 * start must find everything the first one made (DynamoDB items, S3 artifacts, SageMaker endpoints)
 * and seed nothing twice. Runs the real launcher as a child process, so it uses its own stack.
 */
let dataDir = "";

function startStack(dir: string): Promise<{ stop: () => Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "infra/local/start.ts", "--stack-only", "--stack-ports", "auto", "--data-dir", dir],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DEMO_PASSWORD: "restart-test" } },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      output += line + "\n";
      if (line.startsWith("Local stack ready")) resolve({ stop: () => (child.kill("SIGINT"), exited) });
    });
    void exited.then((code) => reject(new Error(`launcher exited (${code}) before it was ready:\n${output}`)));
  });
}

const readDemo = async (dir: string) => JSON.parse(await readFile(path.join(dir, "demo.json"), "utf8")) as DemoFile;

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("the launcher's data survives a restart", () => {
  it("keeps users, API keys and endpoints, and stops every child cleanly", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "fraud-console-restart-"));
    const first = await startStack(dataDir);
    const before = await readDemo(dataDir);
    expect(await first.stop()).toBe(0);

    const second = await startStack(dataDir);
    const after = await readDemo(dataDir);
    expect(await second.stop()).toBe(0);

    // The key is only kept if its hash is still in DynamoDB (seed-demo verifies it before reuse).
    expect(after.apiKeys).toEqual(before.apiKeys);
    expect(after.users).toEqual(before.users);
    expect(after.endpoints).toEqual(before.endpoints);
    // New ports on each start (auto), same data.
    expect(after.stack.dynamodb).not.toBe(before.stack.dynamodb);
  }, 120_000);
});
