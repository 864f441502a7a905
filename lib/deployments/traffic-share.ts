/**
 * SageMaker variant weights are relative: a variant's traffic share is its weight over the sum of
 * all weights (SAGEMAKER.md). All-zero weights mean no traffic anywhere, not an even split.
 */
export function trafficShares(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
  return weights.map((w) => (total > 0 ? Math.max(0, w) / total : 0));
}
