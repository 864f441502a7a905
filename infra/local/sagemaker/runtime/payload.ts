import { runtimeValidationError } from "../errors";

/** A request's records as a row-major float32 matrix (XGBoost's own precision), NaN = missing. */
export interface RecordBatch {
  readonly rows: Float32Array;
  readonly count: number;
}

export type PayloadFormat = "csv" | "json";

/** text/csv and application/json are what the XGBoost container reads; anything else it refuses with 415. */
export function payloadFormatOf(contentType: string | undefined): PayloadFormat | undefined {
  const bare = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (bare === "text/csv") return "csv";
  if (bare === "application/json") return "json";
  return undefined;
}

export function parsePayload(format: PayloadFormat, body: Buffer, width: number): RecordBatch {
  return format === "csv" ? parseCsv(body.toString("utf8"), width) : parseJsonRecords(body.toString("utf8"), width);
}

/** Rows without a header, one record per line; an empty field is a missing value. */
export function parseCsv(text: string, width: number): RecordBatch {
  const lines = text.split("\n");
  let count = 0;
  for (const line of lines) if (line.trim() !== "") count++;
  if (count === 0) throw runtimeValidationError("The request body holds no CSV records.");
  const rows = new Float32Array(count * width);
  let r = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.trim() === "") continue;
    const fields = line.endsWith("\r") ? line.slice(0, -1).split(",") : line.split(",");
    if (fields.length !== width) {
      throw runtimeValidationError(`CSV record ${r + 1} has ${fields.length} fields but the model expects ${width} features.`);
    }
    const offset = r * width;
    for (let j = 0; j < width; j++) rows[offset + j] = parseField(fields[j]!, r);
    r++;
  }
  return { rows, count };
}

function parseField(field: string, record: number): number {
  const trimmed = field.trim();
  if (trimmed === "" || trimmed === "nan" || trimmed === "NaN") return NaN;
  const value = Number(trimmed);
  if (Number.isNaN(value)) throw runtimeValidationError(`CSV record ${record + 1}: could not convert string to float: '${trimmed}'.`);
  return value;
}

/**
 * JSON records: `{"instances": [{"features": [...]}, ...]}`, `{"instances": [[...], ...]}`, a bare
 * `[[...], ...]`, or one bare record `[...]`. null is a missing value.
 */
export function parseJsonRecords(text: string, width: number): RecordBatch {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw runtimeValidationError("The request body is not valid JSON.");
  }
  const records = recordsOf(document);
  if (records.length === 0) throw runtimeValidationError("The request body holds no records.");
  const rows = new Float32Array(records.length * width);
  records.forEach((record, r) => {
    if (record.length !== width)
      throw runtimeValidationError(`Record ${r + 1} has ${record.length} values but the model expects ${width} features.`);
    for (let j = 0; j < width; j++) rows[r * width + j] = jsonValue(record[j], r);
  });
  return { rows, count: records.length };
}

function recordsOf(document: unknown): unknown[][] {
  const instances = isObject(document) ? document.instances : document;
  if (!Array.isArray(instances)) throw runtimeValidationError('Expected {"instances": [...]} or an array of records.');
  const list = instances as unknown[];
  if (list.length > 0 && list.every((v) => v === null || typeof v === "number")) return [list];
  return list.map((instance, r) => {
    const features = isObject(instance) ? instance.features : instance;
    if (!Array.isArray(features)) throw runtimeValidationError(`Record ${r + 1} is neither an array nor {"features": [...]}.`);
    return features as unknown[];
  });
}

function jsonValue(value: unknown, record: number): number {
  if (value === null || value === undefined) return NaN;
  if (typeof value === "number") return value;
  throw runtimeValidationError(`Record ${record + 1} holds a value that is not a number: ${JSON.stringify(value)}.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
