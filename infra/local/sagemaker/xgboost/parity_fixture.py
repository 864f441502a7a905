"""Trains small XGBoost models on synthetic data and writes what XGBoost itself predicts for them.

Usage: /usr/bin/python3 parity_fixture.py OUT_DIR

For each case it writes OUT_DIR/<case>/model.json plus raw little-endian float64 matrices:
  X.f64        evaluation rows (n_rows x n_features, NaN = missing)
  pred.f64     predict()                       (n_rows)
  margin.f64   predict(output_margin=True)     (n_rows)
  contribs.f64 predict(pred_contribs=True)     (n_rows x (n_features + 1), last column = bias)
and OUT_DIR/manifest.json listing the cases. Seeds are fixed, so the output is reproducible.
"""
import json
import os
import sys

import numpy as np
import xgboost as xgb

CASES = [
    # name, features, train rows, params, rounds, missing-value rate per feature (0 = none)
    dict(name="plain", n_features=10, n_train=4000, rounds=60, missing=0.0,
         params=dict(max_depth=4, eta=0.3)),
    dict(name="missing", n_features=12, n_train=4000, rounds=120, missing=0.3,
         params=dict(max_depth=6, eta=0.2)),
    dict(name="deep", n_features=16, n_train=6000, rounds=200, missing=0.05,
         params=dict(max_depth=8, eta=0.05, tree_method="hist")),
    dict(name="base-score", n_features=8, n_train=3000, rounds=80, missing=0.0, names=True,
         params=dict(max_depth=5, eta=0.2, base_score=0.15)),
    dict(name="reg-logistic", n_features=6, n_train=2000, rounds=30, missing=0.1,
         params=dict(max_depth=3, objective="reg:logistic", base_score=0.4)),
    dict(name="logitraw", n_features=6, n_train=2000, rounds=30, missing=0.1,
         params=dict(max_depth=3, objective="binary:logitraw", base_score=0.3)),
    dict(name="parallel-trees", n_features=8, n_train=3000, rounds=15, missing=0.1,
         params=dict(max_depth=4, num_parallel_tree=3, subsample=0.7, colsample_bynode=0.7)),
]
N_EVAL = 1000


def make_data(rng, n_rows, n_features, missing):
    x = rng.normal(size=(n_rows, n_features))
    x[:, 1] = rng.integers(0, 5, size=n_rows)  # a discrete feature: many rows sit on split values
    logit = 1.5 * x[:, 0] - x[:, 1] * 0.4 + np.sin(2 * x[:, 2]) + x[:, 3] * x[:, 4] - 0.5
    y = (rng.random(n_rows) < 1 / (1 + np.exp(-logit))).astype(np.float32)
    if missing > 0:
        # Missingness in every other feature, at rates up to `missing`, so default directions matter.
        for j in range(0, n_features, 2):
            x[rng.random(n_rows) < missing * (0.5 + j / (2 * n_features)), j] = np.nan
    return x, y


def threshold_rows(booster, n_features, rng, count):
    """Rows whose values lie just below a float32 split condition in float64: XGBoost rounds them
    to float32 (equal to the condition, so they go right) while a float64 comparison goes left."""
    trees = json.loads(booster.save_raw("json"))["learner"]["gradient_booster"]["model"]["trees"]
    splits = [(f, c) for t in trees for f, c, l in
              zip(t["split_indices"], t["split_conditions"], t["left_children"]) if l != -1]
    rows = rng.normal(size=(count, n_features))
    for r in range(count):
        for _ in range(3):
            f, c = splits[rng.integers(len(splits))]
            rows[r, f] = np.nextafter(np.float64(np.float32(c)), -np.inf)
    return rows


def run_case(case, out_dir, seed):
    rng = np.random.default_rng(seed)
    n = case["n_features"]
    x, y = make_data(rng, case["n_train"] + N_EVAL, n, case["missing"])
    names = [f"f{j}_name" for j in range(n)] if case.get("names") else None
    params = {"objective": "binary:logistic", "seed": seed, "nthread": 2, **case["params"]}
    train = xgb.DMatrix(x[: case["n_train"]], label=y[: case["n_train"]], feature_names=names)
    booster = xgb.train(params, train, num_boost_round=case["rounds"])

    x_eval = x[case["n_train"]:]
    x_eval = np.vstack([x_eval, threshold_rows(booster, n, rng, 100), np.full((1, n), np.nan)])
    dm = xgb.DMatrix(x_eval, feature_names=names)
    case_dir = os.path.join(out_dir, case["name"])
    os.makedirs(case_dir, exist_ok=True)
    booster.save_model(os.path.join(case_dir, "model.json"))
    outputs = dict(
        X=x_eval,
        pred=booster.predict(dm),
        margin=booster.predict(dm, output_margin=True),
        contribs=booster.predict(dm, pred_contribs=True),
    )
    for key, value in outputs.items():
        np.ascontiguousarray(value, dtype="<f8").tofile(os.path.join(case_dir, f"{key}.f64"))
    return dict(name=case["name"], n_rows=len(x_eval), n_features=n,
                objective=params["objective"], trees=len(booster.get_dump()))


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    manifest = [run_case(case, out_dir, seed) for seed, case in enumerate(CASES, start=11)]
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump(dict(xgboost=xgb.__version__, cases=manifest), f, indent=1)


if __name__ == "__main__":
    main()
