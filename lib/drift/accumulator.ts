import type { CaptureLineView } from "@/lib/capture/capture-line-decoder";
import { FEATURES } from "@/lib/features/schema";
import type { EdgeLookup, NumericBins } from "./edge-lookup";
import { emptyPartial, type BinningPlan, type CategoricalPartial, type DriftPartial, type NumericPartial } from "./partial";

const WIDTH = FEATURES.length;

/** A NumericPartial while rows come in: typed counts, no allocation per row (partial.ts's addNumeric, same arithmetic). */
class NumericCounts {
  count = 0;
  missing = 0;
  sum = 0;
  sumSquares = 0;
  min = Infinity;
  max = -Infinity;
  readonly coarse: Float64Array;
  readonly fine: Float64Array;
  private readonly coarseLookup: EdgeLookup;
  private readonly fineLookup: EdgeLookup;
  private readonly coarseOfFine: Int32Array | null;

  constructor(
    readonly shift: number,
    bins: NumericBins,
  ) {
    this.coarseLookup = bins.coarse;
    this.fineLookup = bins.fine;
    this.coarseOfFine = bins.coarseOfFine;
    this.coarse = new Float64Array(bins.coarse.edges.length + 1);
    this.fine = new Float64Array(bins.fine.edges.length > 0 ? bins.fine.edges.length + 1 : 0);
  }

  /** NaN = missing. */
  add(value: number): void {
    this.count++;
    if (value !== value) {
      this.missing++;
      return;
    }
    const d = value - this.shift;
    this.sum += d;
    this.sumSquares += d * d;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    // binIndex on both sets of edges (edge-lookup.ts), the coarse bin from the fine one when it follows.
    if (this.fine.length > 0) {
      const fine = this.fineLookup.index(value);
      this.fine[fine]!++;
      this.coarse[this.coarseOfFine !== null ? this.coarseOfFine[fine]! : this.coarseLookup.index(value)]!++;
    } else this.coarse[this.coarseLookup.index(value)]!++;
  }

  toPartial(): NumericPartial {
    const present = this.count > this.missing;
    return {
      kind: "numeric",
      count: this.count,
      missing: this.missing,
      shift: this.shift,
      sum: this.sum,
      sumSquares: this.sumSquares,
      min: present ? this.min : null,
      max: present ? this.max : null,
      coarse: Array.from(this.coarse),
      fine: Array.from(this.fine),
    };
  }
}

/** A CategoricalPartial while rows come in (partial.ts's addCategorical). */
class CategoryCounts {
  count = 0;
  missing = 0;
  readonly codes: Float64Array;
  readonly other = new Map<string, number>();

  constructor(size: number) {
    this.codes = new Float64Array(size);
  }

  add(value: number): void {
    this.count++;
    if (value !== value) {
      this.missing++;
      return;
    }
    if (Number.isInteger(value) && value >= 0 && value < this.codes.length) this.codes[value]!++;
    else {
      const key = String(value);
      this.other.set(key, (this.other.get(key) ?? 0) + 1);
    }
  }

  toPartial(): CategoricalPartial {
    return {
      kind: "categorical",
      count: this.count,
      missing: this.missing,
      codes: Array.from(this.codes),
      other: Object.fromEntries(this.other),
    };
  }
}

class VersionCounts {
  records = 0;
  readonly features: Array<NumericCounts | CategoryCounts>;
  private readonly numeric: NumericCounts[] = [];
  private readonly numericAt: number[] = [];
  private readonly categorical: CategoryCounts[] = [];
  private readonly categoricalAt: number[] = [];
  readonly scores = new Map<string, NumericCounts>();

  constructor(readonly plan: BinningPlan) {
    this.features = plan.features.map((f, i) => {
      if (f.kind === "numeric") {
        const counts = new NumericCounts(f.base.mean ?? 0, f.bins);
        this.numeric.push(counts);
        this.numericAt.push(i);
        return counts;
      }
      const counts = new CategoryCounts(f.size);
      this.categorical.push(counts);
      this.categoricalAt.push(i);
      return counts;
    });
  }

  /** Row `offset / WIDTH` of `values` (NaN = missing). */
  addRow(values: Float64Array, offset: number): void {
    this.records++;
    for (let k = 0; k < this.numeric.length; k++) this.numeric[k]!.add(values[offset + this.numericAt[k]!]!);
    for (let k = 0; k < this.categorical.length; k++) this.categorical[k]!.add(values[offset + this.categoricalAt[k]!]!);
  }

  scoresOf(variant: string): NumericCounts {
    let counts = this.scores.get(variant);
    if (!counts) {
      const s = this.plan.score;
      counts = new NumericCounts(s.base.mean ?? 0, s.bins);
      this.scores.set(variant, counts);
    }
    return counts;
  }
}

/**
 * The map step's state: the counts of a DriftPartial (partial.ts) kept in typed arrays while
 * capture lines come in, turned into the plain-JSON partial once at the end (`toPartial`). Adding
 * a line here gives the same partial as partial.ts's addRow on each of its rows.
 */
export class DriftAccumulator {
  records = 0;
  invalid = 0;
  unattributed = 0;
  explained = 0;
  private readonly versions = new Map<string, VersionCounts>();

  /** Adds every row of a decoded capture line and the scores its variant answered, on the bins of `plan`. */
  addLine(plan: BinningPlan, line: CaptureLineView): void {
    if (line.rows === 0) return;
    let version = this.versions.get(plan.version);
    if (!version) {
      version = new VersionCounts(plan);
      this.versions.set(plan.version, version);
    }
    const scores = line.hasScores ? version.scoresOf(line.variant) : null;
    for (let r = 0; r < line.rows; r++) {
      this.records++;
      version.addRow(line.values, r * WIDTH);
      scores?.add(line.scores[r]!);
    }
  }

  toPartial(): DriftPartial {
    const partial = emptyPartial();
    partial.records = this.records;
    partial.invalid = this.invalid;
    partial.unattributed = this.unattributed;
    partial.explained = this.explained;
    for (const [name, v] of this.versions) {
      partial.versions[name] = {
        records: v.records,
        features: v.features.map((f) => f.toPartial()),
        scores: Object.fromEntries([...v.scores].map(([variant, s]) => [variant, s.toPartial()])),
      };
    }
    return partial;
  }
}
