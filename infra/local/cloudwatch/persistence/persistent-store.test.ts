import { appendFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatumRecord } from "../store/datum";
import { metricIdentity } from "../store/metric-id";
import { RETENTION_MS } from "../store/metric-store";
import { walPath } from "./files";
import { PersistentMetricStore } from "./persistent-store";

const id = metricIdentity("NS", "m", [{ Name: "Endpoint", Value: "e1" }]);
const now = Date.now();
const minute = Math.floor(now / 60_000) * 60_000 - 10 * 60_000;
const datum = (timestamp: number, values: number[], resolution: 1 | 60 = 60): DatumRecord => ({
  id,
  timestamp,
  unit: "Count",
  resolution,
  values,
});

function sumOver(store: PersistentMetricStore, fromMs: number, toMs: number, period = 60) {
  const periods = store.store.aggregate(id, { fromSec: fromMs / 1000, toSec: toMs / 1000, period, withDistribution: true });
  return [...periods.entries()].sort(([a], [b]) => a - b).map(([t, b]) => [t * 1000 - fromMs, b.sum, b.dist.percentile(50)]);
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cw-store-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("PersistentMetricStore", () => {
  it("restores the same aggregates from a snapshot plus later segments", async () => {
    const first = await PersistentMetricStore.open({ dataDir: dir });
    first.record(datum(minute + 1000, [1, 2, 3]));
    await first.compactNow();
    first.record(datum(minute + 61_000, [10]));
    first.record(datum(minute + 2000, [4]));
    const before = sumOver(first, minute, minute + 300_000);
    await first.close();
    expect((await readdir(dir)).sort()).toEqual(["snapshot-00000002.jsonl", "wal-00000002.jsonl"]);

    const second = await PersistentMetricStore.open({ dataDir: dir });
    expect(sumOver(second, minute, minute + 300_000)).toEqual(before);
    expect(before).toEqual([
      [0, 10, 2],
      [60_000, 10, 10],
    ]);
    await second.compactNow();
    await second.close();
    const third = await PersistentMetricStore.open({ dataDir: dir });
    expect(sumOver(third, minute, minute + 300_000)).toEqual(before);
    await third.close();
  });

  it("skips a torn last line left by a crash", async () => {
    const first = await PersistentMetricStore.open({ dataDir: dir });
    first.record(datum(minute, [5]));
    await first.close();
    await appendFile(walPath(dir, 1), '["NS","m",["Endpoint","e1"],17');
    const second = await PersistentMetricStore.open({ dataDir: dir });
    expect(sumOver(second, minute, minute + 60_000)).toEqual([[0, 5, 5]]);
    await second.close();
  });

  it("drops data past 15 days and folds old 1-second buckets into minutes when compacting", async () => {
    let clock = now;
    const store = await PersistentMetricStore.open({ dataDir: dir, now: () => clock });
    const old = minute - 4 * 3600_000;
    store.record(datum(old + 1000, [1], 1));
    store.record(datum(old + 2000, [2], 1));
    expect(sumOver(store, old, old + 60_000, 1).length).toBe(2);
    await store.compactNow();
    await store.close();
    const reopened = await PersistentMetricStore.open({ dataDir: dir, now: () => clock });
    expect(sumOver(reopened, old, old + 60_000, 1)).toEqual([[0, 3, 1]]);
    clock = now + RETENTION_MS;
    await reopened.compactNow();
    await reopened.close();
    const expired = await PersistentMetricStore.open({ dataDir: dir, now: () => clock });
    expect(expired.store.size).toBe(0);
    await expired.close();
  });
});
