import { describe, expect, it } from "vitest";
import { DEFAULT_DRIFT_THRESHOLDS as T, driftThresholdsSchema } from "./drift-thresholds";
import { judgeDrift, weighViolations } from "./judge-drift";

describe("judgeDrift", () => {
  it.each([
    ["below the minimum sample, whatever the figures", { records: 499, psi: 3 }, "insufficient", []],
    ["a feature the training data never had", { records: 5_000, psi: 6.4, baselineMissingRate: 1 }, "insufficient", []],
    ["identical distributions", { records: 500, psi: 0, wasserstein: 0, meanShift: 0 }, "ok", []],
    [
      "just under every threshold",
      { records: 10_000, psi: 0.0999, wasserstein: 0.0999, js: 0.0999, meanShift: 0.2999, unseenShare: 0.0099 },
      "ok",
      [],
    ],
    ["PSI at the warning level alone", { records: 10_000, psi: 0.1 }, "warn", ["psi"]],
    ["PSI at the alert level", { records: 10_000, psi: 0.2 }, "alert", ["psi"]],
    ["mean shift alone (the seeds' 30%)", { records: 10_000, psi: 0.05, meanShift: 0.3 }, "warn", ["meanShift"]],
    ["unseen categories alone", { records: 10_000, psi: 0.02, js: 0.02, unseenShare: 0.01 }, "warn", ["unseenShare"]],
    ["two signals agreeing", { records: 10_000, psi: 0.12, wasserstein: 0.15 }, "alert", ["psi", "wasserstein"]],
    ["a non-finite figure is not a violation", { records: 10_000, psi: Number.NaN, meanShift: Number.POSITIVE_INFINITY }, "ok", []],
  ] as const)("%s", (_, figures, status, violations) => {
    expect(judgeDrift(figures, T)).toEqual({ status, violations });
  });

  it("uses the tenant's own thresholds", () => {
    expect(judgeDrift({ records: 100, psi: 0.05 }, { ...T, minSample: 50, psiWarn: 0.05, psiAlert: 0.5 }).status).toBe("warn");
  });

  it("refuses an alert level below the warning level", () => {
    const result = driftThresholdsSchema.safeParse({ ...T, psiWarn: 0.3, psiAlert: 0.2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["psiAlert"]);
  });
});

describe("weighViolations", () => {
  it("weighs alerts fully and warnings by half, by importance share", () => {
    const { weight, heaviest } = weighViolations([
      { feature: "amount", status: "alert", importance: 3 },
      { feature: "channel", status: "warn", importance: 2 },
      { feature: "hour", status: "ok", importance: 4 },
      { feature: "device", status: "insufficient", importance: 1 },
    ]);
    expect(weight).toBeCloseTo(0.3 + 0.1, 12);
    expect(heaviest).toEqual(["amount", "channel"]);
  });

  it("weighs every feature the same when no importance is known", () => {
    const { weight } = weighViolations([
      { feature: "a", status: "alert", importance: 0 },
      { feature: "b", status: "ok", importance: 0 },
    ]);
    expect(weight).toBe(0.5);
  });

  it("an unimportant feature's drift weighs nothing", () => {
    expect(
      weighViolations([
        { feature: "a", status: "alert", importance: 0 },
        { feature: "b", status: "ok", importance: 1 },
      ]).weight,
    ).toBe(0);
  });
});
