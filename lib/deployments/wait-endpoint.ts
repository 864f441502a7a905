import { DescribeEndpointCommand, type DescribeEndpointCommandOutput, type SageMakerClient } from "@aws-sdk/client-sagemaker";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the endpoint accepts an update: SageMaker refuses UpdateEndpoint and
 * UpdateEndpointWeightsAndCapacities with ValidationException while it is Creating or Updating
 * (SAGEMAKER.md), so a rollback that arrives during another change waits for it, up to timeoutMs,
 * instead of failing at once. Returns the last description; the update that follows reports any
 * other state (Failed, Deleting) as SageMaker's own error.
 */
export async function waitUntilUpdatable(
  endpointName: string,
  options: { sageMaker: Pick<SageMakerClient, "send">; timeoutMs?: number; pollMs?: number },
): Promise<DescribeEndpointCommandOutput> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const described = await options.sageMaker.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
    const busy = described.EndpointStatus === "Creating" || described.EndpointStatus === "Updating";
    if (!busy || Date.now() >= deadline) return described;
    await sleep(options.pollMs ?? 100);
  }
}

/** Polls until every named variant's CurrentWeight is the one given (the traffic has moved) or the deadline passes. */
export async function waitForWeights(
  endpointName: string,
  weights: Record<string, number>,
  options: { sageMaker: Pick<SageMakerClient, "send">; timeoutMs?: number; pollMs?: number },
): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const described = await options.sageMaker.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
    const current = new Map((described.ProductionVariants ?? []).map((v) => [v.VariantName, v.CurrentWeight]));
    if (Object.entries(weights).every(([name, weight]) => current.get(name) === weight)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(options.pollMs ?? 20);
  }
}
