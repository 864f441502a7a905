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
 * Clarify's EnableExplanations is a JMESPath expression over each record's output (`[score]`), so
 * this asks for SHAP values only for records at or above the review threshold: explaining costs
 * far more than scoring, and a LEGIT answer needs no reasons.
 */
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
  input: { endpointName: string; rows: readonly string[]; explainAbove: number; timeoutMs: number },
  client: Pick<SageMakerRuntimeClient, "send"> = sageMakerRuntimeClient(),
): Promise<Invocation> {
  const output = await settleWithin(
    client.send(
      new InvokeEndpointCommand({
        EndpointName: input.endpointName,
        ContentType: "text/csv",
        Accept: "text/csv",
        Body: encoder.encode(input.rows.join("\n")),
        EnableExplanations: explainAbove(input.explainAbove),
      }),
    ),
    input.timeoutMs,
  );
  const body = output.Body ? decoder.decode(output.Body) : "";
  return { records: parseInvocation(body, output.ContentType, input.rows.length), variant: output.InvokedProductionVariant ?? null };
}
