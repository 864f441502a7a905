import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** What the production build depends on: when none of it changed, the previous build is reused. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "package-lock.json",
];
const HASH_FILE = path.join(".next", "fraud-console-source-hash");

async function listFiles(entry: string): Promise<string[]> {
  if (!existsSync(entry)) return [];
  const entries = await readdir(entry, { withFileTypes: true, recursive: true }).catch(() => null);
  if (!entries) return [entry]; // a file, not a directory
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

export async function sourceHash(root: string): Promise<string> {
  const files = (await Promise.all(BUILD_INPUTS.map((p) => listFiles(path.join(root, p))))).flat().sort();
  const hash = createHash("sha256");
  for (const file of files) {
    // Colocated unit tests don't change the build.
    if (/\.test\.tsx?$/.test(file)) continue;
    hash
      .update(path.relative(root, file))
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  }
  return hash.digest("hex");
}

function runNextBuild(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    proc.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit code ${code})`))));
  });
}

/** Builds the console unless the sources are exactly those of the last successful build. */
export async function buildIfChanged(root: string, env: NodeJS.ProcessEnv): Promise<{ built: boolean }> {
  const hash = await sourceHash(root);
  const hashFile = path.join(root, HASH_FILE);
  const previous = existsSync(hashFile) ? await readFile(hashFile, "utf8") : "";
  if (previous === hash && existsSync(path.join(root, ".next", "BUILD_ID"))) return { built: false };
  await runNextBuild(root, env);
  await writeFile(hashFile, hash);
  return { built: true };
}
