import { describe, expect, it } from "vitest";
import { parseXgboostModel } from "./index";
import { modelJson, type TestNode } from "./test-model-json";
import { mulberry32 } from "@/lib/random/mulberry32";

// Independent reference: exact Shapley values by enumerating feature subsets, with the
// path-dependent value function v(S) (features outside S follow both branches weighted by cover).
// TreeSHAP must reproduce it for any tree, including features repeated along a path.

function randomTree(rand: () => number, numFeatures: number, maxDepth: number): TestNode[] {
  const nodes: TestNode[] = [];
  const grow = (depth: number): number => {
    const id = nodes.length;
    nodes.push({ cover: 0 });
    if (depth === maxDepth || (depth > 0 && rand() < 0.25)) {
      nodes[id] = { condition: Math.fround(rand() * 4 - 2), cover: 0.5 + Math.floor(rand() * 8) };
      return id;
    }
    const left = grow(depth + 1);
    const right = grow(depth + 1);
    const cover = nodes[left]!.cover + nodes[right]!.cover;
    const condition = [-1, 0, 1][Math.floor(rand() * 3)]!;
    nodes[id] = { feature: Math.floor(rand() * numFeatures), condition, left, right, defaultLeft: rand() < 0.5, cover };
    return id;
  };
  grow(0);
  return nodes;
}

function pathValue(tree: TestNode[], node: number, x: number[], inS: (f: number) => boolean): number {
  const n = tree[node]!;
  if (n.left === undefined || n.right === undefined) return n.condition ?? 0;
  const f = n.feature ?? 0;
  if (inS(f)) {
    const v = x[f]!;
    const next = Number.isNaN(v) ? (n.defaultLeft ? n.left : n.right) : v < (n.condition ?? 0) ? n.left : n.right;
    return pathValue(tree, next, x, inS);
  }
  const l = tree[n.left]!;
  const r = tree[n.right]!;
  return (pathValue(tree, n.left, x, inS) * l.cover + pathValue(tree, n.right, x, inS) * r.cover) / n.cover;
}

function bruteForceShap(trees: TestNode[][], x: number[]): number[] {
  const m = x.length;
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const v = (mask: number) => trees.reduce((s, t) => s + pathValue(t, 0, x, (f) => ((mask >> f) & 1) === 1), 0);
  return x.map((_, i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << m; mask++) {
      if ((mask >> i) & 1) continue;
      const size = (mask.toString(2).match(/1/g) ?? []).length;
      phi += ((factorial(size) * factorial(m - size - 1)) / factorial(m)) * (v(mask | (1 << i)) - v(mask));
    }
    return phi;
  });
}

describe("TreeSHAP against brute-force Shapley values", () => {
  it("agrees on 300 random trees and rows (repeated features, ties, missing values)", () => {
    const rand = mulberry32(42);
    for (let trial = 0; trial < 300; trial++) {
      const numFeatures = 1 + Math.floor(rand() * 5);
      const trees = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => randomTree(rand, numFeatures, 1 + Math.floor(rand() * 6)));
      const model = parseXgboostModel(modelJson({ trees, numFeature: numFeatures }));
      const x = Array.from({ length: numFeatures }, () => [NaN, -1, 0, 1, -1.5, 0.5, 2][Math.floor(rand() * 7)]!);
      const expected = bruteForceShap(trees, x);
      const phi = model.shap(x);
      expected.forEach((value, j) => expect(phi[j]).toBeCloseTo(value, 9));
      const total = Array.from(phi).reduce((a, b) => a + b, model.expectedValue);
      expect(total).toBeCloseTo(model.predictMargin(x), 5);
    }
  });
});
