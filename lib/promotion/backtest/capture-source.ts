import type { CapturedInvocation } from "../captured-rows";

/**
 * What the promotion code reads of data capture: the variants captured under an endpoint in a
 * window and each one's decoded lines in time order. lib/capture implements it over S3
 * (capture-source-s3.ts); tests pass their own.
 */
export interface CaptureSource {
  variants(input: { endpointName: string; from: string; to: string }): Promise<string[]>;
  calls(input: { endpointName: string; variantName: string; from: string; to: string }): AsyncIterable<CapturedInvocation>;
}

/** The variant name a shadow deployment uses (lib/promotion/deploy-candidate.ts): its answers were never served. */
export const SHADOW_VARIANT = "shadow";
