import { describe, expect, it } from "vitest";
import type { LabeledItem } from "@/lib/labels/label-format";
import { isMaturedLabel } from "./label-maturity";
import { splitLabels } from "./split-labels";

const cutoff = new Date("2026-12-01T00:00:00.000Z");
const rule = { legitAfterHours: 24 };
const hoursBefore = (h: number) => new Date(cutoff.getTime() - h * 3_600_000).toISOString();
const label = (i: number, status: LabeledItem["status"], ageHours: number): LabeledItem => ({
  txnId: `t${i}`,
  status,
  features: { amount: i },
  verdict: null,
  model: null,
  createdAt: hoursBefore(ageHours),
});

describe("isMaturedLabel", () => {
  it("takes a confirmed fraud at once, a false positive only once old enough, never an escalation", () => {
    expect(isMaturedLabel(label(1, "confirmed_fraud", 1), cutoff, rule)).toBe(true);
    expect(isMaturedLabel(label(2, "false_positive", 23.9), cutoff, rule)).toBe(false);
    expect(isMaturedLabel(label(3, "false_positive", 24), cutoff, rule)).toBe(true);
    expect(isMaturedLabel(label(4, "escalated", 100), cutoff, rule)).toBe(false);
    expect(isMaturedLabel(label(5, "open", 100), cutoff, rule)).toBe(false);
  });
});

describe("splitLabels", () => {
  // Oldest first, as readVerifiedLabels returns them: 20 labels from 70 h down to 32 h old, then two young false positives.
  const labels = [
    ...Array.from({ length: 20 }, (_, i) => label(i, i % 3 === 0 ? "confirmed_fraud" : "false_positive", 70 - 2 * i)),
    label(20, "false_positive", 5),
    label(21, "false_positive", 2),
  ];

  it("keeps matured labels only and puts the newest 30% in an out-of-time test split", () => {
    const split = splitLabels({ labels, cutoff, rule, labelsThrough: null });
    expect(split.counts).toEqual({ verified: 22, frauds: 7, legit: 13, immature: 2, alreadyTrained: 0, used: 20 });
    expect(split.test).toHaveLength(6);
    expect(split.train.length + split.validation.length).toBe(14);
    expect(split.validation).toHaveLength(2); // every 7th of the 14 older labels
    const newestTraining = Math.max(...[...split.train, ...split.validation].map((l) => Date.parse(l.createdAt)));
    expect(Math.min(...split.test.map((l) => Date.parse(l.createdAt)))).toBeGreaterThan(newestTraining);
    expect(split.testWindow).toEqual({ from: split.test[0]!.createdAt, to: split.test[5]!.createdAt });
    expect(split.labelsThrough).toBe(labels[13]!.createdAt);
    expect(split.problem).toBeNull();
  });

  it("leaves out labels already in production's training data", () => {
    const split = splitLabels({ labels, cutoff, rule, labelsThrough: labels[9]!.createdAt });
    expect(split.counts.alreadyTrained).toBe(10);
    expect(split.counts.used).toBe(10);
  });

  it("says why an empty window cannot train", () => {
    const split = splitLabels({ labels: [label(1, "false_positive", 1)], cutoff, rule, labelsThrough: null });
    expect(split.counts.used).toBe(0);
    expect(split.problem).toBe("No verified, matured analyst labels in the window: nothing new to learn from");
  });

  it("refuses a test split with one class only", () => {
    const frauds = [label(1, "confirmed_fraud", 50), label(2, "confirmed_fraud", 40)];
    expect(splitLabels({ labels: frauds, cutoff, rule, labelsThrough: null }).problem).toMatch(
      /needs both confirmed frauds and false positives/,
    );
  });

  it("never cuts between two labels of the same time", () => {
    const same = [
      label(1, "false_positive", 50),
      label(2, "confirmed_fraud", 30),
      label(3, "false_positive", 30),
      label(4, "confirmed_fraud", 30),
    ];
    const split = splitLabels({ labels: same, cutoff, rule, labelsThrough: null });
    expect(split.test.map((l) => l.txnId)).toEqual(["t2", "t3", "t4"]);
  });
});
