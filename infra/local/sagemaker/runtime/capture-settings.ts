import type { DataCaptureSpec } from "../state/types";

/** An endpoint config's DataCaptureConfig, resolved once at deployment for the invocation path. */
export interface CaptureSettings {
  readonly samplingPercentage: number;
  readonly bucket: string;
  readonly prefix: string;
  readonly captureInput: boolean;
  readonly captureOutput: boolean;
  readonly csvContentTypes: readonly string[];
  readonly jsonContentTypes: readonly string[];
}

// SageMaker's defaults when CaptureContentTypeHeader is absent.
const DEFAULT_CSV = ["text/csv"];
const DEFAULT_JSON = ["application/json"];

export function captureSettingsOf(spec: DataCaptureSpec | undefined): CaptureSettings | undefined {
  if (!spec || spec.EnableCapture === false || !spec.DestinationS3Uri) return undefined;
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(spec.DestinationS3Uri);
  if (!match) return undefined;
  const modes = new Set<string>((spec.CaptureOptions ?? []).map((o) => o.CaptureMode));
  const both = modes.has("InputAndOutput");
  return {
    samplingPercentage: spec.InitialSamplingPercentage ?? 100,
    bucket: match[1]!,
    prefix: match[2]!.replace(/\/+$/, ""),
    captureInput: both || modes.has("Input"),
    captureOutput: both || modes.has("Output"),
    csvContentTypes: spec.CaptureContentTypeHeader?.CsvContentTypes ?? DEFAULT_CSV,
    jsonContentTypes: spec.CaptureContentTypeHeader?.JsonContentTypes ?? DEFAULT_JSON,
  };
}

/** CSV and JSON payloads are captured as text, anything else base64 (SageMaker's `encoding`). */
export function captureEncoding(settings: CaptureSettings, contentType: string): "CSV" | "JSON" | "BASE64" {
  const bare = contentType.split(";")[0]!.trim().toLowerCase();
  if (settings.csvContentTypes.includes(bare)) return "CSV";
  if (settings.jsonContentTypes.includes(bare)) return "JSON";
  return "BASE64";
}
