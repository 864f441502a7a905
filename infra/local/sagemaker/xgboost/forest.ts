import { invalidModel, unsupportedModel } from "./errors";
import type { TreeJson } from "./model-schema";

/**
 * All trees of a model in flat typed arrays (one slot per node, trees concatenated), so that the
 * hot loops of prediction and TreeSHAP touch no objects. Child indices are global slots.
 */
export interface Forest {
  readonly numTrees: number;
  /** Global slot of each tree's root. */
  readonly roots: Int32Array;
  /** Left child slot, or -1 for a leaf. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** The child a missing (NaN) value follows: left or right per default_left. */
  readonly missing: Int32Array;
  readonly feature: Int32Array;
  /** Split condition (a float32 value) for internal nodes, leaf value for leaves. */
  readonly value: Float64Array;
  /** sum_hessian: the training cover TreeSHAP weighs branches with. */
  readonly cover: Float64Array;
  /** Cover-weighted mean leaf value under each node (XGBoost's node_mean_values). */
  readonly meanValue: Float64Array;
  /** Deepest leaf over all trees (root = depth 0). */
  readonly maxDepth: number;
}

export function buildForest(trees: readonly TreeJson[], numFeatures: number): Forest {
  const total = trees.reduce((sum, tree) => sum + tree.left_children.length, 0);
  const forest = {
    numTrees: trees.length,
    roots: new Int32Array(trees.length),
    left: new Int32Array(total),
    right: new Int32Array(total),
    missing: new Int32Array(total),
    feature: new Int32Array(total),
    value: new Float64Array(total),
    cover: new Float64Array(total),
    meanValue: new Float64Array(total),
    maxDepth: 0,
  };
  let base = 0;
  trees.forEach((tree, t) => {
    forest.roots[t] = base;
    copyTree(tree, t, base, numFeatures, forest);
    forest.maxDepth = Math.max(forest.maxDepth, checkStructure(forest, base, t));
    fillMeanValue(forest, base);
    base += tree.left_children.length;
  });
  return forest;
}

function copyTree(tree: TreeJson, t: number, base: number, numFeatures: number, f: Forest): void {
  const n = tree.left_children.length;
  if (n === 0) throw invalidModel(`tree ${t} has no nodes`);
  const arrays = [tree.right_children, tree.split_indices, tree.split_conditions, tree.default_left, tree.sum_hessian];
  if (arrays.some((a) => a.length !== n)) throw invalidModel(`tree ${t} has node arrays of different lengths`);
  if (tree.split_type?.some((type) => type !== 0) || (tree.categories_nodes?.length ?? 0) > 0) {
    throw unsupportedModel(`tree ${t} has categorical splits (train with numeric features only)`);
  }
  for (let i = 0; i < n; i++) {
    const l = tree.left_children[i] ?? -1;
    const r = tree.right_children[i] ?? -1;
    const isLeaf = l === -1;
    if (!isLeaf && (l < 0 || l >= n || r < 0 || r >= n)) throw invalidModel(`tree ${t} node ${i} has a child out of range`);
    const value = tree.split_conditions[i];
    if (value === null || value === undefined || !Number.isFinite(value)) {
      throw invalidModel(`tree ${t} node ${i} has a non-finite ${isLeaf ? "leaf value" : "split condition"}`);
    }
    const feature = tree.split_indices[i] ?? 0;
    if (!isLeaf && feature >= numFeatures)
      throw invalidModel(`tree ${t} node ${i} splits on feature ${feature} >= num_feature ${numFeatures}`);
    const slot = base + i;
    f.left[slot] = isLeaf ? -1 : base + l;
    f.right[slot] = isLeaf ? -1 : base + r;
    f.missing[slot] = isLeaf ? -1 : tree.default_left[i] ? base + l : base + r;
    f.feature[slot] = feature;
    // Conditions are float32 already; fround guards against hand-written models with extra digits.
    f.value[slot] = Math.fround(value);
    f.cover[slot] = tree.sum_hessian[i] ?? 0;
  }
}

/** Checks the nodes reachable from the root form a tree (no node reached twice) and returns its depth. */
function checkStructure(f: Forest, root: number, t: number): number {
  const seen = new Set<number>();
  const stack: Array<[number, number]> = [[root, 0]];
  let maxDepth = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [number, number];
    if (seen.has(node)) throw invalidModel(`tree ${t} is not a tree (node ${node - root} reached twice)`);
    seen.add(node);
    maxDepth = Math.max(maxDepth, depth);
    const l = f.left[node] ?? -1;
    if (l >= 0) stack.push([l, depth + 1], [f.right[node] ?? -1, depth + 1]);
  }
  return maxDepth;
}

// Mirrors XGBoost's FillNodeMeanValue: children weighted by their cover, divided by the node's own
// cover. The root's value is the tree's share of the SHAP bias (expected value).
function fillMeanValue(f: Forest, node: number): number {
  const l = f.left[node] ?? -1;
  let mean = f.value[node] ?? 0;
  if (l >= 0) {
    const r = f.right[node] ?? -1;
    mean = (fillMeanValue(f, l) * (f.cover[l] ?? 0) + fillMeanValue(f, r) * (f.cover[r] ?? 0)) / (f.cover[node] ?? 1);
  }
  f.meanValue[node] = mean;
  return mean;
}
