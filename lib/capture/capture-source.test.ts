import { DescribeEndpointCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/tenants/tenant";
import { captureSource } from "./capture-source";

const tenant: Tenant = { tenantId: "acme", name: "Acme", endpointName: "fraud-acme", modelPackageGroupName: "g", createdAt: "" };
const getTenant = ({ tenantId }: { tenantId: string }) => Promise.resolve(tenantId === "acme" ? tenant : null);

function sageMaker(answer: () => Promise<unknown>): Pick<SageMakerClient, "send"> {
  return {
    send: (command: unknown) => (command instanceof DescribeEndpointCommand ? answer() : Promise.reject(new Error("unexpected"))),
  } as never;
}

describe("captureSource", () => {
  it("takes the destination from the endpoint's DataCaptureConfig", async () => {
    const sm = sageMaker(() => Promise.resolve({ DataCaptureConfig: { DestinationS3Uri: "s3://cap/some/prefix" } }));
    const source = await captureSource({ tenantId: "acme", endpointName: "fraud-acme" }, { getTenant, sageMaker: sm });
    expect(source.destination).toEqual({ bucket: "cap", prefix: "some/prefix" });
  });

  it("falls back to the deployments' capture location for an endpoint that is gone", async () => {
    const gone = Object.assign(new Error('Could not find endpoint "fraud-acme".'), { name: "ValidationException" });
    const source = await captureSource(
      { tenantId: "acme", endpointName: "fraud-acme" },
      { getTenant, sageMaker: sageMaker(() => Promise.reject(gone)) },
    );
    expect(source.destination.prefix).toBe("datacapture");
  });

  it("answers not_found for another tenant's endpoint and for an unknown tenant", async () => {
    const sm = sageMaker(() => Promise.resolve({}));
    await expect(captureSource({ tenantId: "acme", endpointName: "fraud-globex" }, { getTenant, sageMaker: sm })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(captureSource({ tenantId: "nobody", endpointName: "fraud-acme" }, { getTenant, sageMaker: sm })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
