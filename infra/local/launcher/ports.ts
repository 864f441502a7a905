import { createServer } from "node:net";

/** Resolves true when nothing listens on host:port (we could bind it). */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port the OS considers free right now (the caller binds it moments later). */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Throws one error listing every taken port, so the user can fix them all at once. */
export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  const taken: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    // The console binds all interfaces; the stack binds loopback. Check what each will bind.
    if (!(await isPortFree(port, name === "console" ? "0.0.0.0" : "127.0.0.1"))) taken.push(`${name} (port ${port})`);
  }
  if (taken.length > 0) {
    throw new Error(
      `Port in use: ${taken.join(", ")}. Stop what holds it (perhaps another \`npm run demo\`) or choose other ports: ` +
        `PORT for the console, DYNAMODB_PORT, S3_PORT, SAGEMAKER_PORT, CLOUDWATCH_PORT, FUNCTIONS_PORT for the stack.`,
    );
  }
}
