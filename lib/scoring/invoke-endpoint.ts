import { InvokeEndpointCommand, type SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { sageMakerRuntimeClient } from "@/lib/aws/clients";
import { settleWithin } from "./deadline";
import { parseInvocation, type ScoredRecord } from "./parse-invocation";

export interface Invocation {
  records: ScoredRecord[];
  /** The production variant SageMaker routed this call to. */
  variant: string | null;
}

/**
 * Clarify's EnableExplanations is a JMESPath expression over each record's output (`[score]`) that
 * overrides the endpoint config's. Scoring sends EXPLAIN_NONE: on AWS, Clarify runs Kernel SHAP for
 * an explained record, baseline rows × n_samples model calls (2,076 for our 14 features and one
 * baseline row), hundreds of milliseconds, so decisions never ask for it. The background explainer
 * (lib/scoring/explain) sends EXPLAIN_ALL for the one record it explains.
 */
export const EXPLAIN_NONE = "`false`";
export const EXPLAIN_ALL = "`true`";

/** Only records at or above a score (the old inline policy; the benchmark uses it as a baseline). */
export function explainAbove(threshold: number): string {
  return `[0]>=\`${threshold}\``;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * One InvokeEndpoint call for several CSV rows; given up at timeoutMs so a slow model frees the
 * coalescer's call slot. No per-call abortSignal: send() with options bypasses the client's cached
 * middleware stack and wires abort listeners, ~0.3 ms per call together (lib/aws/clients.ts); the
 * socket of a call given up on is freed by the client's requestTimeout.
 */
export async function invokeEndpointRows(
  input: {
    endpointName: string;
    rows: readonly string[];
    /** The EnableExplanations expression (EXPLAIN_NONE, EXPLAIN_ALL). */
    explanations: string;
    /** Pins the call to one production variant (TargetVariant), e.g. the one whose score is explained. */
    targetVariant?: string;
    timeoutMs: number;
  },
  client: Pick<SageMakerRuntimeClient, "send"> = sageMakerRuntimeClient(),
): Promise<Invocation> {
  const output = await settleWithin(
    client.send(
      new InvokeEndpointCommand({
        EndpointName: input.endpointName,
        ContentType: "text/csv",
        Accept: "text/csv",
        Body: encoder.encode(input.rows.join("\n")),
        EnableExplanations: input.explanations,
        TargetVariant: input.targetVariant,
      }),
    ),
    input.timeoutMs,
  );
  const body = output.Body ? decoder.decode(output.Body) : "";
  return { records: parseInvocation(body, output.ContentType, input.rows.length), variant: output.InvokedProductionVariant ?? null };
}
