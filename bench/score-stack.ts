import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { applyLocalStackEnv, type StackUrls } from "@/infra/local/stack-env";
import type { TenantSettings } from "@/lib/settings/tenant-settings";

/** What the bench needs of a running demo (<data-dir>/demo.json, written by infra/local/start.ts). */
export interface BenchTarget {
  consoleUrl: string;
  sagemakerUrl: string;
  apiKey: string;
  endpointName: string;
  /** The local stack's service URLs, for lib/ calls from the bench process (applyLocalStackEnv). */
  stack: StackUrls;
  stop(): Promise<void>;
}

interface DemoJson {
  consoleUrl?: string;
  stack: StackUrls;
  apiKeys: Record<string, string>;
  endpoints: Record<string, string>;
}

const TENANT = "acme-bank";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function targetOf(demo: DemoJson, stop: () => Promise<void>): BenchTarget {
  const apiKey = demo.apiKeys[TENANT];
  const endpointName = demo.endpoints[TENANT];
  if (!demo.consoleUrl || !apiKey || !endpointName) throw new Error("demo.json lacks the console URL, or acme-bank's key or endpoint");
  return { consoleUrl: demo.consoleUrl, sagemakerUrl: demo.stack.sagemaker, apiKey, endpointName, stack: demo.stack, stop };
}

/** Uses a running demo (its data dir), e.g. `npm run bench:score -- --data-dir .data`. */
export async function attachToDemo(dataDir: string): Promise<BenchTarget> {
  const demo = JSON.parse(await readFile(path.join(dataDir, "demo.json"), "utf8")) as DemoJson;
  return targetOf(demo, () => Promise.resolve());
}

/**
 * Starts a throwaway demo with the lead's launcher: production build (rebuilt when sources changed),
 * stack on free ports, no traffic simulator (it would skew the figures). Stopped by its pid.
 */
export async function startDemo(): Promise<BenchTarget> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "fraud-console-bench-"));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "infra/local/start.ts", "--data-dir", dataDir, "--port", String(port), "--stack-ports", "auto", "--no-traffic"],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  const demoFile = path.join(dataDir, "demo.json");
  const deadline = Date.now() + 15 * 60_000; // a first production build takes minutes on 2 cores
  while (!existsSync(demoFile)) {
    if (child.exitCode !== null) throw new Error(`the demo launcher exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the demo did not start within 15 minutes");
    }
    await sleep(500);
  }
  return targetOf(JSON.parse(await readFile(demoFile, "utf8")) as DemoJson, stop);
}

/**
 * A tenant of the bench's own on the demo's acme-bank endpoint, with its own key and settings, so a
 * bench never changes the demo's tenants (and can lift limits that would cap what it measures).
 */
export async function createBenchTenant(
  target: BenchTarget,
  name: string,
  settings: Partial<TenantSettings>,
): Promise<{ tenantId: string; apiKey: string }> {
  applyLocalStackEnv(target.stack);
  // Imported after the environment points lib/aws at the stack.
  const { createTenant } = await import("@/lib/tenants/create-tenant");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const { saveSettings } = await import("@/lib/settings/save-settings");
  const { DEFAULT_TENANT_SETTINGS } = await import("@/lib/settings/tenant-settings");
  const tenantId = `bench-${name}-${Date.now().toString(36)}`;
  await createTenant({
    tenantId,
    name: `Bench ${name}`,
    endpointName: target.endpointName,
    modelPackageGroupName: `${TENANT}-fraud`,
    createdAt: new Date().toISOString(),
  });
  await saveSettings({ tenantId, settings: { ...DEFAULT_TENANT_SETTINGS, ...settings }, expectedVersion: 0, actor: "bench" });
  return { tenantId, apiKey: (await createApiKey({ tenantId, name: "bench", createdBy: "bench" })).plaintext };
}
