import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The charter's promise that a Lambda, a script or the local scheduler can run any domain function:
 * every lib/ module outside the Next and React glue (lib/http, lib/queries) is imported by a child
 * `node --import tsx` with no react-server condition and none of vitest's aliases. The child first
 * checks that `server-only` really throws there, so the test cannot pass in a friendlier setting.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const GLUE = new Set(["lib/http", "lib/queries"]);

function domainModules(dir = "lib"): string[] {
  if (GLUE.has(dir)) return [];
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return domainModules(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const CHILD = `
const files = JSON.parse(process.argv[1]);
const failures = [];
let current = "";
process.on("uncaughtException", (error) => {
  // CommonJS modules that throw can throw again outside the import's try (seen with tsx + server-only).
  const failed = failures.map((f) => f.file + ": " + f.error).join("; ");
  process.stderr.write("while loading " + current + ": " + String(error?.message ?? error).split("\\n")[0] + (failed ? " (failed before: " + failed + ")" : "") + "\\n");
  process.exit(1);
});
let serverOnlyThrows = false;
try { await import("server-only"); } catch { serverOnlyThrows = true; }
for (const file of files) {
  current = file;
  try { await import(new URL(file, "file://" + process.cwd() + "/").href); }
  catch (error) { failures.push({ file, error: String(error?.message ?? error).split("\\n")[0] }); }
}
process.stdout.write(JSON.stringify({ serverOnlyThrows, loaded: files.length - failures.length, failures }));
`;

describe("lib/ domain modules", () => {
  it("load in plain Node (no react-server condition, no aliases)", async () => {
    const files = domainModules();
    expect(files.length).toBeGreaterThan(100);
    expect(files).not.toContainEqual(expect.stringMatching(/^lib\/(http|queries)\//));
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD, JSON.stringify(files)], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "production" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    // A module that throws while loading can also take the child down: show what it printed.
    expect({
      code,
      stderr:
        code === 0
          ? ""
          : stderr
              .split("\n")
              .filter((l) => l.startsWith("while loading"))
              .join("\n") || stderr.slice(0, 2000),
    }).toEqual({ code: 0, stderr: "" });
    const result = JSON.parse(stdout) as { serverOnlyThrows: boolean; loaded: number; failures: unknown[] };
    expect(result.serverOnlyThrows).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.loaded).toBe(files.length);
  });
});
