import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import type { ModelMetrics } from "@/lib/models/model-metrics";
import { DEFAULT_APPROVAL_GATES } from "@/lib/settings/tenant-settings";
import { assertApprovalAllowed, checkApproval } from "./gates";

/** acme-bank's committed figures (infra/model/artifacts/acme-bank-fraud/v*\/evaluation.json). */
const metrics = (figures: Partial<ModelMetrics>): ModelMetrics => ({
  rocAuc: 0.9,
  prAuc: 0.8,
  recallAt80Precision: 0.8,
  evaluatedRows: 50_000,
  evaluatedFrauds: 700,
  sampleWarning: null,
  dataset: "test",
  evaluatedAt: null,
  trainingWindow: null,
  testWindow: null,
  champion: null,
  ...figures,
});
const v2Champion = { version: 2, rocAuc: 0.965093, prAuc: 0.861966, recallAt80Precision: 0.826023 };
const acmeV3 = metrics({ rocAuc: 0.924213, prAuc: 0.536641, recallAt80Precision: 0.330409, champion: v2Champion });

const check = (version: number, m: ModelMetrics | null, productionVersion: number | null = 2, gates = DEFAULT_APPROVAL_GATES) =>
  checkApproval({ candidate: { version, metrics: m }, productionVersion, gates });

describe("checkApproval", () => {
  it("refuses acme's rushed v3 on the champion gate although its ROC-AUC passes the seeds' 0.7", () => {
    const result = check(3, acmeV3);
    expect(result.gates.map((g) => [g.code, g.passed])).toEqual([
      ["gate_roc_auc", true],
      ["gate_champion", false],
    ]);
    expect(result.allowed).toBe(false);
    expect(result.refusal?.code).toBe("gate_champion");
    expect(result.refusal?.message).toBe(
      "Behind production v2 on the same held-out split: PR-AUC 0.537 is 0.325 behind production's 0.862 (tolerance 0.020); " +
        "Recall at 80% precision 0.330 is 0.496 behind production's 0.826 (tolerance 0.030).",
    );
  });

  it("approves a candidate within tolerance of production, and one equal to it", () => {
    expect(check(4, metrics({ prAuc: 0.842, recallAt80Precision: 0.797, champion: v2Champion })).allowed).toBe(true);
    expect(check(4, metrics({ prAuc: 0.861966, recallAt80Precision: 0.826023, champion: v2Champion })).allowed).toBe(true);
  });

  it("refuses a drop just beyond a tolerance", () => {
    const result = check(4, metrics({ prAuc: 0.8619 - 0.021, recallAt80Precision: 0.9, champion: v2Champion }));
    expect(result.refusal?.code).toBe("gate_champion");
    expect(result.refusal?.message).toContain("PR-AUC");
    expect(result.refusal?.message).not.toContain("Recall");
  });

  it("refuses below the tenant's minimum ROC-AUC first, with its own code", () => {
    const result = check(4, metrics({ rocAuc: 0.69, champion: v2Champion }));
    expect(result.refusal).toMatchObject({ code: "gate_roc_auc", message: "ROC-AUC 0.690 is below the minimum 0.700." });
    expect(check(4, metrics({ rocAuc: 0.95, champion: v2Champion }), 2, { ...DEFAULT_APPROVAL_GATES, minRocAuc: 0.96 }).refusal?.code).toBe(
      "gate_roc_auc",
    );
  });

  it("uses the tenant's tolerances", () => {
    const loose = { ...DEFAULT_APPROVAL_GATES, maxPrAucDrop: 0.5, maxRecallAt80PrecisionDrop: 0.5 };
    expect(check(3, acmeV3, 2, loose).allowed).toBe(true);
  });

  it("refuses without a comparison against the current production version", () => {
    expect(check(4, metrics({})).refusal?.message).toBe("No comparison with production v2 on this version's test split was recorded.");
    expect(check(3, acmeV3, 1).refusal?.message).toMatch(/^Evaluated against v2, but production serves v1 now/);
    expect(check(3, null).refusal).toMatchObject({ code: "gate_roc_auc", message: "No evaluation is registered for this version." });
  });

  it("has nothing to compare for the first version or for production itself", () => {
    expect(check(1, metrics({}), null).allowed).toBe(true);
    expect(check(2, metrics({}), 2).allowed).toBe(true);
  });

  it("throws the refusing gate as the one error body's code with every verdict in details", () => {
    const error = (() => {
      try {
        assertApprovalAllowed(check(3, acmeV3));
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(error) && { code: error.code, status: error.status }).toEqual({ code: "gate_champion", status: 409 });
    expect(() => assertApprovalAllowed(check(1, metrics({}), null))).not.toThrow();
  });
});
