import { open, type FileHandle } from "node:fs/promises";
import { walPath } from "./files";

const FLUSH_EVERY_MS = 100;
const FLUSH_AT_BYTES = 1 << 20;

/**
 * Append-only segment writer. `append` only buffers (the request path never waits for the disk);
 * a timer and a size threshold flush the buffer with one write. Writes are chained so they land in order.
 */
export class WalWriter {
  private buffer: string[] = [];
  private bufferedBytes = 0;
  private written = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly dir: string,
    private handle: FileHandle,
    private seqNumber: number,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  static async open(dir: string, seq: number): Promise<WalWriter> {
    return new WalWriter(dir, await open(walPath(dir, seq), "a"), seq);
  }

  get seq(): number {
    return this.seqNumber;
  }

  /** Bytes written or buffered in the current segment. */
  get size(): number {
    return this.written + this.bufferedBytes;
  }

  append(line: string): void {
    this.buffer.push(line);
    this.bufferedBytes += line.length + 1;
    if (this.bufferedBytes >= FLUSH_AT_BYTES) void this.flush();
  }

  flush(): Promise<void> {
    if (this.buffer.length === 0) return this.chain;
    const text = this.buffer.join("\n") + "\n";
    this.buffer = [];
    this.written += this.bufferedBytes;
    this.bufferedBytes = 0;
    const handle = this.handle;
    this.chain = this.chain
      .then(async () => {
        await handle.write(text);
      })
      // A failed write must not wedge every later one; the data stays in memory until restart.
      .catch((error: unknown) => {
        process.stderr.write(`cloudwatch emulator: write-ahead log write failed: ${String(error)}\n`);
      });
    return this.chain;
  }

  /** Closes the current segment and starts the next; returns the closed segment's number. */
  async rotate(): Promise<number> {
    await this.flush();
    const closed = this.seqNumber;
    const next = await open(walPath(this.dir, closed + 1), "a");
    const old = this.handle;
    this.handle = next;
    this.seqNumber = closed + 1;
    this.written = 0;
    this.chain = this.chain.then(() => old.close());
    await this.chain;
    return closed;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    await this.chain;
    await this.handle.close();
  }
}
