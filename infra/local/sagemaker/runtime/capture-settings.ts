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

// "If no headers are specified SageMaker AI will by default base64 encode when capturing the data"
// (API reference, CaptureContentTypeHeader): nothing is text unless listed.
const NONE: readonly string[] = [];

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
    csvContentTypes: (spec.CaptureContentTypeHeader?.CsvContentTypes ?? NONE).map(bareType),
    jsonContentTypes: (spec.CaptureContentTypeHeader?.JsonContentTypes ?? NONE).map(bareType),
  };
}

/**
 * A payload whose observed content type (its media type, parameters such as charset aside) is listed
 * in CsvContentTypes / JsonContentTypes is captured as text with encoding CSV / JSON; any other is
 * base64 (SageMaker's `encoding`).
 */
export function captureEncoding(settings: CaptureSettings, contentType: string): "CSV" | "JSON" | "BASE64" {
  const bare = bareType(contentType);
  if (settings.csvContentTypes.includes(bare)) return "CSV";
  if (settings.jsonContentTypes.includes(bare)) return "JSON";
  return "BASE64";
}

function bareType(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}
