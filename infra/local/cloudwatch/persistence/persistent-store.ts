import { mkdir, rm } from "node:fs/promises";
import type { DatumRecord } from "../store/datum";
import { MetricStore } from "../store/metric-store";
import { encodeDatum } from "./codec";
import { compact, loadInto } from "./compaction";
import { listDataFiles, walPath } from "./files";
import { WalWriter } from "./wal-writer";

const DEFAULT_MAINTENANCE_MS = 5 * 60 * 1000;
const COMPACT_AT_BYTES = 64 * 1024 * 1024;

export interface PersistentStoreOptions {
  dataDir: string;
  /** How often to prune, roll up and compact. */
  maintenanceEveryMs?: number;
  now?: () => number;
}

/** The metric store plus its write-ahead log and periodic compaction into a snapshot. */
export class PersistentMetricStore {
  private compacting: Promise<void> | undefined;
  private closing = false;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    readonly store: MetricStore,
    private readonly wal: WalWriter,
    private readonly dir: string,
    private snapshot: number | undefined,
    private pending: number[],
    private readonly now: () => number,
    maintenanceEveryMs: number,
  ) {
    this.timer = setInterval(() => this.maintain(), maintenanceEveryMs);
    this.timer.unref();
  }

  static async open(opts: PersistentStoreOptions): Promise<PersistentMetricStore> {
    const now = opts.now ?? Date.now;
    await mkdir(opts.dataDir, { recursive: true });
    const { snapshot, segments } = await listDataFiles(opts.dataDir);
    // Segments below the snapshot are already in it (a crash can leave them behind).
    for (const seq of segments) if (snapshot !== undefined && seq < snapshot) await rm(walPath(opts.dataDir, seq), { force: true });
    const live = segments.filter((seq) => snapshot === undefined || seq >= snapshot);
    const store = new MetricStore();
    await loadInto(store, opts.dataDir, snapshot, live);
    store.maintain(now());
    // Never append to an old segment: its last line may be torn.
    const nextSeq = Math.max((live.at(-1) ?? 0) + 1, snapshot ?? 1);
    const wal = await WalWriter.open(opts.dataDir, nextSeq);
    return new PersistentMetricStore(store, wal, opts.dataDir, snapshot, live, now, opts.maintenanceEveryMs ?? DEFAULT_MAINTENANCE_MS);
  }

  record(datum: DatumRecord): void {
    this.store.addDatum(datum);
    this.wal.append(encodeDatum(datum));
    if (this.wal.size > COMPACT_AT_BYTES) void this.compactNow().catch(logFailure);
  }

  /** Folds everything logged so far into a new snapshot (no-op if a compaction is already running). */
  compactNow(): Promise<void> {
    this.compacting ??= this.runCompaction().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  /** Writes out what is buffered, waits for (or abandons) a running compaction, closes the log. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    await this.compacting?.catch(() => undefined);
    await this.wal.close();
  }

  private maintain(): void {
    this.store.maintain(this.now());
    if (this.wal.size > 0 || this.pending.length > 0) void this.compactNow().catch(logFailure);
  }

  private async runCompaction(): Promise<void> {
    if (this.closing) return;
    const closed = await this.wal.rotate();
    const segments = [...this.pending, closed];
    const nextSeq = this.wal.seq;
    try {
      await compact({ dir: this.dir, snapshot: this.snapshot, segments, nextSeq, nowMs: this.now(), isAborted: () => this.closing });
      this.snapshot = nextSeq;
      this.pending = [];
    } catch (error) {
      // The old snapshot and segments are intact; the next compaction retries with them.
      this.pending = segments;
      if (!this.closing) throw error;
    }
  }
}

function logFailure(error: unknown): void {
  process.stderr.write(`cloudwatch emulator: compaction failed: ${String(error)}\n`);
}
