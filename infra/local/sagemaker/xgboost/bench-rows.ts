import { mulberry32 } from "@/lib/random/mulberry32";

/**
 * Benchmark rows that exercise a model the way real traffic does without needing its data set:
 * each feature is drawn around the split conditions the model uses for it (so rows reach all
 * parts of the trees), with a few missing values. Seeded, so runs compare like with like.
 */
export function benchRows(modelJson: string, numFeatures: number, nRows: number, seed = 7): Float32Array {
  const splits = splitConditions(modelJson, numFeatures);
  const random = mulberry32(seed);
  const rows = new Float32Array(nRows * numFeatures);
  for (let r = 0; r < nRows; r++) {
    for (let j = 0; j < numFeatures; j++) {
      const conditions = splits[j] ?? [];
      const anchor = conditions.length > 0 ? (conditions[Math.floor(random() * conditions.length)] as number) : 0;
      const spread = conditions.length > 1 ? spreadOf(conditions) : 1;
      rows[r * numFeatures + j] = random() < 0.03 ? NaN : anchor + (random() - 0.5) * spread * 0.2;
    }
  }
  return rows;
}

function splitConditions(modelJson: string, numFeatures: number): number[][] {
  const trees = (JSON.parse(modelJson) as BenchModelJson).learner.gradient_booster.model.trees;
  const byFeature: number[][] = Array.from({ length: numFeatures }, () => []);
  for (const tree of trees) {
    tree.left_children.forEach((left, i) => {
      if (left !== -1) byFeature[tree.split_indices[i] as number]?.push(tree.split_conditions[i] as number);
    });
  }
  return byFeature;
}

function spreadOf(values: number[]): number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return Math.max(max - min, 1e-3);
}

interface BenchModelJson {
  learner: {
    gradient_booster: { model: { trees: Array<{ left_children: number[]; split_indices: number[]; split_conditions: number[] }> } };
  };
}
