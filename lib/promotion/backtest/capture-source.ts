import type { CapturedCall } from "../captured-rows";

export interface CaptureWindow {
  endpointName: string;
  from: string;
  to: string;
}

/**
 * What the promotion code reads of data capture: the variants captured under an endpoint in a
 * window and each one's decoded lines in time order. capture-reader.ts implements it with
 * lib/capture over S3; unit tests and the benchmark pass their own.
 */
export interface CaptureReader {
  variants(window: CaptureWindow): Promise<string[]>;
  calls(window: CaptureWindow & { variantName: string }): AsyncIterable<CapturedCall>;
}

/** The variant name a shadow deployment uses (lib/promotion/deploy-candidate.ts): its answers were never served. */
export const SHADOW_VARIANT = "shadow";
