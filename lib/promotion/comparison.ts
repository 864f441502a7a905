import { DECISIONS, decideFromScore, needsReview, type Decision, type DecisionThresholds } from "@/lib/scoring/decision";

/** An analyst's final verdict on a transaction: confirmed fraud or false positive (lib/queue/queue-item.ts). */
export type Label = "fraud" | "legit";

/** Precision and recall of one model at the tenant's thresholds, on the transactions that have a verdict. */
export interface LabelledQuality {
  /** Flagged (REVIEW or SUSPICIOUS) and confirmed fraud. */
  truePositives: number;
  /** Flagged and a false positive. */
  falsePositives: number;
  /** Not flagged (LEGIT) and confirmed fraud. */
  falseNegatives: number;
  /** null when the model flagged nothing that has a verdict. */
  precision: number | null;
  /** null when no verdict says fraud. */
  recall: number | null;
}

export type DecisionMatrix = Record<Decision, Record<Decision, number>>;

/**
 * How a candidate would have decided the transactions production decided: rows = production's
 * decision, columns = the candidate's, both from the model scores at the same thresholds
 * (lib/scoring/decision.ts), so a rule's floor or a degraded answer never counts as a model's.
 */
export interface Comparison {
  thresholds: DecisionThresholds;
  /** Transactions scored by both. */
  transactions: number;
  /** Transactions only one side scored (a shadow copy that failed or was not sampled; an unreadable line). */
  unmatched: { production: number; candidate: number };
  matrix: DecisionMatrix;
  /** Transactions whose decision would change, and their share of `transactions` (null when none). */
  changed: number;
  changedShare: number | null;
  /** Pearson correlation of the two scores; null below two transactions or when a score never varies. */
  scoreCorrelation: number | null;
  meanScore: { production: number | null; candidate: number | null };
  verdicts: {
    /** Transactions with an analyst's final verdict, and how many of them are fraud. */
    labelled: number;
    fraud: number;
    /**
     * Flagged by production but without a final verdict yet (pending, escalated, or reviewed after
     * the window was read): precision and recall leave them out.
     */
    missingForProductionFlags: number;
    /**
     * Flagged only by the candidate: production let them through, so no analyst ever saw them and no
     * verdict can exist. A candidate that flags many of these is judged on less than it changes.
     */
    missingForCandidateOnlyFlags: number;
    production: LabelledQuality;
    candidate: LabelledQuality;
  };
}

export interface ComparedRow {
  productionScore: number;
  candidateScore: number;
  /** The analyst's verdict on this transaction, when there is one. */
  label?: Label | null;
}

function emptyMatrix(): DecisionMatrix {
  const row = () => Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  return Object.fromEntries(DECISIONS.map((d) => [d, row()])) as DecisionMatrix;
}

function quality(tp: number, fp: number, fn: number): LabelledQuality {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
  };
}

/**
 * A streaming comparison: constant memory whatever the number of rows (counts, and the co-moments
 * of the two scores updated Welford-style so the correlation stays exact without keeping scores).
 */
export class ComparisonAccumulator {
  private readonly matrix = emptyMatrix();
  private n = 0;
  private meanP = 0;
  private meanC = 0;
  private m2P = 0;
  private m2C = 0;
  private coMoment = 0;
  private readonly counts = { labelled: 0, fraud: 0, missingProd: 0, missingCand: 0 };
  private readonly unmatched = { production: 0, candidate: 0 };
  private readonly prod = { tp: 0, fp: 0, fn: 0 };
  private readonly cand = { tp: 0, fp: 0, fn: 0 };

  constructor(readonly thresholds: DecisionThresholds) {}

  add(row: ComparedRow): void {
    const production = decideFromScore(row.productionScore, this.thresholds);
    const candidate = decideFromScore(row.candidateScore, this.thresholds);
    this.matrix[production][candidate] += 1;
    this.n += 1;
    const dP = row.productionScore - this.meanP;
    const dC = row.candidateScore - this.meanC;
    this.meanP += dP / this.n;
    this.meanC += dC / this.n;
    this.m2P += dP * (row.productionScore - this.meanP);
    this.m2C += dC * (row.candidateScore - this.meanC);
    this.coMoment += dP * (row.candidateScore - this.meanC);
    const flaggedP = needsReview(production);
    const flaggedC = needsReview(candidate);
    if (row.label) {
      this.counts.labelled += 1;
      if (row.label === "fraud") this.counts.fraud += 1;
      tally(this.prod, flaggedP, row.label);
      tally(this.cand, flaggedC, row.label);
    } else if (flaggedP) {
      this.counts.missingProd += 1;
    } else if (flaggedC) {
      this.counts.missingCand += 1;
    }
  }

  /** Rows only one side scored. */
  addUnmatched(side: "production" | "candidate", rows: number): void {
    this.unmatched[side] += rows;
  }

  result(): Comparison {
    let changed = 0;
    for (const p of DECISIONS) for (const c of DECISIONS) if (p !== c) changed += this.matrix[p][c];
    const spread = Math.sqrt(this.m2P * this.m2C);
    return {
      thresholds: this.thresholds,
      transactions: this.n,
      unmatched: { ...this.unmatched },
      matrix: structuredClone(this.matrix),
      changed,
      changedShare: this.n > 0 ? changed / this.n : null,
      scoreCorrelation: this.n >= 2 && spread > 0 ? clamp(this.coMoment / spread) : null,
      meanScore: { production: this.n > 0 ? this.meanP : null, candidate: this.n > 0 ? this.meanC : null },
      verdicts: {
        labelled: this.counts.labelled,
        fraud: this.counts.fraud,
        missingForProductionFlags: this.counts.missingProd,
        missingForCandidateOnlyFlags: this.counts.missingCand,
        production: quality(this.prod.tp, this.prod.fp, this.prod.fn),
        candidate: quality(this.cand.tp, this.cand.fp, this.cand.fn),
      },
    };
  }
}

function tally(q: { tp: number; fp: number; fn: number }, flagged: boolean, label: Label): void {
  if (flagged && label === "fraud") q.tp += 1;
  else if (flagged) q.fp += 1;
  else if (label === "fraud") q.fn += 1;
}

/** Rounding can push |r| a hair past 1. */
function clamp(r: number): number {
  return Math.max(-1, Math.min(1, r));
}
