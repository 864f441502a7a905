import type { LogStore } from "../store";

export interface LogsContext {
  store: LogStore;
  now(): number;
}

/** Writes return a promise (they wait for the journal); reads answer at once. */
export type LogsOperation = (ctx: LogsContext, body: unknown) => unknown;
