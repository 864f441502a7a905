/**
 * Runs one service of the local stack as its own process (the launcher starts four of these, so the
 * emulators' CPU work never stalls DynamoDB or S3). Usage: run-service.ts <name> --port N --data DIR.
 * Prints `ready <url>` once listening; SIGTERM/SIGINT close the service (flushing its data) and exit.
 */
import { parseArgs } from "node:util";
import { STACK_SERVICES, startService, type StackServiceName } from "./stack";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string" }, data: { type: "string" }, host: { type: "string" } },
});
const name = positionals[0] as StackServiceName;
if (!STACK_SERVICES.includes(name) || !values.port || !values.data) {
  console.error(`usage: run-service.ts <${STACK_SERVICES.join("|")}> --port N --data DIR`);
  process.exit(2);
}

try {
  const service = await startService(name, { port: Number(values.port), host: values.host, dataDir: values.data });
  console.log(`ready ${service.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name}: error while stopping:`, error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // The launcher's IPC channel closes when it ends, however it ends: never outlive it.
  process.on("disconnect", stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
