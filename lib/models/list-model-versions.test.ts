import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/tenants/tenant";
import { listModelVersions } from "./list-model-versions";

const tenant: Tenant = {
  tenantId: "acme-bank",
  name: "Acme Bank",
  endpointName: "acme-fraud",
  modelPackageGroupName: "acme-fraud-models",
  createdAt: "2026-01-01",
};
const getTenant = () => Promise.resolve(tenant);

function fakeList(pages: Record<string, { items: number[]; next?: string }>, seen: Record<string, unknown>[] = []) {
  const send = (command: { input: Record<string, unknown> }) => {
    seen.push(command.input);
    const token = command.input.NextToken;
    const page = pages[typeof token === "string" ? token : ""];
    if (!page)
      return Promise.reject(
        Object.assign(new Error("ModelPackageGroup acme-fraud-models does not exist."), { name: "ValidationException" }),
      );
    return Promise.resolve({
      NextToken: page.next,
      ModelPackageSummaryList: page.items.map((n) => ({
        ModelPackageVersion: n,
        ModelPackageArn: `arn:aws:sagemaker:eu-west-1:000000000000:model-package/acme-fraud-models/${n}`,
        ModelApprovalStatus: n === 3 ? "Approved" : "PendingManualApproval",
        CreationTime: new Date(Date.UTC(2026, 10, n)),
        ModelPackageDescription: `v${n}`,
      })),
    });
  };
  return { send } as unknown as Pick<SageMakerClient, "send">;
}

describe("listModelVersions", () => {
  it("lists every page of the tenant's group, newest first as SageMaker sorts them", async () => {
    const seen: Record<string, unknown>[] = [];
    const versions = await listModelVersions(
      { tenantId: "acme-bank" },
      { getTenant, sageMaker: fakeList({ "": { items: [4, 3], next: "p2" }, p2: { items: [2, 1] } }, seen) },
    );
    expect(versions.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(versions[1]).toEqual({
      version: 3,
      arn: "arn:aws:sagemaker:eu-west-1:000000000000:model-package/acme-fraud-models/3",
      approvalStatus: "Approved",
      createdAt: "2026-11-03T00:00:00.000Z",
      description: "v3",
    });
    expect(seen[0]).toMatchObject({ ModelPackageGroupName: "acme-fraud-models", SortBy: "CreationTime", SortOrder: "Descending" });
  });

  it("returns no versions when the group does not exist yet", async () => {
    expect(await listModelVersions({ tenantId: "acme-bank" }, { getTenant, sageMaker: fakeList({}) })).toEqual([]);
  });
});
