"""Drift baseline over the training data, in the spirit of Model Monitor's statistics.json.

Every feature (and the model's score) gets a histogram with the same binning rule, so a drift
job can bin live values identically: bin index = number of edges <= value (numpy
searchsorted side="right"); missing values are counted apart and never binned.
Numeric features use decile edges of the training values; categorical-encoded and boolean ones
get one bin per code (edges at the half-integers).

Numeric features and the score also get a `fine` histogram (same binning rule) for the drift job's
Kolmogorov-Smirnov and Wasserstein-1 figures: edges at every 0.1% quantile of the training values,
the decile edges, and a grid of step 2^k <= std/50 from min - 3 std to max + 3 std (at most
MAX_GRID points; the step doubles until it fits). So a bin holds at most ~0.1% of the training
values (apart from ties) and is at most std/50 wide inside the grid, which bounds the binning
error of both statistics (lib/drift/README.md). Grid points are multiples of a power of two, so
they are exact in JSON and in any language that reads it.
"""
import json
import re

import numpy as np

QUANTILES = (0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99)
SCORE_EDGES = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]
FINE_QUANTILES = np.linspace(0.001, 0.999, 999)
GRID_STD_FRACTION = 50
GRID_EXTENSION_STD = 3
MAX_GRID = 4000


def _r(value):
    return round(float(value), 6)


def _edges(values, spec):
    if spec["type"] == "numeric":
        return [_r(e) for e in np.unique(np.quantile(values, np.linspace(0.1, 0.9, 9)))]
    codes = len(spec.get("categories") or []) or 2
    return [code + 0.5 for code in range(codes - 1)]


def histogram(values, edges):
    counts = np.bincount(np.searchsorted(np.asarray(edges), values, side="right"), minlength=len(edges) + 1)
    total = max(1, len(values))
    return {"edges": edges, "counts": counts.tolist(), "fractions": [_r(c / total) for c in counts]}


def fine_edges(present, coarse_edges):
    std = float(present.std())
    lo, hi = float(present.min()), float(present.max())
    edges = {_r(e) for e in np.quantile(present, FINE_QUANTILES)} | {float(e) for e in coarse_edges}
    if std > 0:
        step = 2.0 ** np.floor(np.log2(std / GRID_STD_FRACTION))
        while True:
            start = np.floor((lo - GRID_EXTENSION_STD * std) / step)
            stop = np.ceil((hi + GRID_EXTENSION_STD * std) / step)
            if stop - start <= MAX_GRID:
                break
            step *= 2
        edges |= {float(k * step) for k in np.arange(start, stop + 1)}
    return sorted(edges)


def fine_histogram(present, coarse_edges):
    edges = fine_edges(present, coarse_edges)
    counts = np.bincount(np.searchsorted(np.asarray(edges), present, side="right"), minlength=len(edges) + 1)
    return {"edges": edges, "counts": counts.tolist()}


def feature_statistics(column, spec):
    present = column[~np.isnan(column)]
    stats = {"name": spec["name"], "type": spec["type"], "count": int(len(column)),
             "missing": int(len(column) - len(present)), "missing_rate": _r(1 - len(present) / max(1, len(column)))}
    if spec.get("categories"):
        stats["categories"] = spec["categories"]
    if len(present) == 0:
        return {**stats, "histogram": histogram(present, _edges(np.array([0.0]), spec))}
    quantiles = np.quantile(present, QUANTILES)
    edges = _edges(present, spec)
    stats = {
        **stats,
        "mean": _r(present.mean()), "std": _r(present.std()), "min": _r(present.min()), "max": _r(present.max()),
        "quantiles": {f"p{int(q * 100):02d}": _r(v) for q, v in zip(QUANTILES, quantiles)},
        "histogram": histogram(present, edges),
    }
    if spec["type"] == "numeric":
        stats["fine"] = fine_histogram(present, edges)
    return stats


def build_baseline(X, y, scores, feature_spec):
    return {
        "format": "fraud-console/baseline@1",
        "dataset": {"rows": int(len(y)), "frauds": int(y.sum()), "fraud_rate": _r(y.mean())},
        "binning": "bin index = number of edges <= value; missing values are counted apart",
        "features": [feature_statistics(X[:, i], spec) for i, spec in enumerate(feature_spec)],
        "prediction": {"name": "score", "mean": _r(scores.mean()), "std": _r(scores.std()),
                       "min": _r(scores.min()), "max": _r(scores.max()),
                       "histogram": histogram(scores, SCORE_EDGES),
                       "fine": fine_histogram(scores, SCORE_EDGES)},
    }


def dumps(document):
    """JSON with arrays of numbers on one line each: the fine histograms hold thousands of numbers."""
    text = json.dumps(document, indent=2)
    return re.sub(r"\[\s*([-+0-9.eE,\s]+?)\s*\]", lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]", text) + "\n"
