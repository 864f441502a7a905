import { describe, expect, it } from "vitest";
import { toScoredCall, type CapturedCall } from "./captured-rows";
import { joinCalls, type JoinedCall, type JoinStats } from "./join-calls";
import type { ScoredCall } from "./captured-rows";

const call = (joinKey: string, time: number, score = 0.1): ScoredCall => ({
  joinKey,
  time,
  rows: ["1,2"],
  scores: [score],
  explained: false,
});

async function* stream(calls: ScoredCall[]) {
  for (const c of calls) yield await Promise.resolve(c);
}

async function collect(production: ScoredCall[], shadow: ScoredCall[], maxLagMs = 1000, stats?: JoinStats) {
  const out: JoinedCall[] = [];
  for await (const pair of joinCalls(stream(production), stream(shadow), { maxLagMs, stats })) out.push(pair);
  return out;
}

const keys = (pairs: JoinedCall[]) => pairs.map((p) => `${p.production?.joinKey ?? "-"}|${p.shadow?.joinKey ?? "-"}`);

describe("joinCalls", () => {
  it("pairs each production call with its shadow copy, whichever side comes first", async () => {
    const pairs = await collect([call("a", 0), call("b", 10), call("c", 20)], [call("b", 5), call("a", 12), call("c", 25)]);
    expect(keys(pairs)).toEqual(["b|b", "a|a", "c|c"]);
  });

  it("yields calls without a copy once, as soon as they are too old to be matched", async () => {
    const pairs = await collect([call("a", 0), call("b", 5000), call("c", 5100)], [call("b", 5050), call("x", 5200)]);
    expect(keys(pairs)).toEqual(["a|-", "b|b", "c|-", "-|x"]);
  });

  it("matches identical bodies in order, one to one", async () => {
    const pairs = await collect([call("a", 0, 0.1), call("a", 1, 0.2)], [call("a", 2, 0.3), call("a", 3, 0.4)]);
    expect(pairs.map((p) => [p.production?.scores[0], p.shadow?.scores[0]])).toEqual([
      [0.1, 0.3],
      [0.2, 0.4],
    ]);
  });

  it("holds only the calls within the lag, however long the window", async () => {
    const production = Array.from({ length: 10_000 }, (_, i) => call(`p${i}`, i * 10));
    const shadow = Array.from({ length: 10_000 }, (_, i) => call(`p${i}`, i * 10 + 3));
    const stats = { peakPending: 0 };
    const pairs = await collect(production, shadow, 1000, stats);
    expect(pairs.filter((p) => p.production && p.shadow)).toHaveLength(10_000);
    expect(stats.peakPending).toBeLessThan(300);
  });
});

describe("toScoredCall", () => {
  const base: CapturedCall = {
    inferenceId: null,
    inferenceTime: 1000,
    rows: [
      [1, 2],
      [3, null],
    ],
    scores: [0.25, 0.75],
  };

  it("encodes rows as scoring sends them and keys the call by its InferenceId", () => {
    expect(toScoredCall({ ...base, inferenceId: "inf-1" })).toEqual({
      joinKey: "id:inf-1",
      time: 1000,
      rows: ["1,2", "3,"],
      scores: [0.25, 0.75],
      explained: false,
    });
  });

  it("keys a call without an InferenceId by its rows, so a shadow copy of the same request joins it", () => {
    const a = toScoredCall({ ...base, scores: [0.1, 0.2] });
    expect(a?.joinKey).toBe(toScoredCall(base)?.joinKey);
    expect(a?.joinKey).not.toBe(
      toScoredCall({
        ...base,
        rows: [
          [1, 2],
          [3, 4],
        ],
      })?.joinKey,
    );
  });

  it("skips a line with nothing to compare", () => {
    expect(toScoredCall({ ...base, scores: [] })).toBeNull();
  });
});
