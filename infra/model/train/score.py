"""Score feature rows with saved models: score.py <csv-without-header> <model> [<model> ...].

Prints one JSON object per model: {"model": path, "scores": [...]}. Used to check the demo
payloads against every committed version (the console itself never needs Python).
"""
import json
import sys

import numpy as np
import xgboost as xgb


def load_rows(path):
    with open(path, encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle if line.strip()]
    return np.array([[float(v) if v else np.nan for v in line.split(",")] for line in lines])


def main(rows_path, model_paths):
    rows = load_rows(rows_path)
    for path in model_paths:
        booster = xgb.Booster(model_file=path)
        scores = booster.predict(xgb.DMatrix(rows, feature_names=booster.feature_names, missing=np.nan))
        print(json.dumps({"model": path, "scores": [round(float(s), 6) for s in scores]}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
