import { mkdirSync } from "node:fs";
import dynalite from "dynalite";
import { closeServer, listen, type RunningService } from "./service";

/**
 * DynamoDB API from dynalite, its LevelDB store under dataDir (or in memory when dataDir is omitted).
 * dynalite has no transactions, TTL or PITR: the console uses single-item conditional writes only.
 */
export async function startDynamoDb(opts: { port: number; host?: string; dataDir?: string }): Promise<RunningService> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  // Tables become ACTIVE after createTableMs; the default 500 ms only slows start-up and tests.
  const server = dynalite({ path: opts.dataDir, createTableMs: 50, updateTableMs: 50, deleteTableMs: 50 });
  const host = opts.host ?? "127.0.0.1";
  const port = await listen(server, "dynamodb", opts.port, host);
  return { name: "dynamodb", port, url: `http://${host}:${port}`, close: () => closeServer(server) };
}
