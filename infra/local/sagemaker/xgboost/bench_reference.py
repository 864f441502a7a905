"""Times XGBoost's own predict and pred_contribs on the rows the TypeScript benchmark used.

Usage: /usr/bin/python3 bench_reference.py MODEL ROWS_F32 N_ROWS N_FEATURES N_SHAP_ROWS OUT_DIR

ROWS_F32 is a row-major little-endian float32 matrix (NaN = missing). Prints one JSON object of
microseconds per row (per-row calls on 1 thread; whole batches on 1 and 2 threads); times exclude Python start-up and model loading. Writes XGBoost's outputs to
OUT_DIR/pred.f64 and OUT_DIR/contribs.f64 so the benchmark can check both sides agree.
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb


def per_row(fn, rows):
    fn(rows[:1])  # warm-up
    start = time.perf_counter()
    for i in range(len(rows)):
        fn(rows[i:i + 1])
    return (time.perf_counter() - start) / len(rows) * 1e6


def batch(fn, rows):
    fn(rows[:16])
    start = time.perf_counter()
    out = fn(rows)
    return (time.perf_counter() - start) / len(rows) * 1e6, out


def main():
    model_path, rows_path, n_rows, n_features, n_shap, out_dir = sys.argv[1:7]
    rows = np.fromfile(rows_path, dtype="<f4").reshape(int(n_rows), int(n_features))
    shap_rows = rows[: int(n_shap)]
    booster = xgb.Booster()
    booster.load_model(model_path)
    names = booster.feature_names  # the DMatrix must carry them when the model has them
    predict = lambda r: booster.predict(xgb.DMatrix(r, feature_names=names))
    contribs = lambda r: booster.predict(xgb.DMatrix(r, feature_names=names), pred_contribs=True)
    # One row per call is how an endpoint serves; a second thread only adds overhead there.
    booster.set_param({"nthread": 1})
    timings = dict(
        predict_row=per_row(predict, rows[: min(len(rows), 1000)]),
        inplace_row=per_row(booster.inplace_predict, rows[: min(len(rows), 1000)]),
        shap_row=per_row(contribs, shap_rows),
    )
    for threads in (1, 2):
        booster.set_param({"nthread": threads})
        timings[f"predict_batch_{threads}"], pred = batch(predict, rows)
        timings[f"shap_batch_{threads}"], shap = batch(contribs, shap_rows)
    np.ascontiguousarray(pred, dtype="<f8").tofile(f"{out_dir}/pred.f64")
    np.ascontiguousarray(shap, dtype="<f8").tofile(f"{out_dir}/contribs.f64")
    print(json.dumps(dict(xgboost=xgb.__version__, timings=timings)))


if __name__ == "__main__":
    main()
