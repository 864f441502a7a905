import { randomUUID } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { s3Client } from "@/lib/aws/clients";
import { captureEncoding, type CaptureSettings } from "./capture-settings";

export interface CapturedCall {
  endpointName: string;
  variantName: string;
  settings: CaptureSettings;
  inputContentType: string;
  input: Buffer;
  outputContentType: string;
  output: string;
  inferenceId: string | undefined;
  time: Date;
}

/**
 * Data capture as SageMaker writes it: one JSON line per sampled invocation, gathered in memory and
 * written as one object per endpoint, variant and hour at each flush, under
 * `<destination>/<endpoint>/<variant>/yyyy/mm/dd/hh/<mm-ss-mmm-uuid>.jsonl`. Nothing here runs on
 * the request path except building the line.
 */
export class CaptureWriter {
  private buffers = new Map<string, { bucket: string; key: string; lines: string[] }>();

  /** Applies the sampling percentage; returns whether the call was captured. */
  record(random: () => number, call: CapturedCall): boolean {
    if (random() * 100 >= call.settings.samplingPercentage) return false;
    const folder = `${call.settings.prefix ? `${call.settings.prefix}/` : ""}${call.endpointName}/${call.variantName}/${hourPath(call.time)}`;
    const bufferKey = `${call.settings.bucket}/${folder}`;
    let buffer = this.buffers.get(bufferKey);
    if (!buffer) this.buffers.set(bufferKey, (buffer = { bucket: call.settings.bucket, key: folder, lines: [] }));
    buffer.lines.push(captureLine(call));
    return true;
  }

  async flush(now = new Date()): Promise<void> {
    const buffers = [...this.buffers.values()];
    this.buffers = new Map();
    const stamp = `${pad(now.getUTCMinutes())}-${pad(now.getUTCSeconds())}-${String(now.getUTCMilliseconds()).padStart(3, "0")}`;
    await Promise.all(
      buffers.map(async ({ bucket, key, lines }) => {
        const objectKey = `${key}/${stamp}-${randomUUID()}.jsonl`;
        try {
          await s3Client().send(
            new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: `${lines.join("\n")}\n`, ContentType: "application/jsonl" }),
          );
        } catch (error) {
          console.error(`sagemaker emulator: could not write capture s3://${bucket}/${objectKey}: ${(error as Error).name}`);
        }
      }),
    );
  }
}

export function captureLine(call: CapturedCall): string {
  const { settings } = call;
  const captureData: Record<string, unknown> = {};
  if (settings.captureInput) {
    captureData.endpointInput = payload("INPUT", call.inputContentType, call.input, settings);
  }
  if (settings.captureOutput) {
    captureData.endpointOutput = payload("OUTPUT", call.outputContentType, call.output, settings);
  }
  const eventMetadata = {
    eventId: randomUUID(),
    inferenceId: call.inferenceId,
    inferenceTime: call.time.toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
  return JSON.stringify({ captureData, eventMetadata, eventVersion: "0" });
}

function payload(mode: "INPUT" | "OUTPUT", contentType: string, data: Buffer | string, settings: CaptureSettings) {
  const encoding = captureEncoding(settings, contentType);
  const text = encoding === "BASE64" ? Buffer.from(data).toString("base64") : data.toString();
  return { observedContentType: contentType, mode, data: text, encoding };
}

export function hourPath(time: Date): string {
  return `${time.getUTCFullYear()}/${pad(time.getUTCMonth() + 1)}/${pad(time.getUTCDate())}/${pad(time.getUTCHours())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
