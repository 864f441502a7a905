import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { DemoSeed } from "../seed/seed-demo";
import type { StackUrls } from "../stack-env";

/** What a running demo exposes to people and scripts: written to <data-dir>/demo.json. */
export interface DemoFile extends DemoSeed {
  consoleUrl: string | undefined;
  stack: StackUrls;
  ports: Record<string, number>;
}

export async function writeDemoFile(dataDir: string, demo: DemoFile): Promise<void> {
  await writeFile(path.join(dataDir, "demo.json"), JSON.stringify(demo, null, 2) + "\n", { mode: 0o600 });
}

export function printBanner(demo: DemoFile, dataDir: string, elapsedMs: number): void {
  const lines = [
    "",
    demo.consoleUrl
      ? `Console ready at ${demo.consoleUrl}  (started in ${(elapsedMs / 1000).toFixed(1)} s)`
      : `Local stack ready (${(elapsedMs / 1000).toFixed(1)} s)`,
    "",
    "Sign in as (password for all):",
    ...demo.users.map((u) => `  ${u.email.padEnd(28)} ${u.role.padEnd(12)} ${u.password}`),
    "",
    "Scoring API keys:",
    ...Object.entries(demo.apiKeys).map(([tenant, key]) => `  ${tenant.padEnd(12)} ${key}`),
    "",
    "Local AWS endpoints:",
    ...Object.entries(demo.stack).map(([service, url]) => `  ${service.padEnd(12)} ${url}`),
    "",
    `Details for scripts: ${path.join(dataDir, "demo.json")}. Ctrl-C stops everything; data stays in ${dataDir}.`,
  ];
  console.log(lines.join("\n"));
}
