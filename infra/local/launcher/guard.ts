/**
 * Runs a command for the launcher and makes sure it does not outlive it. Next's server is not ours
 * to change, and a launcher killed hard (SIGKILL, a closed terminal, `timeout`) cannot stop its
 * children: this guard holds an IPC channel to the launcher, and when the channel closes — however
 * the launcher ended — it stops the command with SIGTERM. Usage: guard.ts <command> [args...]
 */
import { spawn } from "node:child_process";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: guard.ts <command> [args...]");
  process.exit(2);
}

const child = spawn(command, args, { stdio: "inherit" });
const stop = () => {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
};
process.on("disconnect", stop);
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.once("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
