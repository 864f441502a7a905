import { parseArgs } from "node:util";
import { startSageMakerEmulator } from "./server";

/**
 * CLI: `npx tsx --conditions=react-server infra/local/sagemaker/main.ts --port 4566 --data .data/sagemaker`.
 * Prints exactly one line, `ready <url>`, on stdout once listening; SIGTERM/SIGINT flush capture,
 * metrics and state, then exit 0.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    data: { type: "string", default: ".data/sagemaker" },
    "transition-ms": { type: "string" },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`sagemaker emulator: invalid --port ${values.port}`);
  process.exit(2);
}

try {
  const service = await startSageMakerEmulator({
    port,
    host: values.host,
    dataDir: values.data,
    transitionMs: values["transition-ms"] === undefined ? undefined : Number(values["transition-ms"]),
  });
  process.stdout.write(`ready ${service.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("sagemaker emulator: error while stopping", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} catch (error) {
  console.error(`sagemaker emulator: ${(error as Error).message}`);
  process.exit(1);
}
