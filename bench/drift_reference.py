"""The Evidently way, as a reference for npm run bench:drift: load the window's capture and the
training data into pandas DataFrames, compute the same statistics with scipy on the raw values.

Usage: drift_reference.py <capture dir> <training csv> <baseline.json> <ours.json>
Prints one JSON line: seconds, peak RSS and the largest difference from our figures per statistic.
"""
import glob
import io
import json
import os
import resource
import sys
import time

import numpy as np
import pandas as pd
from scipy.spatial.distance import jensenshannon
from scipy.stats import chisquare, ks_2samp, wasserstein_distance

FLOOR = 0.0001


def psi(expected, actual):
    e = np.maximum(FLOOR, expected / expected.sum())
    a = np.maximum(FLOOR, actual / actual.sum())
    return float(np.sum((a - e) * np.log(a / e)))


def load_window(capture_dir, names):
    records = []
    for path in sorted(glob.glob(os.path.join(capture_dir, "**", "*.jsonl"), recursive=True)):
        variant = path[len(capture_dir):].strip("/").split("/")[0]
        frame = pd.read_json(path, lines=True)
        inputs = frame["captureData"].map(lambda c: c["endpointInput"]["data"])
        outputs = frame["captureData"].map(lambda c: c["endpointOutput"]["data"])
        rows = pd.read_csv(io.StringIO("\n".join(inputs)), header=None, names=names)
        rows["score"] = pd.to_numeric(outputs).to_numpy()
        rows["variant"] = variant
        records.append(rows)
    return pd.concat(records, ignore_index=True)


def statistics(base, live, spec):
    figures = {}
    for f in spec["features"]:
        name = f["name"]
        b, l = base[name].to_numpy(dtype=float), live[name].to_numpy(dtype=float)
        bp, lp = b[~np.isnan(b)], l[~np.isnan(l)]
        out = {"missingRate": float(np.isnan(l).mean() - np.isnan(b).mean())}
        if f["type"] == "numeric":
            edges = np.asarray(f["histogram"]["edges"])
            out["psi"] = psi(np.append(np.bincount(np.searchsorted(edges, bp, side="right"), minlength=len(edges) + 1), np.isnan(b).sum()),
                             np.append(np.bincount(np.searchsorted(edges, lp, side="right"), minlength=len(edges) + 1), np.isnan(l).sum()))
            if len(bp) and len(lp):
                out["ks"] = float(ks_2samp(bp, lp).statistic)
                out["wasserstein"] = float(wasserstein_distance(lp, bp) / bp.std())
                out["meanShift"] = float(abs(lp.mean() - bp.mean()) / abs(bp.mean())) if bp.mean() != 0 else None
        else:
            size = max(len(f.get("categories") or []), 2)
            bc = np.bincount(bp.astype(int), minlength=size)[:size].astype(float)
            lc = np.bincount(lp.astype(int), minlength=size)[:size].astype(float)
            seen = bc > 0
            out["psi"] = psi(np.append(bc[seen], np.isnan(b).sum()), np.append(lc[seen], np.isnan(l).sum()))
            out["js"] = float(jensenshannon(bc[seen], lc[seen], base=2))
            out["chiSquare"] = float(chisquare(lc[seen], bc[seen] / bc[seen].sum() * lc[seen].sum()).statistic)
            out["unseenShare"] = float(lc[~seen].sum() / max(1, len(lp)))
        figures[name] = out
    return figures


def main():
    capture_dir, training_csv, baseline_path, ours_path = sys.argv[1:5]
    with open(baseline_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    names = [f["name"] for f in spec["features"]]
    started = time.perf_counter()
    base = pd.read_csv(training_csv)
    window = load_window(capture_dir, names)
    live = window[window["variant"] == "production"]
    figures = statistics(base, live, spec)
    seconds = time.perf_counter() - started
    with open(ours_path, encoding="utf-8") as handle:
        ours = {f["feature"]: f for f in json.load(handle)["result"]["features"]}
    largest = {}
    for name, ref in figures.items():
        for stat, value in ref.items():
            mine = ours[name].get(stat)
            if stat == "missingRate":
                mine = ours[name]["missingRate"]["change"]
            if value is None or mine is None:
                continue
            diff = abs(mine - value) / (max(1.0, abs(value)) if stat == "chiSquare" else 1.0)
            if diff >= largest.get(stat, {"diff": -1})["diff"]:
                largest[stat] = {"diff": diff, "feature": name, "ours": mine, "reference": value}
    print(json.dumps({"seconds": seconds, "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "rows": int(len(window)), "compared": int(len(live)), "largest": largest}))


if __name__ == "__main__":
    main()
