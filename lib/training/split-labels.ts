import type { LabeledItem } from "@/lib/labels/label-format";
import { isMaturedLabel, type MaturityRule } from "./label-maturity";
import type { LabelCounts } from "./training-job";

/** The newest share of the window's labels is the out-of-time test split. */
export const TEST_SHARE = 0.3;
/** Every 7th training label goes to validation, as infra/model/pipeline/datasets.ts splits the history. */
export const VALIDATION_EVERY = 7;

export interface LabelSplit {
  train: LabeledItem[];
  validation: LabeledItem[];
  test: LabeledItem[];
  counts: LabelCounts;
  testWindow: { from: string; to: string } | null;
  /** The newest transaction time among training labels: the next retrain starts after it. */
  labelsThrough: string | null;
  problem: string | null;
}

/**
 * Matured labels of the window (`labels` sorted by transaction time), split out of time: the
 * newest TEST_SHARE become the test split, cut between two distinct times so that every test row
 * is strictly newer than every training row. Labels already in production's training data (up to
 * its `labelsThrough`) are left out rather than counted twice.
 */
export function splitLabels(input: {
  labels: readonly LabeledItem[];
  cutoff: Date;
  rule: MaturityRule;
  labelsThrough: string | null;
}): LabelSplit {
  const counts: LabelCounts = { verified: input.labels.length, frauds: 0, legit: 0, immature: 0, alreadyTrained: 0, used: 0 };
  const usable: LabeledItem[] = [];
  for (const item of input.labels) {
    if (input.labelsThrough && item.createdAt <= input.labelsThrough) {
      counts.alreadyTrained++;
    } else if (!isMaturedLabel(item, input.cutoff, input.rule)) {
      counts.immature++;
    } else {
      usable.push(item);
      if (item.status === "confirmed_fraud") counts.frauds++;
      else counts.legit++;
    }
  }
  counts.used = usable.length;
  const empty = { train: [], validation: [], test: [], counts, testWindow: null, labelsThrough: null };
  if (usable.length === 0) {
    return { ...empty, problem: "No verified, matured analyst labels in the window: nothing new to learn from" };
  }
  let cut = Math.min(usable.length - 1, Math.floor(usable.length * (1 - TEST_SHARE)));
  while (cut > 0 && usable[cut - 1]!.createdAt === usable[cut]!.createdAt) cut--;
  const older = usable.slice(0, cut);
  const test = usable.slice(cut);
  const hasBoth = (rows: readonly LabeledItem[]) =>
    rows.some((r) => r.status === "confirmed_fraud") && rows.some((r) => r.status === "false_positive");
  const problem = hasBoth(test)
    ? null
    : `The out-of-time test split (the newest ${test.length} labels) needs both confirmed frauds and false positives to be evaluated: widen the window`;
  return {
    train: older.filter((_, i) => i % VALIDATION_EVERY !== VALIDATION_EVERY - 1),
    validation: older.filter((_, i) => i % VALIDATION_EVERY === VALIDATION_EVERY - 1),
    test,
    counts,
    testWindow: { from: test[0]!.createdAt, to: test[test.length - 1]!.createdAt },
    labelsThrough: older.at(-1)?.createdAt ?? null,
    problem,
  };
}
