import { randomUUID } from "node:crypto";
import { encodeCsvRow, type FeatureValue } from "@/lib/features/schema";
import { endpointFolder, type CaptureDestination } from "./capture-layout";

/**
 * A capture line as SageMaker writes it for a text/csv invocation of our endpoints (CSV listed in
 * CaptureContentTypeHeader, so captured as text): the rows sent and one score per row answered.
 * For seeding history, benchmarks and tests; the inverse of decodeCaptureLine.
 */
export function encodeCaptureLine(input: {
  rows: readonly (readonly FeatureValue[])[];
  scores: readonly number[];
  time: Date;
  inferenceId?: string;
  eventId?: string;
}): string {
  return JSON.stringify({
    captureData: {
      endpointInput: { observedContentType: "text/csv", mode: "INPUT", data: input.rows.map(encodeCsvRow).join("\n"), encoding: "CSV" },
      endpointOutput: {
        observedContentType: "text/csv; charset=utf-8",
        mode: "OUTPUT",
        data: input.scores.map(String).join("\n"),
        encoding: "CSV",
      },
    },
    eventMetadata: {
      eventId: input.eventId ?? randomUUID(),
      inferenceId: input.inferenceId,
      inferenceTime: input.time.toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
    eventVersion: "0",
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `<prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/mm-ss-mmm-<id>.jsonl` for an object written at `time`. */
export function captureObjectKey(
  destination: CaptureDestination,
  endpointName: string,
  variant: string,
  time: Date,
  id: string = randomUUID(),
): string {
  const t = time;
  const hour = `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())}/${pad(t.getUTCHours())}`;
  return `${endpointFolder(destination, endpointName)}${variant}/${hour}/${pad(t.getUTCMinutes())}-${pad(t.getUTCSeconds())}-${pad(t.getUTCMilliseconds(), 3)}-${id}.jsonl`;
}
