import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { MetricStore } from "../store/metric-store";
import { decodeBucket, decodeDatum, encodeBucket } from "./codec";
import { replayLines, snapshotPath, walPath } from "./files";

/** Replays a snapshot and the segments after it into `store`. */
export async function loadInto(
  store: MetricStore,
  dir: string,
  snapshot: number | undefined,
  segments: ReadonlyArray<number>,
  isAborted?: () => boolean,
): Promise<void> {
  if (snapshot !== undefined) {
    await replayLines(
      snapshotPath(dir, snapshot),
      (line) => {
        const e = decodeBucket(line);
        store.mergeBucket(e.id, e.unit, e.startSec, e.bucket, e.lastUpdateMs);
      },
      isAborted,
    );
  }
  for (const seq of segments) {
    if (snapshot !== undefined && seq < snapshot) continue;
    await replayLines(walPath(dir, seq), (line) => store.addDatum(decodeDatum(line)), isAborted);
  }
}

export async function writeSnapshot(store: MetricStore, file: string): Promise<void> {
  const out = createWriteStream(file, { encoding: "utf8" });
  for (const series of store.all()) {
    for (const [unit, buckets] of series.streams) {
      for (const [startSec, bucket] of buckets) {
        const ok = out.write(encodeBucket({ id: series.id, unit, startSec, lastUpdateMs: series.lastUpdateMs, bucket }) + "\n");
        if (!ok) await once(out, "drain");
      }
    }
  }
  out.end();
  await once(out, "finish");
}

/**
 * Folds the previous snapshot and the closed segments into a new snapshot numbered `nextSeq` (the
 * open segment), then deletes what it replaced. It works from the files, not from live memory, so
 * requests keep flowing while it runs and nothing is counted twice; the rename makes it atomic.
 */
export async function compact(opts: {
  dir: string;
  snapshot: number | undefined;
  segments: ReadonlyArray<number>;
  nextSeq: number;
  nowMs: number;
  isAborted: () => boolean;
}): Promise<void> {
  const store = new MetricStore();
  await loadInto(store, opts.dir, opts.snapshot, opts.segments, opts.isAborted);
  store.maintain(opts.nowMs);
  const target = snapshotPath(opts.dir, opts.nextSeq);
  const temp = `${target}.tmp`;
  try {
    await writeSnapshot(store, temp);
    if (opts.isAborted()) throw new Error("aborted");
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (opts.snapshot !== undefined) await rm(snapshotPath(opts.dir, opts.snapshot), { force: true });
  for (const seq of opts.segments) await rm(walPath(opts.dir, seq), { force: true });
}
