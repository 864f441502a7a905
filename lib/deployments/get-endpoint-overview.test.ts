import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/tenants/tenant";
import { getEndpointOverview } from "./get-endpoint-overview";
import { trafficShares } from "./traffic-share";

const tenant: Tenant = {
  tenantId: "acme-bank",
  name: "Acme Bank",
  endpointName: "acme-fraud",
  modelPackageGroupName: "acme-fraud-models",
  createdAt: "2026-01-01",
};
const getTenant = ({ tenantId }: { tenantId: string }) => Promise.resolve(tenantId === tenant.tenantId ? tenant : null);

/** Answers by command class name, like the SDK would for each operation. */
function fakeSageMaker(answers: Record<string, (input: Record<string, unknown>) => unknown>): Pick<SageMakerClient, "send"> {
  const send = (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const answer = answers[command.constructor.name];
    if (!answer) return Promise.reject(new Error(`unexpected ${command.constructor.name}`));
    try {
      return Promise.resolve(answer(command.input));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return { send };
}

const validation = (message: string) => Object.assign(new Error(message), { name: "ValidationException" });

describe("trafficShares", () => {
  it.each([
    [
      [9, 1],
      [0.9, 0.1],
    ],
    [
      [1, 1, 2],
      [0.25, 0.25, 0.5],
    ],
    [
      [0, 0],
      [0, 0],
    ],
    [[5], [1]],
  ])("shares %j → %j", (weights, shares) => {
    expect(trafficShares(weights)).toEqual(shares);
  });
});

describe("getEndpointOverview", () => {
  it("reports status, each variant's model and its traffic share", async () => {
    const sageMaker = fakeSageMaker({
      DescribeEndpointCommand: (input) => ({
        EndpointName: input.EndpointName,
        EndpointConfigName: "acme-config-7",
        EndpointStatus: "InService",
        CreationTime: new Date("2026-11-01T00:00:00Z"),
        DataCaptureConfig: { EnableCapture: true },
        ProductionVariants: [
          { VariantName: "production", CurrentWeight: 0.9, CurrentInstanceCount: 2 },
          { VariantName: "canary", CurrentWeight: 0.1, CurrentInstanceCount: 1 },
        ],
      }),
      DescribeEndpointConfigCommand: () => ({
        ProductionVariants: [
          { VariantName: "production", ModelName: "acme-model-v3", InstanceType: "ml.m5.large" },
          { VariantName: "canary", ModelName: "acme-model-v4", InstanceType: "ml.m5.large" },
        ],
      }),
    });
    const result = await getEndpointOverview({ tenantId: "acme-bank" }, { sageMaker, getTenant });
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.endpoint).toMatchObject({
      endpointName: "acme-fraud",
      status: "InService",
      dataCaptureEnabled: true,
      createdAt: "2026-11-01T00:00:00.000Z",
    });
    expect(result.endpoint.variants.map((v) => [v.variantName, v.modelName, v.trafficShare])).toEqual([
      ["production", "acme-model-v3", 0.9],
      ["canary", "acme-model-v4", 0.1],
    ]);
  });

  it("says the endpoint is missing when SageMaker cannot find it", async () => {
    const sageMaker = fakeSageMaker({
      DescribeEndpointCommand: () => {
        throw validation('Could not find endpoint "acme-fraud".');
      },
    });
    expect(await getEndpointOverview({ tenantId: "acme-bank" }, { sageMaker, getTenant })).toEqual({
      found: false,
      endpointName: "acme-fraud",
    });
  });

  it("turns an unreachable SageMaker into `unavailable`", async () => {
    const sageMaker = fakeSageMaker({
      DescribeEndpointCommand: () => {
        throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      },
    });
    await expect(getEndpointOverview({ tenantId: "acme-bank" }, { sageMaker, getTenant })).rejects.toMatchObject({ code: "unavailable" });
  });

  it("answers not_found for an unknown tenant", async () => {
    await expect(getEndpointOverview({ tenantId: "nobody" }, { sageMaker: fakeSageMaker({}), getTenant })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
