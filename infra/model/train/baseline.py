"""Drift baseline over the training data, in the spirit of Model Monitor's statistics.json.

Every feature (and the model's score) gets a histogram with the same binning rule, so a drift
job can bin live values identically: bin index = number of edges <= value (numpy
searchsorted side="right"); missing values are counted apart and never binned.
Numeric features use decile edges of the training values; categorical-encoded and boolean ones
get one bin per code (edges at the half-integers).
"""
import numpy as np

QUANTILES = (0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99)
SCORE_EDGES = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]


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


def feature_statistics(column, spec):
    present = column[~np.isnan(column)]
    stats = {"name": spec["name"], "type": spec["type"], "count": int(len(column)),
             "missing": int(len(column) - len(present)), "missing_rate": _r(1 - len(present) / max(1, len(column)))}
    if spec.get("categories"):
        stats["categories"] = spec["categories"]
    if len(present) == 0:
        return {**stats, "histogram": histogram(present, _edges(np.array([0.0]), spec))}
    quantiles = np.quantile(present, QUANTILES)
    return {
        **stats,
        "mean": _r(present.mean()), "std": _r(present.std()), "min": _r(present.min()), "max": _r(present.max()),
        "quantiles": {f"p{int(q * 100):02d}": _r(v) for q, v in zip(QUANTILES, quantiles)},
        "histogram": histogram(present, _edges(present, spec)),
    }


def build_baseline(X, y, scores, feature_spec):
    return {
        "format": "fraud-console/baseline@1",
        "dataset": {"rows": int(len(y)), "frauds": int(y.sum()), "fraud_rate": _r(y.mean())},
        "binning": "bin index = number of edges <= value; missing values are counted apart",
        "features": [feature_statistics(X[:, i], spec) for i, spec in enumerate(feature_spec)],
        "prediction": {"name": "score", "mean": _r(scores.mean()), "std": _r(scores.std()),
                       "histogram": histogram(scores, SCORE_EDGES)},
    }
