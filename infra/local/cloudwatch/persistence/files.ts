import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";

/**
 * Data directory layout: `wal-<seq>.jsonl` write-ahead segments (one datum per line) and
 * `snapshot-<seq>.jsonl` (one bucket per line) holding everything from segments numbered below <seq>.
 */
export const walPath = (dir: string, seq: number) => path.join(dir, `wal-${String(seq).padStart(8, "0")}.jsonl`);
export const snapshotPath = (dir: string, seq: number) => path.join(dir, `snapshot-${String(seq).padStart(8, "0")}.jsonl`);

export interface DataFiles {
  segments: number[];
  snapshot: number | undefined;
}

export async function listDataFiles(dir: string): Promise<DataFiles> {
  const names = await readdir(dir);
  const seqs = (prefix: string) =>
    names
      .map((n) => new RegExp(`^${prefix}-(\\d+)\\.jsonl$`).exec(n)?.[1])
      .filter((s): s is string => s !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  return { segments: seqs("wal"), snapshot: seqs("snapshot").at(-1) };
}

/**
 * Streams a file's lines to `apply`. A line that does not parse (a write torn by a crash) is
 * skipped: losing the last datum beats refusing to start. Returns how many lines were skipped.
 */
export async function replayLines(file: string, apply: (line: string) => void, isAborted: () => boolean = () => false): Promise<number> {
  let skipped = 0;
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (isAborted()) {
      lines.close();
      throw new Error("aborted");
    }
    if (line.length === 0) continue;
    try {
      apply(line);
    } catch {
      skipped += 1;
    }
  }
  return skipped;
}
