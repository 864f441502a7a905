import { FEATURES } from "@/lib/features/schema";
import { EXACT_MANTISSA, plainDecimal, POW10 } from "./decimal-bytes";
import { decodeInputRows, decodeOutput, type CapturedRecord, type CapturePayload } from "./decode-capture";
import { EnvelopeScanner, ESCAPED, HAS_INPUT, HAS_OUTPUT, NON_ASCII, PRESENT, SLOT } from "./envelope-scanner";

const WIDTH = FEATURES.length;
const COMMA = 0x2c;
const DOT = 0x2e;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;
const CSV = new TextEncoder().encode("CSV");
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** A decoded capture line in reused buffers: valid until the decoder reads the next line. */
export interface CaptureLineView {
  readonly variant: string;
  /** Epoch milliseconds of eventMetadata.inferenceTime. */
  readonly inferenceTime: number;
  /** Input rows; row r's features are values[r × FEATURES.length …], NaN = missing. */
  readonly rows: number;
  readonly values: Float64Array;
  /** Whether the output was captured; then scores[r] is row r's score. */
  readonly hasScores: boolean;
  readonly scores: Float64Array;
  /** An explanation call (lib/capture/decode-capture.ts, CapturedRecord.explained). */
  readonly explained: boolean;
}

/**
 * Decodes capture lines from their bytes into one reused view, without JSON.parse of the envelope
 * and without a string or array per value for the lines SageMaker writes for a text/csv endpoint:
 * the envelope is scanned (envelope-scanner.ts), CSV numbers are read from the bytes
 * (decimal-bytes.ts). Any other payload — an escape in a field, JSON or BASE64 data, an unusual
 * number — is decoded by decode-capture.ts's own functions on the field's text. `decode` answers
 * false when the line needs decodeCaptureLine itself (then `load` its result): a line decoded
 * here reads exactly as decodeCaptureLine reads it (capture-line-decoder.test.ts checks both ways).
 */
export class CaptureLineDecoder implements CaptureLineView {
  inferenceTime = NaN;
  rows = 0;
  values: Float64Array<ArrayBuffer> = new Float64Array(WIDTH * 4);
  hasScores = false;
  scores: Float64Array<ArrayBuffer> = new Float64Array(4);
  explained = false;
  private readonly envelope = new EnvelopeScanner();
  private buf: Buffer = Buffer.alloc(0);
  /** The record `load` took, while it is the current line. */
  private loaded: CapturedRecord | null = null;
  // Consecutive lines mostly share their inferenceTime (a second's calls): parse it once.
  private lastTime = new Uint8Array(32);
  private lastTimeLength = -1;
  private lastTimeValue = NaN;
  /** The last time's seconds when it is "YYYY-MM-DDTHH:mm:ssZ" with an hour ≤ 23 and seconds ≤ 59, else -1. */
  private lastTimeSeconds = -1;
  /** Whether the CSV string being read holds a backslash escape (lineEnd). */
  private escaped = true;

  constructor(readonly variant: string) {}

  /** Decodes bytes [start, end) of `buf` (one line); false when decodeCaptureLine must decide. */
  decode(buf: Buffer, start: number, end: number): boolean {
    const env = this.envelope;
    if (!env.scan(buf, start, end)) return false;
    this.buf = buf;
    this.loaded = null;
    const time = this.time();
    if (!Number.isFinite(time) || !(env.objects & HAS_INPUT)) return false;
    this.inferenceTime = time;
    let rows = this.isPlainCsv(SLOT.inputEncoding, SLOT.inputData)
      ? this.csvRows(env.starts[SLOT.inputData]!, env.ends[SLOT.inputData]!)
      : -1;
    if (rows < 0) {
      try {
        rows = this.loadRows(decodeInputRows(this.payload(SLOT.inputType)));
      } catch {
        return false;
      }
    }
    this.rows = rows;
    this.hasScores = (env.objects & HAS_OUTPUT) !== 0;
    this.explained = false;
    if (!this.hasScores) return true;
    let scores = this.isPlainCsv(SLOT.outputEncoding, SLOT.outputData)
      ? this.csvScores(env.starts[SLOT.outputData]!, env.ends[SLOT.outputData]!)
      : -1;
    if (scores < 0) {
      try {
        const output = decodeOutput(this.payload(SLOT.outputType));
        scores = this.loadScores(output.scores);
        this.explained = output.explained;
      } catch {
        return false;
      }
    }
    return scores === rows;
  }

  /** Takes a record decodeCaptureLine decoded (a line `decode` declined). */
  load(record: CapturedRecord): void {
    this.loaded = record;
    this.inferenceTime = record.inferenceTime;
    this.rows = this.loadRows(record.rows);
    this.hasScores = record.scores.length > 0;
    this.loadScores(record.scores);
    this.explained = record.explained;
  }

  /** The current line as decodeCaptureLine returns it. */
  toRecord(): CapturedRecord {
    if (this.loaded) return this.loaded;
    const rows = [];
    for (let r = 0; r < this.rows; r++) {
      const row = [];
      for (let j = 0; j < WIDTH; j++) {
        const v = this.values[r * WIDTH + j]!;
        row.push(Number.isNaN(v) ? null : v);
      }
      rows.push(row);
    }
    const env = this.envelope;
    return {
      variant: this.variant,
      eventId: env.flags[SLOT.eventId] ? this.text(SLOT.eventId) : "",
      inferenceId: env.flags[SLOT.inferenceId] ? this.text(SLOT.inferenceId) : null,
      inferenceTime: this.inferenceTime,
      rows,
      scores: this.hasScores ? Array.from(this.scores.subarray(0, this.rows)) : [],
      explained: this.explained,
    };
  }

  /** A string slot's value, as JSON.parse would give it. */
  private text(slot: number): string {
    const env = this.envelope;
    const start = env.starts[slot]!;
    const end = env.ends[slot]!;
    if (!(env.flags[slot]! & (ESCAPED | NON_ASCII))) return this.buf.toString("latin1", start, end);
    return JSON.parse(utf8.decode(this.buf.subarray(start - 1, end + 1))) as string;
  }

  private payload(base: number): CapturePayload {
    const flags = this.envelope.flags;
    const payload: CapturePayload = {};
    if (flags[base]) payload.observedContentType = this.text(base);
    if (flags[base + 1]) payload.mode = this.text(base + 1);
    if (flags[base + 2]) payload.data = this.text(base + 2);
    if (flags[base + 3]) payload.encoding = this.text(base + 3);
    return payload;
  }

  private time(): number {
    const env = this.envelope;
    const flags = env.flags[SLOT.inferenceTime]!;
    if (!(flags & PRESENT)) return NaN;
    if (flags !== PRESENT) {
      const text = this.text(SLOT.inferenceTime);
      return text ? Date.parse(text) : NaN;
    }
    const start = env.starts[SLOT.inferenceTime]!;
    const length = env.ends[SLOT.inferenceTime]! - start;
    const b = this.buf;
    const last = this.lastTime;
    if (length === this.lastTimeLength) {
      let k = 0;
      while (k < length && b[start + k] === last[k]) k++;
      if (k === length) return this.lastTimeValue;
      // The next second of the same minute, "YYYY-MM-DDTHH:mm:ssZ" (the last one parsed, hour ≤ 23):
      // Date.parse would answer the last value plus the seconds between.
      if (k >= 17 && this.lastTimeSeconds >= 0) {
        const tens = b[start + 17]! - 0x30;
        const ones = b[start + 18]! - 0x30;
        if (tens >= 0 && tens <= 5 && ones >= 0 && ones <= 9 && b[start + 19] === 0x5a) {
          const seconds = tens * 10 + ones;
          this.lastTimeValue += (seconds - this.lastTimeSeconds) * 1000;
          this.lastTimeSeconds = seconds;
          last[17] = b[start + 17]!;
          last[18] = b[start + 18]!;
          return this.lastTimeValue;
        }
      }
    }
    const text = b.toString("latin1", start, start + length);
    const value = text ? Date.parse(text) : NaN;
    if (length <= last.length) {
      for (let k = 0; k < length; k++) last[k] = b[start + k]!;
      this.lastTimeLength = length;
      this.lastTimeValue = value;
      this.lastTimeSeconds = Number.isFinite(value) ? isoSeconds(b, start, length) : -1;
    }
    return value;
  }

  /** `encoding` is exactly "CSV" and `data` is present and ASCII: the bytes can be read directly. */
  private isPlainCsv(encodingSlot: number, dataSlot: number): boolean {
    const env = this.envelope;
    if (env.flags[encodingSlot] !== PRESENT || !(env.flags[dataSlot]! & PRESENT) || env.flags[dataSlot]! & NON_ASCII) return false;
    const start = env.starts[encodingSlot]!;
    return (
      env.ends[encodingSlot]! - start === 3 &&
      this.buf[start] === CSV[0] &&
      this.buf[start + 1] === CSV[1] &&
      this.buf[start + 2] === CSV[2]
    );
  }

  /**
   * The end of the CSV line starting at `i` in JSON string bytes: the next `\n` escape or `end`;
   * -1 at any other escape (then the text path decides).
   */
  private lineEnd(i: number, end: number): number {
    // A string without a backslash (the scanner's flags) is one line: no need to look.
    if (!this.escaped) return end;
    const b = this.buf;
    while (i < end && b[i] !== BACKSLASH) i++;
    return i < end && b[i + 1] !== 0x6e ? -1 : i;
  }

  /** decodeInputRows on CSV bytes: lines (blank ones skipped) of WIDTH fields; -1 when the text path must read it. */
  private csvRows(start: number, end: number): number {
    this.escaped = (this.envelope.flags[SLOT.inputData]! & ESCAPED) !== 0;
    let rows = 0;
    for (let i = start; i < end;) {
      const lineEnd = this.lineEnd(i, end);
      if (lineEnd < 0) return -1;
      if (lineEnd > i) {
        if (!this.csvRow(i, lineEnd, rows)) return -1;
        rows++;
      }
      i = lineEnd + 2;
    }
    return rows;
  }

  /** One row's fields in one pass: plain decimals (decimal-bytes.ts's rule, inlined) or empty (missing). */
  private csvRow(start: number, end: number, row: number): boolean {
    if ((row + 1) * WIDTH > this.values.length) this.values = grow(this.values, (row + 1) * WIDTH);
    const values = this.values;
    const b = this.buf;
    let field = 0;
    let from = start;
    let mantissa = 0;
    let decimals = 0;
    let digits = false;
    let dot = false;
    for (let i = start; i <= end; i++) {
      const c = i < end ? b[i]! : COMMA;
      if (c >= 0x30 && c <= 0x39) {
        mantissa = mantissa * 10 + (c - 0x30);
        if (dot) decimals++;
        digits = true;
        continue;
      }
      if (c === DOT && !dot) {
        dot = true;
        continue;
      }
      if (c === MINUS && i === from) continue;
      if (c !== COMMA || field === WIDTH) return false;
      let value = NaN;
      if (i > from) {
        if (!digits) return false;
        if (mantissa < EXACT_MANTISSA && decimals <= 22) {
          value = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
          if (b[from] === MINUS) value = -value;
        } else {
          value = plainDecimal(b, from, i);
          if (Number.isNaN(value)) return false;
        }
      }
      values[row * WIDTH + field++] = value;
      from = i + 1;
      mantissa = 0;
      decimals = 0;
      digits = false;
      dot = false;
    }
    return field === WIDTH;
  }

  /** decodeOutputScores on CSV bytes: the first field of each non-blank line; -1 when the text path must read it. */
  private csvScores(start: number, end: number): number {
    this.escaped = (this.envelope.flags[SLOT.outputData]! & ESCAPED) !== 0;
    const b = this.buf;
    let n = 0;
    for (let i = start; i < end;) {
      const lineEnd = this.lineEnd(i, end);
      if (lineEnd < 0) return -1;
      if (lineEnd > i) {
        let comma = i;
        while (comma < lineEnd && b[comma] !== COMMA) comma++;
        const value = comma > i ? plainDecimal(b, i, comma) : NaN;
        if (Number.isNaN(value)) return -1;
        if (n >= this.scores.length) this.scores = grow(this.scores, n + 1);
        this.scores[n++] = value;
      }
      i = lineEnd + 2;
    }
    return n;
  }

  private loadRows(rows: ReadonlyArray<ReadonlyArray<number | null>>): number {
    if (rows.length * WIDTH > this.values.length) this.values = grow(this.values, rows.length * WIDTH);
    rows.forEach((row, r) => row.forEach((v, j) => (this.values[r * WIDTH + j] = v ?? NaN)));
    return rows.length;
  }

  private loadScores(scores: readonly number[]): number {
    if (scores.length > this.scores.length) this.scores = grow(this.scores, scores.length);
    this.scores.set(scores);
    return scores.length;
  }
}

// "YYYY-MM-DDTHH:mm:ssZ": what each byte must be (0 = a digit).
const ISO_SECONDS = new TextEncoder().encode("0000-00-00T00:00:00Z");

/** The seconds of bytes [start, start + length) when they are "YYYY-MM-DDTHH:mm:ssZ" with an hour ≤ 23 and seconds ≤ 59; else -1. */
function isoSeconds(b: Buffer, start: number, length: number): number {
  if (length !== ISO_SECONDS.length) return -1;
  for (let k = 0; k < length; k++) {
    const c = b[start + k]!;
    if (ISO_SECONDS[k] === 0x30 ? c < 0x30 || c > 0x39 : c !== ISO_SECONDS[k]) return -1;
  }
  const two = (at: number) => (b[start + at]! - 0x30) * 10 + (b[start + at + 1]! - 0x30);
  return two(11) <= 23 && two(17) <= 59 ? two(17) : -1;
}

function grow(array: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}
