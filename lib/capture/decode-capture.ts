import { FEATURES, decodeCsvRow, type FeatureValue } from "@/lib/features/schema";

/**
 * One captured invocation, decoded (SAGEMAKER.md "Data capture"): the feature rows it sent, in the
 * feature schema's order (null = missing), and the score the model answered for each row.
 */
export interface CapturedRecord {
  variant: string;
  eventId: string;
  inferenceId: string | null;
  /** Epoch milliseconds of eventMetadata.inferenceTime. */
  inferenceTime: number;
  rows: FeatureValue[][];
  /** One per row; empty when the output was not captured. */
  scores: number[];
  /**
   * The answer carried Clarify explanations for some row: the background explainer's call for a
   * transaction already decided (lib/scoring/explain), not a decision of its own.
   */
  explained: boolean;
}

export interface CapturePayload {
  observedContentType?: string;
  mode?: string;
  data?: string;
  encoding?: string;
}

export class CaptureDecodeError extends Error {
  override name = "CaptureDecodeError";
}

interface CaptureLine {
  captureData?: { endpointInput?: CapturePayload; endpointOutput?: CapturePayload };
  eventMetadata?: { eventId?: string; inferenceId?: string; inferenceTime?: string };
}

/** Decodes one JSON line of a capture object; throws CaptureDecodeError on anything it cannot read. */
export function decodeCaptureLine(line: string, variant: string): CapturedRecord {
  let parsed: CaptureLine | null;
  try {
    parsed = JSON.parse(line) as CaptureLine | null;
  } catch {
    throw new CaptureDecodeError("capture line is not JSON");
  }
  // `null` is JSON too: without this it would be a TypeError, and a crash instead of a skipped line.
  if (typeof parsed !== "object" || parsed === null) throw new CaptureDecodeError("capture line is not a JSON object");
  const meta = parsed.eventMetadata;
  const inferenceTime = meta?.inferenceTime ? Date.parse(meta.inferenceTime) : NaN;
  if (!Number.isFinite(inferenceTime)) throw new CaptureDecodeError("capture line has no valid eventMetadata.inferenceTime");
  const input = parsed.captureData?.endpointInput;
  if (!input) throw new CaptureDecodeError("capture line has no endpointInput");
  const rows = decodeInputRows(input);
  const output = parsed.captureData?.endpointOutput;
  const { scores, explained } = output ? decodeOutput(output) : { scores: [], explained: false };
  if (output && scores.length !== rows.length) {
    throw new CaptureDecodeError(`capture line has ${rows.length} input rows but ${scores.length} scores`);
  }
  return { variant, eventId: meta?.eventId ?? "", inferenceId: meta?.inferenceId ?? null, inferenceTime, rows, scores, explained };
}

/** The payload's text: `data` as is for CSV and JSON encodings, base64-decoded for BASE64. */
export function payloadText(payload: CapturePayload): string {
  const data = payload.data ?? "";
  switch (payload.encoding) {
    case "CSV":
    case "JSON":
      return data;
    case "BASE64":
      return Buffer.from(data, "base64").toString("utf8");
    default:
      throw new CaptureDecodeError(`unknown capture encoding ${String(payload.encoding)}`);
  }
}

/** CSV or JSON, by `encoding` when it says, else by the observed content type (a BASE64 payload). */
function isJsonPayload(payload: CapturePayload, text: string): boolean {
  if (payload.encoding === "JSON") return true;
  if (payload.encoding === "CSV") return false;
  const type = (payload.observedContentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/csv") return false;
  return type.includes("json") || /^\s*[[{]/.test(text);
}

function lines(text: string): string[] {
  return text.split("\n").filter((l) => l.trim() !== "");
}

/** Input rows with the feature schema: CSV rows (an empty field is missing) or a JSON document. */
export function decodeInputRows(payload: CapturePayload): FeatureValue[][] {
  const text = payloadText(payload);
  if (!isJsonPayload(payload, text)) {
    try {
      return lines(text).map(decodeCsvRow);
    } catch (error) {
      throw new CaptureDecodeError(`input row: ${(error as Error).message}`);
    }
  }
  return jsonRows(parseJson(text, "input"));
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CaptureDecodeError(`${what} payload is not JSON`);
  }
}

/**
 * JSON inputs in the shapes SageMaker's containers and Clarify accept: a row (array of numbers), an
 * array of rows, `{"instances": [...]}` whose instances are rows or `{"features": row}`, or one
 * object keyed by feature name.
 */
function jsonRows(doc: unknown): FeatureValue[][] {
  if (Array.isArray(doc)) {
    if (doc.every((v) => !Array.isArray(v) && (typeof v !== "object" || v === null))) return [jsonRow(doc)];
    return doc.map(jsonInstance);
  }
  if (doc && typeof doc === "object") {
    const instances = (doc as { instances?: unknown }).instances;
    if (Array.isArray(instances)) return instances.map(jsonInstance);
    return [jsonInstance(doc)];
  }
  throw new CaptureDecodeError("input JSON holds no rows");
}

function jsonInstance(instance: unknown): FeatureValue[] {
  if (Array.isArray(instance)) return jsonRow(instance);
  if (instance && typeof instance === "object") {
    const features = (instance as { features?: unknown }).features;
    if (Array.isArray(features)) return jsonRow(features);
    const byName = instance as Record<string, unknown>;
    return FEATURES.map((f) => jsonValue(byName[f.name], f.name));
  }
  throw new CaptureDecodeError("input JSON instance is neither a row nor an object");
}

function jsonRow(values: unknown[]): FeatureValue[] {
  if (values.length !== FEATURES.length) throw new CaptureDecodeError(`expected ${FEATURES.length} fields, got ${values.length}`);
  return values.map((v, i) => jsonValue(v, FEATURES[i]!.name));
}

function jsonValue(value: unknown, name: string): FeatureValue {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new CaptureDecodeError(`${name} is not a number`);
  return n;
}

/**
 * Scores from the captured output: text/csv (one line per row, the first column) as the XGBoost
 * container answers, or JSON: Clarify's `{"predictions": {"data": "<csv>"}}`, `{"predictions":
 * [{"score": x} | x]}`, or an array of numbers.
 */
export function decodeOutputScores(payload: CapturePayload): number[] {
  return decodeOutput(payload).scores;
}

/**
 * The scores of the captured output and whether it carries Clarify explanations
 * (`explanations.kernel_shap` with at least one explained, non-null record): one parse for both.
 */
export function decodeOutput(payload: CapturePayload): { scores: number[]; explained: boolean } {
  const text = payloadText(payload);
  if (!isJsonPayload(payload, text)) return { scores: csvScores(text), explained: false };
  const doc = parseJson(text, "output");
  const predictions = Array.isArray(doc) ? doc : (doc as { predictions?: unknown } | null)?.predictions;
  const shap = (doc as { explanations?: { kernel_shap?: unknown } } | null)?.explanations?.kernel_shap;
  const explained = Array.isArray(shap) && shap.some((record) => record !== null);
  if (predictions && typeof predictions === "object" && !Array.isArray(predictions)) {
    const data = (predictions as { data?: unknown }).data;
    if (typeof data === "string") return { scores: csvScores(data), explained };
  }
  if (!Array.isArray(predictions)) throw new CaptureDecodeError("output JSON holds no predictions");
  return {
    scores: predictions.map((p) => scoreValue(typeof p === "object" && p !== null ? (p as { score?: unknown }).score : p)),
    explained,
  };
}

function csvScores(text: string): number[] {
  return lines(text).map((line) => scoreValue(Number(line.split(",")[0])));
}

function scoreValue(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new CaptureDecodeError("output score is not a number");
  return value;
}
