import { parseArgs } from "node:util";
import { startCloudWatchEmulator } from "./server";

/**
 * CLI: `tsx infra/local/cloudwatch/main.ts --port 4582 --data .data/cloudwatch [--host 127.0.0.1]`.
 * Prints `ready <url>` once listening (launchers wait for that line); flushes and exits on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "4582" }, host: { type: "string", default: "127.0.0.1" }, data: { type: "string", default: ".data/cloudwatch" } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0-65535, got ${values.port}`);
  const service = await startCloudWatchEmulator({ port, host: values.host, dataDir: values.data });
  process.stdout.write(`ready ${service.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`cloudwatch emulator: failed to close cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
