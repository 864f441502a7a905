import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import S3rver from "s3rver";
import { fixDelimiterListing, type ListingStore } from "./s3rver-delimiter";
import { PortInUseError, type RunningService } from "./service";

/**
 * S3 API from s3rver, objects stored as files under dataDir. s3rver verifies SigV4 signatures and
 * knows one key pair, S3RVER/S3RVER, so the local stack's credentials are that pair (README).
 */
export async function startS3(opts: { port: number; host?: string; dataDir: string }): Promise<RunningService> {
  mkdirSync(opts.dataDir, { recursive: true });
  const host = opts.host ?? "127.0.0.1";
  const server = new S3rver({ address: host, port: opts.port, directory: opts.dataDir, silent: true });
  fixDelimiterListing((server as unknown as { store: ListingStore<{ key: string }> }).store);
  let address: { port: number };
  try {
    address = await server.run();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PortInUseError("s3", opts.port);
    throw error;
  }
  const port = address.port;
  return {
    name: "s3",
    port,
    url: `http://${host}:${port}`,
    close: async () => {
      const http = (server as unknown as { httpServer?: Server }).httpServer;
      http?.closeAllConnections();
      await server.close();
    },
  };
}
