import { createHash } from "node:crypto";
import { encodeCsvRow, type FeatureValue } from "@/lib/features/schema";

/** What the comparison needs of one decoded capture line (lib/capture's CapturedRecord). */
export interface CapturedCall {
  inferenceId: string | null;
  /** Epoch milliseconds. */
  inferenceTime: number;
  rows: FeatureValue[][];
  /** One per row; empty when the output was not captured. */
  scores: number[];
  /** The background explainer's call for a transaction already decided (lib/capture). */
  explained?: boolean;
}

/** A captured call as rows: the CSV feature rows sent (as scoring encodes them) and each one's score. */
export interface ScoredCall {
  /** What joins the copies of one request across variants: its InferenceId, else a digest of its rows. */
  joinKey: string;
  time: number;
  rows: string[];
  scores: number[];
  /** An explanation call: a copy of a decision already captured, never a decision of its own. */
  explained: boolean;
}

/**
 * A production call and its shadow copy carry the same request body (and InferenceId, when the
 * caller sets one; InvokeEndpoint API reference: "added to the captured data"), while each captured
 * line has an eventId of its own. So the join key is the InferenceId when there is one, else a
 * digest of the rows (the copy is the request itself). Null for a line without scores (output not
 * captured): nothing to compare.
 */
export function toScoredCall(call: CapturedCall): ScoredCall | null {
  if (call.rows.length === 0 || call.scores.length !== call.rows.length) return null;
  const rows = call.rows.map(encodeCsvRow);
  const joinKey = call.inferenceId ? `id:${call.inferenceId}` : `rows:${createHash("sha1").update(rows.join("\n")).digest("base64")}`;
  return { joinKey, time: call.inferenceTime, rows, scores: call.scores, explained: call.explained === true };
}
