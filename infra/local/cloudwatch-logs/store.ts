import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface LogStreamState {
  name: string;
  creationTime: number;
  /** Ordered by timestamp; events of equal timestamp in the order they arrived. */
  events: LogEvent[];
  lastIngestionTime?: number;
}

export interface LogGroupState {
  name: string;
  creationTime: number;
  streams: Map<string, LogStreamState>;
}

type JournalEntry =
  | { op: "group"; name: string; t: number }
  | { op: "stream"; group: string; name: string; t: number }
  | { op: "events"; group: string; stream: string; events: [number, string, number][] };

/**
 * The emulator's log groups, streams and events, in memory, with every change appended to
 * `<dataDir>/journal.jsonl` before the request is answered (so an acknowledged PutLogEvents survives
 * a crash) and replayed at start-up; a torn last line is skipped. Like a log group on AWS with its
 * default retention ("Never expire"), nothing is dropped.
 */
export class LogStore {
  readonly groups = new Map<string, LogGroupState>();
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static async open(dataDir: string): Promise<LogStore> {
    await mkdir(dataDir, { recursive: true });
    const store = new LogStore(path.join(dataDir, "journal.jsonl"));
    if (existsSync(store.file)) {
      for (const line of (await readFile(store.file, "utf8")).split("\n")) {
        if (line.trim() === "") continue;
        let entry: JournalEntry;
        try {
          entry = JSON.parse(line) as JournalEntry;
        } catch {
          continue; // a line torn by a crash
        }
        store.apply(entry);
      }
    }
    return store;
  }

  group(name: string): LogGroupState | undefined {
    return this.groups.get(name);
  }

  async createGroup(name: string, now: number): Promise<void> {
    await this.commit({ op: "group", name, t: now });
  }

  async createStream(group: string, name: string, now: number): Promise<void> {
    await this.commit({ op: "stream", group, name, t: now });
  }

  async putEvents(group: string, stream: string, events: LogEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.commit({ op: "events", group, stream, events: events.map((e) => [e.timestamp, e.message, e.ingestionTime]) });
  }

  /** Waits for the journal writes queued so far. */
  flush(): Promise<void> {
    return this.writes;
  }

  /** Applies in memory first (answers see it at once), then appends to the journal in request order. */
  private commit(entry: JournalEntry): Promise<void> {
    this.apply(entry);
    const line = `${JSON.stringify(entry)}\n`;
    const written = this.writes.then(() => appendFile(this.file, line));
    this.writes = written.catch(() => undefined);
    return written;
  }

  private apply(entry: JournalEntry): void {
    if (entry.op === "group") {
      if (!this.groups.has(entry.name)) this.groups.set(entry.name, { name: entry.name, creationTime: entry.t, streams: new Map() });
      return;
    }
    const group = this.groups.get(entry.group);
    if (!group) return;
    if (entry.op === "stream") {
      if (!group.streams.has(entry.name)) group.streams.set(entry.name, { name: entry.name, creationTime: entry.t, events: [] });
      return;
    }
    const stream = group.streams.get(entry.stream);
    if (!stream) return;
    for (const [timestamp, message, ingestionTime] of entry.events) {
      insertInOrder(stream.events, { timestamp, message, ingestionTime });
      stream.lastIngestionTime = Math.max(stream.lastIngestionTime ?? 0, ingestionTime);
    }
  }
}

/** After every event with a timestamp ≤ the new one: appending (the usual case) costs one comparison. */
function insertInOrder(events: LogEvent[], event: LogEvent): void {
  let lo = 0;
  let hi = events.length;
  if (hi === 0 || events[hi - 1]!.timestamp <= event.timestamp) {
    events.push(event);
    return;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.timestamp <= event.timestamp) lo = mid + 1;
    else hi = mid;
  }
  events.splice(lo, 0, event);
}
