import { GetObjectCommand } from "@aws-sdk/client-s3";
import { s3Client } from "@/lib/aws/clients";
import type { ShapBaselineSpec } from "../state/types";
import { parseCsv, type RecordBatch } from "./payload";

/**
 * Clarify's SHAP baseline (ClarifyShapBaselineConfig, SageMaker API reference): inline `ShapBaseline`
 * or the object at `ShapBaselineUri`, in `MimeType` text/csv (default) or application/jsonlines, one
 * record per line with the model's features. Read once when the endpoint deploys, as the explainer
 * container does at start-up; a baseline that does not fit the model fails the deployment.
 */
export async function loadShapBaselineText(spec: ShapBaselineSpec): Promise<string> {
  if (spec.ShapBaseline !== undefined) return spec.ShapBaseline;
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(spec.ShapBaselineUri ?? "");
  if (!match) throw new Error(`Invalid ShapBaselineUri "${spec.ShapBaselineUri ?? ""}".`);
  try {
    const object = await s3Client().send(new GetObjectCommand({ Bucket: match[1], Key: match[2] }));
    return await object.Body!.transformToString();
  } catch (error) {
    throw new Error(`Could not read the SHAP baseline at ${spec.ShapBaselineUri}: ${(error as Error).name}.`);
  }
}

export function parseShapBaseline(text: string, mimeType: string | undefined, width: number): RecordBatch {
  try {
    if ((mimeType ?? "text/csv") === "application/jsonlines") return parseJsonLines(text, width);
    return parseCsv(text, width);
  } catch (error) {
    throw new Error(`The SHAP baseline does not fit the model: ${(error as Error).message}`);
  }
}

/** JSON Lines: each line a JSON array of feature values, or an object whose `features` is one. */
function parseJsonLines(text: string, width: number): RecordBatch {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const rows = new Float32Array(lines.length * width);
  lines.forEach((line, r) => {
    const parsed = JSON.parse(line) as unknown;
    const values = Array.isArray(parsed) ? parsed : (parsed as { features?: unknown }).features;
    if (!Array.isArray(values) || values.length !== width) {
      throw new Error(`record ${r + 1} does not hold ${width} feature values.`);
    }
    values.forEach((v, j) => (rows[r * width + j] = typeof v === "number" ? v : NaN));
  });
  if (lines.length === 0) throw new Error("it holds no records.");
  return { rows, count: lines.length };
}
