/**
 * A targeted scan of one capture line's bytes (SAGEMAKER.md "Data capture"): it checks that the line
 * is a JSON object of the envelope's shape and notes where the strings the decoder needs are —
 * `captureData.endpointInput` / `endpointOutput`'s `observedContentType`, `mode`, `data`,
 * `encoding` and `eventMetadata`'s `eventId`, `inferenceId`, `inferenceTime` — without building the
 * document. It accepts a subset of JSON: objects and strings only (all SageMaker writes), keys
 * without escapes, no duplicated key it reads. Whatever it does not accept it declines (`false`),
 * and the caller decodes the line with JSON.parse instead, so a decline costs time, never a result.
 */

export const SLOT = {
  inputType: 0,
  inputMode: 1,
  inputData: 2,
  inputEncoding: 3,
  outputType: 4,
  outputMode: 5,
  outputData: 6,
  outputEncoding: 7,
  eventId: 8,
  inferenceId: 9,
  inferenceTime: 10,
} as const;
const SLOTS = 11;

/** Bits of `flags[slot]`. */
export const PRESENT = 1;
/** The string holds a backslash escape. */
export const ESCAPED = 2;
/** The string holds a byte ≥ 0x80 (UTF-8 beyond ASCII). */
export const NON_ASCII = 4;

/** Bits of `objects`: which of the envelope's objects the line holds. */
export const HAS_INPUT = 1;
export const HAS_OUTPUT = 2;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const MAX_DEPTH = 32;

// Object kinds, and what each key of a kind holds: a child object (kind + its HAS_ bit) or a string slot.
const ROOT = 0;
const CAPTURE = 1;
const INPUT = 2;
const OUTPUT = 3;
const META = 4;
const OTHER = 5;

interface Field {
  name: Uint8Array;
  child?: number;
  has?: number;
  slot?: number;
}
const bytes = (s: string) => new TextEncoder().encode(s);
const payload = (base: number): Field[] => [
  { name: bytes("observedContentType"), slot: base },
  { name: bytes("mode"), slot: base + 1 },
  { name: bytes("data"), slot: base + 2 },
  { name: bytes("encoding"), slot: base + 3 },
];
const FIELDS: Field[][] = [
  [
    { name: bytes("captureData"), child: CAPTURE },
    { name: bytes("eventMetadata"), child: META },
  ],
  [
    { name: bytes("endpointInput"), child: INPUT, has: HAS_INPUT },
    { name: bytes("endpointOutput"), child: OUTPUT, has: HAS_OUTPUT },
  ],
  payload(SLOT.inputType),
  payload(SLOT.outputType),
  [
    { name: bytes("eventId"), slot: SLOT.eventId },
    { name: bytes("inferenceId"), slot: SLOT.inferenceId },
    { name: bytes("inferenceTime"), slot: SLOT.inferenceTime },
  ],
  [],
];

/** The fixed parts of a text/csv capture line as the SageMaker emulator (and encodeCaptureLine) write it. */
interface Literal {
  bytes: Uint8Array;
  /** The bytes as little-endian 32-bit words (the trailing 0–3 bytes apart). */
  words: Uint32Array;
}
function literal(text: string): Literal {
  const b = bytes(text);
  const words = new Uint32Array(Math.floor(b.length / 4));
  const view = new DataView(b.buffer);
  for (let k = 0; k < words.length; k++) words[k] = view.getUint32(4 * k, true);
  return { bytes: b, words };
}

const TEMPLATE = (() => {
  const part = (text: string, strings: Array<[number, string]>) => ({
    ...literal(text),
    // The strings inside the part, as [slot, offset in the part, length, …].
    strings: Int32Array.from(strings.flatMap(([slot, value]) => [slot, text.indexOf(`"${value}"`) + 1, value.length])),
  });
  return {
    head: part('{"captureData":{"endpointInput":{"observedContentType":"text/csv","mode":"INPUT","data":"', [
      [SLOT.inputType, "text/csv"],
      [SLOT.inputMode, "INPUT"],
    ]),
    middle: part('","encoding":"CSV"},"endpointOutput":{"observedContentType":"text/csv; charset=utf-8","mode":"OUTPUT","data":"', [
      [SLOT.inputEncoding, "CSV"],
      [SLOT.outputType, "text/csv; charset=utf-8"],
      [SLOT.outputMode, "OUTPUT"],
    ]),
    meta: part('","encoding":"CSV"}},"eventMetadata":{"eventId":"', [[SLOT.outputEncoding, "CSV"]]),
    inferenceId: literal('","inferenceId":"'),
    inferenceTime: literal('","inferenceTime":"'),
    tail: literal('"},"eventVersion":"0"}'),
  };
})();

/** Bytes a string may hold as they are, without an escape: printable ASCII but the quote and the backslash. */
const PLAIN = new Uint8Array(256);
for (let c = 0x20; c < 0x80; c++) PLAIN[c] = c === QUOTE || c === BACKSLASH ? 0 : 1;

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
// The escapes JSON allows after a backslash: " \ / b f n r t (u is checked apart).
const SIMPLE_ESCAPE = new Uint8Array(128);
for (const c of '"\\/bfnrt') SIMPLE_ESCAPE[c.charCodeAt(0)] = 1;

export class EnvelopeScanner {
  /** Per slot: the string's content (between its quotes) is bytes [starts, ends) of the line. */
  readonly starts = new Int32Array(SLOTS);
  readonly ends = new Int32Array(SLOTS);
  readonly flags = new Uint8Array(SLOTS);
  objects = 0;
  private buf: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(new ArrayBuffer(0));
  private end = 0;
  private stringFlags = 0;

  /** Scans bytes [start, end) of `buf`; false when the line is not in the accepted subset. */
  scan(buf: Uint8Array, start: number, end: number): boolean {
    if (buf !== this.buf) {
      this.buf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    this.end = end;
    // csvTemplate sets every slot's flags when it matches (inferenceId's to 0 when absent), so the
    // flags are cleared only before the generic scan.
    if (this.csvTemplate(start)) return true;
    this.flags.fill(0);
    this.objects = 0;
    let p = this.space(start);
    if (p >= end || buf[p] !== OPEN) return false;
    p = this.object(p, ROOT, 0);
    return p >= 0 && this.space(p) === end;
  }

  /** Bytes [p, p + literal.length) are `literal`: four bytes at a time, then the rest. */
  private literal(p: number, literal: Literal): boolean {
    const b = this.buf;
    const length = literal.bytes.length;
    if (p + length > this.end) return false;
    const view = this.view;
    const words = literal.words;
    for (let k = 0; k < words.length; k++) if (view.getUint32(p + 4 * k, true) !== words[k]) return false;
    for (let k = words.length * 4; k < length; k++) if (b[p + k] !== literal.bytes[k]) return false;
    return true;
  }

  /** A string's content from p to its closing quote, plain ASCII without escapes: the quote's index, else -1. */
  private plain(p: number): number {
    const b = this.buf;
    const end = this.end;
    const view = this.view;
    // Four bytes at a time while none can end the run (a quote, a backslash, a control byte or one
    // ≥ 0x80; the bit tricks are exact on "some byte is", the byte loop then finds which).
    while (p + 4 <= end) {
      const w = view.getUint32(p, true);
      const quote = w ^ 0x22222222;
      const backslash = w ^ 0x5c5c5c5c;
      const found = ((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash) | ((w - 0x20202020) & ~w) | w;
      if ((found & 0x80808080) !== 0) break;
      p += 4;
    }
    while (p < end && PLAIN[b[p]!] === 1) p++;
    return p < end && b[p] === QUOTE ? p : -1;
  }

  private slot(slot: number, start: number, end: number): void {
    this.starts[slot] = start;
    this.ends[slot] = end;
    this.flags[slot] = PRESENT;
  }

  /**
   * The line exactly as SageMaker writes a text/csv invocation's capture (and no other): the
   * envelope's fixed bytes compared, only its variable strings scanned. Saves the generic scan on
   * nearly every line; anything different goes through it.
   */
  private csvTemplate(start: number): boolean {
    const t = TEMPLATE;
    if (!this.literal(start, t.head)) return false;
    let p = start + t.head.bytes.length;
    const inputData = this.plain(p);
    if (inputData < 0 || !this.literal(inputData, t.middle)) return false;
    this.slot(SLOT.inputData, p, inputData);
    p = inputData + t.middle.bytes.length;
    const outputData = this.plain(p);
    if (outputData < 0 || !this.literal(outputData, t.meta)) return false;
    this.slot(SLOT.outputData, p, outputData);
    p = outputData + t.meta.bytes.length;
    const eventId = this.plain(p);
    if (eventId < 0) return false;
    this.slot(SLOT.eventId, p, eventId);
    p = eventId;
    this.flags[SLOT.inferenceId] = 0;
    if (this.literal(p, t.inferenceId)) {
      p += t.inferenceId.bytes.length;
      const inferenceId = this.plain(p);
      if (inferenceId < 0) return false;
      this.slot(SLOT.inferenceId, p, inferenceId);
      p = inferenceId;
    }
    if (!this.literal(p, t.inferenceTime)) return false;
    p += t.inferenceTime.bytes.length;
    const time = this.plain(p);
    if (time < 0 || !this.literal(time, t.tail) || this.space(time + t.tail.bytes.length) !== this.end) return false;
    this.slot(SLOT.inferenceTime, p, time);
    // The fixed strings, where the template holds them (no array per line: this runs on every line).
    this.fixed(t.head.strings, start);
    this.fixed(t.middle.strings, inputData);
    this.fixed(t.meta.strings, outputData);
    this.objects = HAS_INPUT | HAS_OUTPUT;
    return true;
  }

  /** The slots of a template part found at `at`: strings as [slot, offset, length, …]. */
  private fixed(strings: Int32Array, at: number): void {
    for (let k = 0; k < strings.length; k += 3) this.slot(strings[k]!, at + strings[k + 1]!, at + strings[k + 1]! + strings[k + 2]!);
  }

  private space(p: number): number {
    const b = this.buf;
    while (p < this.end) {
      const c = b[p]!;
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) break;
      p++;
    }
    return p;
  }

  /** At an opening quote: the index after the closing one, or -1; sets stringFlags. */
  private string(p: number): number {
    const b = this.buf;
    const end = this.end;
    let flags = 0;
    let i = p + 1;
    for (;;) {
      // Plain ASCII runs first: most strings are nothing else.
      while (i < end && PLAIN[b[i]!] === 1) i++;
      if (i >= end) return -1;
      const c = b[i]!;
      if (c === QUOTE) {
        this.stringFlags = flags;
        return i + 1;
      }
      if (c === BACKSLASH) {
        flags |= ESCAPED;
        if (++i >= end) return -1;
        const e = b[i]!;
        if (e === 0x75) {
          if (i + 4 >= end) return -1;
          for (let k = 0; k < 4; k++) if (!isHex(b[++i]!)) return -1;
        } else if (e >= 128 || SIMPLE_ESCAPE[e] !== 1) return -1;
      } else if (c < 0x20) return -1;
      else flags |= NON_ASCII;
      i++;
    }
  }

  private fieldOf(kind: number, ks: number, ke: number): number {
    const b = this.buf;
    const fields = FIELDS[kind]!;
    for (let f = 0; f < fields.length; f++) {
      const name = fields[f]!.name;
      if (name.length !== ke - ks) continue;
      let k = 0;
      while (k < name.length && name[k] === b[ks + k]) k++;
      if (k === name.length) return f;
    }
    return -1;
  }

  /** At an opening brace: the index after the closing one, or -1. */
  private object(p: number, kind: number, depth: number): number {
    if (depth > MAX_DEPTH) return -1;
    const b = this.buf;
    const end = this.end;
    p = this.space(p + 1);
    if (p < end && b[p] === CLOSE) return p + 1;
    let seen = 0;
    for (;;) {
      if (p >= end || b[p] !== QUOTE) return -1;
      const ks = p + 1;
      p = this.string(p);
      if (p < 0 || this.stringFlags !== 0) return -1;
      const f = kind === OTHER ? -1 : this.fieldOf(kind, ks, p - 1);
      p = this.space(p);
      if (p >= end || b[p] !== COLON) return -1;
      p = this.space(p + 1);
      if (p >= end) return -1;
      const c = b[p];
      if (f < 0) {
        if (c === QUOTE) p = this.string(p);
        else if (c === OPEN) p = this.object(p, OTHER, depth + 1);
        else return -1;
      } else {
        const field = FIELDS[kind]![f]!;
        const bit = 1 << f;
        if (seen & bit) return -1;
        seen |= bit;
        if (field.child !== undefined) {
          if (c !== OPEN) return -1;
          this.objects |= field.has ?? 0;
          p = this.object(p, field.child, depth + 1);
        } else {
          if (c !== QUOTE) return -1;
          const slot = field.slot!;
          this.starts[slot] = p + 1;
          p = this.string(p);
          if (p < 0) return -1;
          this.ends[slot] = p - 1;
          this.flags[slot] = PRESENT | this.stringFlags;
        }
      }
      if (p < 0) return -1;
      p = this.space(p);
      if (p >= end) return -1;
      if (b[p] === COMMA) {
        p = this.space(p + 1);
        continue;
      }
      return b[p] === CLOSE ? p + 1 : -1;
    }
  }
}
