import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

/** Child processes of the launcher: started, awaited until ready, and stopped together. */
export interface Child {
  name: string;
  process: ChildProcess;
  logFile: string;
}

const children: Child[] = [];
let shuttingDown = false;

export function isShuttingDown(): boolean {
  return shuttingDown;
}

/**
 * Spawns a child whose stdout/stderr go to <logDir>/<name>.log (and, with echo, to this terminal too),
 * and resolves once a stdout line matches `ready`. A child that exits before that rejects with the
 * log's location.
 */
export function spawnChild(opts: {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
  ready: RegExp;
  echo?: boolean;
  timeoutMs?: number;
}): Promise<{ child: Child; match: RegExpMatchArray }> {
  mkdirSync(opts.logDir, { recursive: true });
  const logFile = path.join(opts.logDir, `${opts.name}.log`);
  const log = createWriteStream(logFile, { flags: "a" });
  // The IPC channel is how a child learns that the launcher is gone, even after a SIGKILL: it closes,
  // and our children (run-service.ts, traffic.ts, guard.ts around Next) stop themselves.
  const proc = spawn(opts.command, opts.args, { env: opts.env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  const child: Child = { name: opts.name, process: proc, logFile };
  children.push(child);
  const echo = (line: string) => {
    log.write(line + "\n");
    if (opts.echo) console.log(`[${opts.name}] ${line}`);
  };
  // Both are pipes (stdio above); the typings can't see that through the "ipc" entry.
  const [out, err] = [proc.stdout, proc.stderr];
  if (!out || !err) throw new Error(`${opts.name}: no output pipes`);
  createInterface({ input: err }).on("line", echo);
  const stdout = createInterface({ input: out });
  stdout.on("line", echo);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${opts.name} did not become ready in time; see ${logFile}`)),
      opts.timeoutMs ?? 60_000,
    );
    stdout.on("line", (line) => {
      const match = opts.ready.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match });
      }
    });
    proc.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited (${signal ?? `code ${code}`}) before it was ready; see ${logFile}`));
    });
  });
}

/** Calls onExit when any child dies while we are not shutting down (the stack is then unusable). */
export function superviseChildren(onExit: (child: Child, code: number | null) => void): void {
  for (const child of children) {
    child.process.once("exit", (code) => {
      if (!shuttingDown) onExit(child, code);
    });
  }
}

/** Stops children in reverse start order: SIGTERM, then SIGKILL for any still alive after graceMs. */
export async function stopChildren(graceMs = 10_000): Promise<void> {
  shuttingDown = true;
  for (const child of [...children].reverse()) {
    const proc = child.process;
    if (proc.exitCode !== null || proc.signalCode !== null) continue;
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
