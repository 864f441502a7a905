/**
 * Scores printed the way the XGBoost container prints its float32 predictions: the shortest decimal
 * that reads back as the same float32 (numpy's repr), e.g. 0.871581 rather than 0.8715810179710388.
 */
export function formatScore(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const target = Math.fround(value);
  // If k significant digits read back exactly, so do k+1: binary search for the fewest (9 always do).
  let low = 1;
  let high = 9;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (Math.fround(Number(target.toPrecision(middle))) === target) high = middle;
    else low = middle + 1;
  }
  return String(Number(target.toPrecision(low)));
}
