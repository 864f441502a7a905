/** Test helper: writes XGBoost 1.7-style JSON for hand-built trees. */
export interface TestNode {
  feature?: number;
  condition?: number; // split condition, or the leaf value for leaves
  defaultLeft?: boolean;
  left?: number; // child node ids; leaves have none
  right?: number;
  cover: number;
}

export interface TestModelOptions {
  trees: TestNode[][];
  numFeature: number;
  baseScore?: number;
  objective?: string;
  booster?: string;
  numClass?: number;
  featureNames?: string[];
}

export function treeJson(nodes: TestNode[]) {
  return {
    split_indices: nodes.map((n) => n.feature ?? 0),
    split_conditions: nodes.map((n) => n.condition ?? 0),
    left_children: nodes.map((n) => n.left ?? -1),
    right_children: nodes.map((n) => n.right ?? -1),
    default_left: nodes.map((n) => (n.defaultLeft ? 1 : 0)),
    base_weights: nodes.map(() => 0),
    sum_hessian: nodes.map((n) => n.cover),
    split_type: nodes.map(() => 0),
    categories_nodes: [],
  };
}

export function modelJson(options: TestModelOptions): string {
  return JSON.stringify({
    learner: {
      feature_names: options.featureNames ?? [],
      feature_types: [],
      learner_model_param: {
        base_score: String(options.baseScore ?? 0.5),
        num_class: String(options.numClass ?? 0),
        num_feature: String(options.numFeature),
        num_target: "1",
      },
      objective: { name: options.objective ?? "binary:logistic" },
      gradient_booster: {
        name: options.booster ?? "gbtree",
        model: { trees: options.trees.map(treeJson), tree_info: options.trees.map(() => 0) },
      },
    },
    version: [1, 7, 4],
  });
}
