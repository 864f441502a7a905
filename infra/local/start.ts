/**
 * `npm run demo` / `npm run dev`: starts the local stack (DynamoDB, S3, SageMaker and CloudWatch
 * emulators, each its own process), creates tables and buckets, seeds the demo, builds the console
 * when its sources changed and serves it. Ctrl-C (or SIGTERM) stops every child; data stays in
 * --data-dir for the next start.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIfChanged } from "./launcher/build";
import { spawnChild, stopChildren, superviseChildren } from "./launcher/children";
import { parseLauncherOptions, type LauncherOptions } from "./launcher/options";
import { assertPortsFree, findFreePort } from "./launcher/ports";
import { demoAccountsEnv } from "./launcher/demo-accounts-env";
import { printBanner, writeDemoFile, type DemoFile } from "./launcher/demo-file";
import { STACK_SERVICES, type StackPorts, type StackServiceName } from "./stack";
import { applyLocalStackEnv, localStackEnv, type StackUrls } from "./stack-env";
import type { DemoSeed } from "./seed/seed-demo";

const ROOT = process.cwd();
const TSX_NODE_ARGS = ["--import", "tsx"];

async function resolveStackPorts(options: LauncherOptions): Promise<StackPorts> {
  if (options.stackPorts !== "auto") return options.stackPorts;
  return {
    dynamodb: await findFreePort(),
    s3: await findFreePort(),
    sagemaker: await findFreePort(),
    cloudwatch: await findFreePort(),
    functions: await findFreePort(),
  };
}

/** NextAuth signs sessions with this; kept in the data dir so sessions survive restarts. */
async function authSecret(dataDir: string): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function startStack(options: LauncherOptions, ports: StackPorts): Promise<StackUrls> {
  const urls = Object.fromEntries(STACK_SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}`])) as unknown as StackUrls;
  const env = { ...process.env, ...localStackEnv(urls) };
  const logDir = path.join(options.dataDir, "logs");
  const spawnService = (name: StackServiceName) =>
    spawnChild({
      name,
      command: process.execPath,
      args: [
        ...TSX_NODE_ARGS,
        path.join(ROOT, "infra/local/run-service.ts"),
        name,
        "--port",
        String(ports[name]),
        "--data",
        options.dataDir,
      ],
      env,
      logDir,
      ready: /^ready (\S+)/,
    });
  // SageMaker loads its endpoints' models from S3 and publishes to CloudWatch as it starts: start it last.
  await Promise.all(STACK_SERVICES.filter((s) => s !== "sagemaker").map(spawnService));
  await spawnService("sagemaker");
  return urls;
}

async function startConsole(options: LauncherOptions, urls: StackUrls, seed: DemoSeed): Promise<string> {
  const consoleUrl = `http://localhost:${options.consolePort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...localStackEnv(urls),
    ...demoAccountsEnv({ password: options.demoPassword, users: seed.users, authProvider: process.env.AUTH_PROVIDER }),
    NEXTAUTH_URL: consoleUrl,
    NEXTAUTH_SECRET: await authSecret(options.dataDir),
    PORT: String(options.consolePort),
  };
  const next = path.join(ROOT, "node_modules/next/dist/bin/next");
  if (options.mode === "production") {
    const { built } = await buildIfChanged(ROOT, {
      ...env,
      NODE_ENV: "production",
    });
    console.log(built ? "Built the console." : "Console sources unchanged since the last build: reusing it.");
  }
  const command = options.mode === "production" ? "start" : "dev";
  await spawnChild({
    name: "console",
    command: process.execPath,
    args: [
      ...TSX_NODE_ARGS,
      path.join(ROOT, "infra/local/launcher/guard.ts"),
      process.execPath,
      next,
      command,
      "-p",
      String(options.consolePort),
    ],
    env: {
      ...env,
      NODE_ENV: options.mode === "production" ? "production" : "development",
    },
    logDir: path.join(options.dataDir, "logs"),
    ready: /Ready in|ready started|Local:/,
    echo: true,
    timeoutMs: 120_000,
  });
  return consoleUrl;
}

/** Live transactions through the scoring API while the demo runs (its log: <data-dir>/logs/traffic.log). */
async function startTraffic(options: LauncherOptions): Promise<void> {
  await spawnChild({
    name: "traffic",
    command: process.execPath,
    args: [...TSX_NODE_ARGS, path.join(ROOT, "infra/local/traffic.ts"), "--demo-file", path.join(options.dataDir, "demo.json")],
    env: process.env,
    logDir: path.join(options.dataDir, "logs"),
    ready: /^ready traffic/,
  });
}

async function previousApiKeys(dataDir: string): Promise<Record<string, string> | undefined> {
  try {
    return (JSON.parse(await readFile(path.join(dataDir, "demo.json"), "utf8")) as DemoFile).apiKeys;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const options = parseLauncherOptions(process.argv.slice(2), process.env);
  if (options.fresh) await rm(options.dataDir, { recursive: true, force: true });
  await mkdir(options.dataDir, { recursive: true });
  const ports = await resolveStackPorts(options);
  await assertPortsFree(options.mode === "stack-only" ? { ...ports } : { ...ports, console: options.consolePort });

  const shutdown = async (code: number) => {
    await stopChildren();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const urls = await startStack(options, ports);
  applyLocalStackEnv(urls);
  // Imported after the environment points at the stack: lib/aws builds its clients from it.
  const { bootstrapResources } = await import("./bootstrap");
  const { seedDemo } = await import("./seed/seed-demo");
  await bootstrapResources();
  const seed = await seedDemo({
    password: options.demoPassword,
    previousApiKeys: await previousApiKeys(options.dataDir),
  });

  const consoleUrl = options.mode === "stack-only" ? undefined : await startConsole(options, urls, seed);
  superviseChildren((child, code) => {
    console.error(`${child.name} stopped unexpectedly (exit code ${code}); see ${child.logFile}. Stopping the stack.`);
    void shutdown(1);
  });
  const demo: DemoFile = {
    consoleUrl,
    stack: urls,
    ports: { console: options.consolePort, ...ports },
    ...seed,
  };
  await writeDemoFile(options.dataDir, demo);
  if (consoleUrl && options.traffic) await startTraffic(options);
  printBanner(demo, options.dataDir, Date.now() - started);
}

main().catch(async (error: unknown) => {
  console.error(`\nCould not start: ${error instanceof Error ? error.message : String(error)}`);
  await stopChildren();
  process.exit(1);
});
