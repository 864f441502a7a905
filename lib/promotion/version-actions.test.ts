import { describe, expect, it } from "vitest";
import type { ModelVersionDetails } from "@/lib/models/describe-model-version";
import type { VersionDeployment } from "@/lib/models/version-deployments";
import { DEFAULT_APPROVAL_GATES } from "@/lib/settings/tenant-settings";
import { versionActions, type DeploymentsOf } from "./version-actions";

const version = (n: number, status = "Approved"): ModelVersionDetails =>
  ({ version: n, approval: { status, by: null, at: null, comment: null }, metrics: null }) as unknown as ModelVersionDetails;
const at = (variantName: string, trafficShare: number, shadow = false): VersionDeployment => ({
  endpointName: "e",
  variantName,
  trafficShare,
  shadow,
});
const actions = (n: number, all: DeploymentsOf, status?: string) =>
  versionActions({ version: version(n, status), deployments: all.get(n) ?? [], productionVersion: 2, gates: DEFAULT_APPROVAL_GATES, all });

describe("rollout actions", () => {
  it("offers an approved candidate beside production alone as shadow and canary, not promotion", () => {
    const a = actions(4, new Map([[2, [at("production", 1)]]]));
    expect([a.shadow.allowed, a.canary.allowed, a.promote.allowed, a.backtest.allowed]).toEqual([true, true, false, true]);
    expect(a.promote.reason).toMatch(/deploy this version as a canary first/);
  });

  it("blocks an unapproved version from live traffic but lets it be backtested", () => {
    const a = actions(3, new Map([[2, [at("production", 1)]]]), "PendingManualApproval");
    expect([a.shadow.allowed, a.canary.allowed, a.backtest.allowed]).toEqual([false, false, true]);
    expect(a.shadow.reason).toBe("Not approved yet: only approved versions may serve or shadow traffic.");
  });

  it("says the shadow runs, and a canary retires it", () => {
    const all = new Map([
      [2, [at("production", 1)]],
      [4, [at("shadow", 1, true)]],
    ]);
    expect(actions(4, all).shadow).toMatchObject({ allowed: false, reason: expect.stringMatching(/^Runs as the shadow now/) as unknown });
    expect(actions(4, all).canary.reason).toMatch(/Retires the v4 shadow/);
    expect(actions(1, all).shadow.reason).toMatch(/Replaces the v4 shadow/);
  });

  it("offers the live canary's promotion by its variant, and blocks a shadow or a second canary beside it", () => {
    const all = new Map([
      [2, [at("production", 0.9)]],
      [4, [at("canary", 0.1)]],
    ]);
    expect(actions(4, all).promote).toMatchObject({ allowed: true, variant: "canary" });
    expect(actions(4, all).canary.reason).toBe("Serves 10.0% as the canary now.");
    expect(actions(1, all).shadow.reason).toBe("A shadow needs production alone: promote or roll back the v4 canary first.");
    expect(actions(1, all).canary.reason).toBe("v4 is the canary: promote or roll it back first.");
    expect(actions(2, all)).toMatchObject({
      shadow: { allowed: false },
      canary: { allowed: false },
      promote: { reason: "Serves production." },
    });
  });
});
