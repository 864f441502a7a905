import { z } from "zod";

/**
 * Parses an InvokeEndpoint answer: plain text/csv scores (one line per record) or the Clarify online
 * explainability JSON (SAGEMAKER.md). Clarify gives no base value; with SHAP values in log-odds
 * (UseLogit) it is logit(score) − Σ attributions, which is what the explanation display needs.
 */
export interface FeatureAttribution {
  feature: string;
  /** Contribution to the log-odds of fraud; positive pushes towards fraud. */
  attribution: number;
}

export interface ScoredRecord {
  score: number;
  /** In input (feature schema) order; null when the record was not explained. */
  attributions: FeatureAttribution[] | null;
  baseValue: number | null;
}

const clarifySchema = z.object({
  predictions: z.object({ content_type: z.string().optional(), data: z.string() }),
  explanations: z
    .object({
      kernel_shap: z
        .array(
          z
            .array(z.object({ feature_header: z.string(), attributions: z.array(z.object({ attribution: z.array(z.number()) })).min(1) }))
            .nullable(),
        )
        .optional(),
    })
    .default({}),
});

export class InvocationParseError extends Error {
  override name = "InvocationParseError";
}

const EPSILON = 1e-7;

export function logit(p: number): number {
  const clamped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(clamped / (1 - clamped));
}

export function parseCsvScores(text: string): number[] {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines.map((line, i) => {
    // A multi-output model answers several columns; ours (binary:logistic) answers one.
    const score = Number(line.split(",")[0]);
    if (!Number.isFinite(score) || score < 0 || score > 1) throw new InvocationParseError(`record ${i}: score is not a probability`);
    return score;
  });
}

type ClarifyRecord = NonNullable<NonNullable<z.infer<typeof clarifySchema>["explanations"]["kernel_shap"]>[number]>;

function toAttributions(record: ClarifyRecord): FeatureAttribution[] {
  // First model output: a binary classifier has exactly one.
  return record.map((f) => ({ feature: f.feature_header, attribution: f.attributions[0]?.attribution[0] ?? 0 }));
}

function scoredRecord(score: number, record: ClarifyRecord | null | undefined): ScoredRecord {
  if (!record) return { score, attributions: null, baseValue: null };
  const attributions = toAttributions(record);
  const sum = attributions.reduce((s, a) => s + a.attribution, 0);
  return { score, attributions, baseValue: logit(score) - sum };
}

/** Records in request order; throws InvocationParseError when the answer doesn't fit `expected` rows. */
export function parseInvocation(body: string, contentType: string | undefined, expected: number): ScoredRecord[] {
  const records = isJson(body, contentType) ? parseClarify(body) : parseCsvScores(body).map((score) => scoredRecord(score, null));
  if (records.length !== expected) throw new InvocationParseError(`expected ${expected} scores, got ${records.length}`);
  return records;
}

function isJson(body: string, contentType: string | undefined): boolean {
  return contentType?.includes("json") === true || body.trimStart().startsWith("{");
}

function parseClarify(body: string): ScoredRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new InvocationParseError("explanation answer is not JSON");
  }
  const parsed = clarifySchema.safeParse(json);
  if (!parsed.success) throw new InvocationParseError(`unexpected explanation answer: ${parsed.error.issues[0]?.message ?? ""}`);
  const scores = parseCsvScores(parsed.data.predictions.data);
  const explained = parsed.data.explanations.kernel_shap ?? [];
  return scores.map((score, i) => scoredRecord(score, explained[i]));
}
