import { DescribeEndpointCommand, UpdateEndpointCommand, UpdateEndpointWeightsAndCapacitiesCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { sageMakerClient } from "@/lib/aws/clients";
import { createModel, deploy, emulator, failure, variant, waitForStatus } from "./support";

/**
 * Endpoint updates as lib/deployments meets them: the refusal while an update is in progress, and
 * AWS's common server-side errors, which the emulator answers when a test injects a control-plane
 * fault (`/_emulator/faults` mode "control-plane", infra/local/sagemaker/README.md).
 */
const prefix = `fid-upd-${Date.now().toString(36)}`;
const sm = () => sageMakerClient();
const weights = (endpointName: string, canary: number) =>
  sm().send(
    new UpdateEndpointWeightsAndCapacitiesCommand({
      EndpointName: endpointName,
      DesiredWeightsAndCapacities: [
        { VariantName: "production", DesiredWeight: 100 - canary },
        { VariantName: "canary", DesiredWeight: canary },
      ],
    }),
  );

async function twoVariantEndpoint(name: string): Promise<void> {
  await createModel(`${name}-model`);
  await deploy(name, { ProductionVariants: [variant("production", `${name}-model`, 90), variant("canary", `${name}-model`, 10)] });
}

describe("SageMaker endpoint updates", () => {
  // UpdateEndpointWeightsAndCapacities API reference: "the endpoint status is Updating"; an endpoint
  // that is Updating cannot be updated again (UpdateEndpoint: "You must wait until the endpoint is
  // InService"), answered as ValidationException.
  it("refuses a weights update while a previous one is in progress", async () => {
    const name = `${prefix}-busy`;
    await twoVariantEndpoint(name);
    await emulator("POST", "transitions", { endpointName: name, hold: true });
    await weights(name, 0);
    const refused = await failure(() => weights(name, 50));
    expect(refused).toMatchObject({ name: "ValidationException", $metadata: { httpStatusCode: 400 } });
    expect(refused.message).toMatch(/^Cannot update in-progress endpoint "arn:aws:sagemaker:[^"]+:endpoint\/fid-upd-/);
    const updateConfig = await failure(() =>
      sm().send(new UpdateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` })),
    );
    expect(updateConfig).toMatchObject({ name: "ValidationException" });
    await emulator("POST", "transitions", { endpointName: name, hold: false });
    const done = await waitForStatus(name, ["InService"]);
    expect(done.ProductionVariants?.map((v) => v.CurrentWeight)).toEqual([100, 0]);
  });

  // SageMaker API reference, Common Errors: InternalFailure (500) "The request processing has failed
  // because of an unknown error, exception or failure"; ServiceUnavailable (503); ThrottlingException
  // (400) "The request was denied due to request throttling". The SDK retries them, then throws.
  it.each([
    ["InternalFailure", 500, "server"],
    ["ServiceUnavailable", 503, "server"],
    ["ThrottlingException", 400, "client"],
  ] as const)("answers an injected %s on updates and leaves the endpoint as it was", async (code, status, fault) => {
    const name = `${prefix}-${code.slice(0, 8).toLowerCase()}`;
    await twoVariantEndpoint(name);
    await emulator("POST", "faults", { endpointName: name, mode: "control-plane", errorCode: code });
    try {
      const refused = await failure(() => weights(name, 0));
      expect(refused).toMatchObject({ name: code, $fault: fault, $metadata: { httpStatusCode: status } });
      const described = await sm().send(new DescribeEndpointCommand({ EndpointName: name }));
      expect(described.EndpointStatus).toBe("InService");
      expect(described.ProductionVariants?.map((v) => v.CurrentWeight)).toEqual([90, 10]);
    } finally {
      await emulator("DELETE", `faults?endpointName=${name}`);
    }
    await weights(name, 0);
    expect((await waitForStatus(name, ["InService"])).ProductionVariants?.map((v) => v.CurrentWeight)).toEqual([100, 0]);
  });
});
