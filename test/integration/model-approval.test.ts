import { DescribeModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list-audit";
import { sageMakerClient } from "@/lib/aws/clients";
import { getModelsOverview } from "@/lib/models/get-models-overview";
import { decideApproval } from "@/lib/promotion/decide-approval";
import { createTestTenant, type TestTenant } from "./fixtures";

// Its own tenant with its own model package group, registered as the demo seeds acme-bank's (v1, v2
// Approved, v3 the rushed retrain PendingManualApproval; production v2), plus v4: v2's model
// re-registered with a champion block against v2 (a candidate level with production).
let tenant: TestTenant;
let engineer = "";

beforeAll(async () => {
  tenant = await createTestTenant({ label: "approval", registry: { candidates: [{ artifactVersion: 2, championVersion: 2 }] } });
  engineer = `mlops@${tenant.tenantId}.test`;
});
afterAll(() => tenant.dispose());

const view = async (version: number) => (await getModelsOverview({ tenantId: tenant.tenantId, version })).versions[0]!;

describe("model approval", () => {
  it("lists the seeded story: approvals with who, when and why; v2 in production", async () => {
    const overview = await getModelsOverview({ tenantId: tenant.tenantId });
    expect(overview.modelPackageGroupName).toBe(`${tenant.tenantId}-models`);
    expect(overview.productionVersion).toBe(2);
    expect(overview.versions.map((v) => [v.version, v.approval.status])).toEqual([
      [4, "PendingManualApproval"],
      [3, "PendingManualApproval"],
      [2, "Approved"],
      [1, "Approved"],
    ]);
    const v2 = overview.versions.find((v) => v.version === 2)!;
    expect(v2.approval).toMatchObject({ by: "mlops@acme-bank.test", at: "2026-10-19T14:05:00.000Z" });
    expect(v2.deployments).toEqual([{ endpointName: tenant.endpointName, variantName: "production", trafficShare: 1, shadow: false }]);
    expect(v2.actions.reject).toMatchObject({ allowed: false });
  });

  it("refuses v3 with gate_champion although its ROC-AUC passes 0.7, and says so before the click", async () => {
    const v3 = await view(3);
    expect(v3.metrics?.rocAuc).toBeGreaterThan(0.7);
    expect(v3.metrics?.champion?.version).toBe(2);
    expect(v3.actions.approve.allowed).toBe(false);
    expect(v3.actions.approve.gates.map((g) => [g.code, g.passed])).toEqual([
      ["gate_roc_auc", true],
      ["gate_champion", false],
    ]);
    const refusal = await decideApproval({
      tenantId: tenant.tenantId,
      version: 3,
      status: "Approved",
      comment: "ship it",
      actor: engineer,
    }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: "gate_champion", status: 409 });
    expect((refusal as Error).message).toMatch(/^Behind production v2 on the same held-out split: PR-AUC 0\.537 is 0\.325 behind/);
    expect((await view(3)).approval.status).toBe("PendingManualApproval");
  });

  it("approves a passing candidate: status, comment, who and when in the registry, audited", async () => {
    expect((await view(4)).actions.approve.allowed).toBe(true);
    const approved = await decideApproval({
      tenantId: tenant.tenantId,
      version: 4,
      status: "Approved",
      comment: "level with v2 on the same split",
      actor: engineer,
    });
    expect(approved.approval).toMatchObject({ status: "Approved", by: engineer, comment: "level with v2 on the same split" });
    expect(Date.parse(approved.approval.at ?? "")).toBeGreaterThan(Date.now() - 60_000);
    const described = await sageMakerClient().send(new DescribeModelPackageCommand({ ModelPackageName: approved.arn }));
    expect(described).toMatchObject({ ModelApprovalStatus: "Approved", ApprovalDescription: "level with v2 on the same split" });
    const { entries } = await listAudit({ tenantId: tenant.tenantId, limit: 50 });
    expect(entries.find((e) => e.action === "model.approve")).toMatchObject({
      actor: engineer,
      target: `model-package:${tenant.tenantId}-models/4`,
      state: "done",
      before: { status: "PendingManualApproval" },
      after: { status: "Approved", by: engineer },
    });
    // A retried click changes nothing and is no error.
    expect(
      (await decideApproval({ tenantId: tenant.tenantId, version: 4, status: "Approved", comment: "again", actor: engineer })).approval
        .comment,
    ).toBe("level with v2 on the same split");
  });

  it("rejects v3, but not the version serving production", async () => {
    const rejected = await decideApproval({
      tenantId: tenant.tenantId,
      version: 3,
      status: "Rejected",
      comment: "immature labels",
      actor: engineer,
    });
    expect(rejected.approval).toMatchObject({ status: "Rejected", by: engineer, comment: "immature labels" });
    await expect(
      decideApproval({ tenantId: tenant.tenantId, version: 2, status: "Rejected", comment: "no", actor: engineer }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^Serves 100\.0% of live traffic on production/) as unknown,
    });
    await expect(view(9)).rejects.toMatchObject({ code: "not_found" });
  });
});
