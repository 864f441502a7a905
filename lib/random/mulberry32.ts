/**
 * mulberry32: a tiny seeded PRNG for the emulator's bench rows and sampling and for tests' generated
 * cases, so they are the same on every run. (The simulator's own, infra/model/simulator/random.ts, is
 * richer than these need.)
 */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
