import { mkdirSync } from "node:fs";
import dynalite from "dynalite";
import { makeDynaliteWritesAtomic } from "./dynalite-atomic-writes";
import { closeServer, listen, type RunningService } from "./service";

/**
 * DynamoDB API from dynalite, its LevelDB store under dataDir (or in memory when dataDir is omitted).
 * dynalite has no transactions, TTL or PITR: the console uses single-item conditional writes only.
 * Its item and index writes are made one atomic LevelDB batch, so a crash never leaves an index entry
 * without its item (dynalite-atomic-writes.ts).
 */
export async function startDynamoDb(opts: { port: number; host?: string; dataDir?: string }): Promise<RunningService> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  makeDynaliteWritesAtomic();
  // Tables become ACTIVE after createTableMs; the default 500 ms only slows start-up and tests.
  const server = dynalite({ path: opts.dataDir, createTableMs: 50, updateTableMs: 50, deleteTableMs: 50 });
  const host = opts.host ?? "127.0.0.1";
  const port = await listen(server, "dynamodb", opts.port, host);
  return { name: "dynamodb", port, url: `http://${host}:${port}`, close: () => closeServer(server) };
}
