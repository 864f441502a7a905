import { createHash } from "node:crypto";
import { parseInvocation } from "@/lib/scoring/parse-invocation";

/** One data-capture line, decoded (lib/capture reads and decodes them). */
export interface CapturedInvocation {
  eventId: string;
  inferenceId?: string | null;
  /** ISO time of the call. */
  inferenceTime: string;
  input: { contentType: string; text: string } | null;
  output: { contentType: string; text: string } | null;
}

/** A captured call as rows: the CSV feature rows sent and the score answered for each. */
export interface ScoredCall {
  /** What joins the copies of one request across variants: its InferenceId, else a hash of its body. */
  joinKey: string;
  time: number;
  rows: string[];
  scores: number[];
}

/**
 * A production call and its shadow copy carry the same request body (and InferenceId, when the
 * caller sets one; InvokeEndpoint API reference: "added to the captured data"), while each captured
 * line has an eventId of its own. So the join key is the InferenceId when there is one, else a
 * digest of the exact input (the copy is byte-for-byte the request). Null for a line that captured
 * no input or no output, or whose output does not fit its rows (nothing to compare).
 */
export function toScoredCall(call: CapturedInvocation): ScoredCall | null {
  if (!call.input || !call.output) return null;
  const rows = call.input.text.split("\n").filter((r) => r.trim() !== "");
  if (rows.length === 0) return null;
  let scores: number[];
  try {
    scores = parseInvocation(call.output.text, call.output.contentType, rows.length).map((r) => r.score);
  } catch {
    return null;
  }
  const joinKey = call.inferenceId ? `id:${call.inferenceId}` : `body:${createHash("sha1").update(call.input.text).digest("base64")}`;
  return { joinKey, time: Date.parse(call.inferenceTime), rows, scores };
}
