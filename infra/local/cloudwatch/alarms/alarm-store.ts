import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AlarmHistoryItem, AlarmRecord } from "./alarm-model";

/** CloudWatch keeps alarm history for two weeks (user guide, "Common features of CloudWatch alarms"). */
export const HISTORY_RETENTION_MS = 14 * 24 * 3600 * 1000;
const WRITE_DELAY_MS = 50;

interface AlarmFile {
  version: 1;
  alarms: AlarmRecord[];
  history: AlarmHistoryItem[];
}

/**
 * Alarms and their history, in memory and in `<dataDir>/alarms.json` (written shortly after each
 * change, temp file + rename, and on close), so a restart keeps every alarm, its state and history.
 * Alarms are few and change rarely, unlike datums, so one small document beats a log.
 */
export class AlarmStore {
  private readonly alarms = new Map<string, AlarmRecord>();
  private history: AlarmHistoryItem[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static async open(dataDir: string): Promise<AlarmStore> {
    const store = new AlarmStore(path.join(dataDir, "alarms.json"));
    try {
      const saved = JSON.parse(await readFile(store.file, "utf8")) as AlarmFile;
      for (const alarm of saved.alarms) store.alarms.set(alarm.AlarmName, alarm);
      store.history = saved.history;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    return store;
  }

  get(name: string): AlarmRecord | undefined {
    return this.alarms.get(name);
  }

  /** Alarms in name order, as DescribeAlarms lists them. */
  all(): AlarmRecord[] {
    return [...this.alarms.values()].sort((a, b) => (a.AlarmName < b.AlarmName ? -1 : a.AlarmName > b.AlarmName ? 1 : 0));
  }

  put(alarm: AlarmRecord): void {
    this.alarms.set(alarm.AlarmName, alarm);
    this.changed();
  }

  delete(name: string): void {
    this.alarms.delete(name);
    this.changed();
  }

  addHistory(item: AlarmHistoryItem): void {
    this.history.push(item);
    const cutoff = item.Timestamp - HISTORY_RETENTION_MS;
    if ((this.history[0]?.Timestamp ?? Infinity) < cutoff) this.history = this.history.filter((h) => h.Timestamp >= cutoff);
    this.changed();
  }

  historyItems(): ReadonlyArray<AlarmHistoryItem> {
    return this.history;
  }

  /** Writes what changed now (close, tests). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.writing = this.writing.then(() => this.write());
    }
    await this.writing;
  }

  private changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.writing = this.writing.then(() => this.write());
    }, WRITE_DELAY_MS);
  }

  private async write(): Promise<void> {
    const doc: AlarmFile = { version: 1, alarms: [...this.alarms.values()], history: this.history };
    const temp = `${this.file}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(doc));
      await rename(temp, this.file);
    } catch (error) {
      process.stderr.write(`cloudwatch emulator: could not save alarms: ${String(error)}\n`);
    }
  }
}
