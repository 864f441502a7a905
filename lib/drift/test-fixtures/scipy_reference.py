"""Reference drift statistics from scipy for lib/drift/statistics.scipy.test.ts.

Generates seeded samples, bins them with the training script's own fine histogram
(infra/model/train/baseline.py) and writes, per case, the samples, the bins and scipy's figures:
on the raw values (ks_2samp, wasserstein_distance) and on the same bins as ours (ks_2samp on bin
indices, wasserstein_distance on bin midpoints weighted by counts, jensenshannon, chisquare).
Usage: scipy_reference.py <out.json>
"""
import json
import os
import sys

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import chisquare, ks_2samp, wasserstein_distance

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "infra", "model", "train"))
import baseline  # noqa: E402


def midpoints(edges, lo, hi):
    n = len(edges)
    out = []
    for i in range(n + 1):
        left = min(lo, edges[0]) if i == 0 else edges[i - 1]
        right = max(hi, edges[-1]) if i == n else edges[i]
        out.append((left + right) / 2)
    return np.array(out)


def numeric_case(name, base, live):
    present = live[~np.isnan(live)]
    coarse = baseline._edges(base, {"type": "numeric"})
    fine = baseline.fine_histogram(base, coarse)
    edges = np.asarray(fine["edges"])
    live_bins = np.searchsorted(edges, present, side="right")
    base_bins = np.searchsorted(edges, base, side="right")
    live_counts = np.bincount(live_bins, minlength=len(edges) + 1)
    lo, hi = min(base.min(), present.min()), max(base.max(), present.max())
    mids = midpoints(fine["edges"], lo, hi)
    std = base.std()
    return {
        "name": name,
        "base": base.tolist(),
        "live": [None if np.isnan(v) else float(v) for v in live],
        "baseline": {"mean": float(base.mean()), "std": float(std), "min": float(base.min()), "max": float(base.max()),
                     "coarse": baseline.histogram(base, coarse), "fine": fine},
        "ks_raw": float(ks_2samp(base, present).statistic),
        "ks_bins": float(ks_2samp(base_bins, live_bins).statistic),
        "w1_raw": float(wasserstein_distance(present, base) / std),
        "w1_bins": float(wasserstein_distance(mids, mids, np.asarray(fine["counts"]), live_counts) / std),
    }


def categorical_case(name, base_counts, live_counts):
    base_counts = np.asarray(base_counts, dtype=float)
    live_counts = np.asarray(live_counts, dtype=float)
    seen = base_counts > 0
    observed = live_counts[seen]
    expected = base_counts[seen] / base_counts[seen].sum() * observed.sum()
    return {
        "name": name,
        "base_counts": base_counts.astype(int).tolist(),
        "live_counts": live_counts.astype(int).tolist(),
        "js": float(jensenshannon(base_counts[seen], observed, base=2)),
        "chi_square": float(chisquare(observed, expected).statistic),
    }


def main():
    rng = np.random.default_rng(20261201)
    shifted = rng.lognormal(4.3, 1.1, 15000)
    shifted[rng.random(15000) < 0.05] = np.nan
    cases = {
        "numeric": [
            numeric_case("lognormal, shifted", rng.lognormal(4, 1, 20000), shifted),
            numeric_case("lognormal, same law", rng.lognormal(4, 1, 20000), rng.lognormal(4, 1, 12000)),
            numeric_case("normal, scaled", rng.normal(10, 3, 20000), rng.normal(10.5, 4, 8000)),
            numeric_case("counts (ties)", rng.poisson(1.5, 20000).astype(float), rng.poisson(2.5, 9000).astype(float)),
        ],
        "categorical": [
            categorical_case("shifted mix", rng.multinomial(20000, [0.5, 0.3, 0.15, 0.05]), rng.multinomial(9000, [0.35, 0.35, 0.2, 0.1])),
            categorical_case("same mix", rng.multinomial(20000, [0.5, 0.3, 0.2]), rng.multinomial(9000, [0.5, 0.3, 0.2])),
            categorical_case("a category training never saw", [700, 300, 0], [500, 300, 200]),
        ],
    }
    with open(sys.argv[1], "w", encoding="utf-8") as handle:
        json.dump(cases, handle)


if __name__ == "__main__":
    main()
