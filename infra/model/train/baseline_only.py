"""Rewrite a committed version's baseline.json from its training channel and its saved model.

For a change to the baseline's format (e.g. the fine histograms) without retraining: the model
file is only read, and train.py writes the same document (baseline.build_baseline) when it trains.
Usage: baseline_only.py <train channel dir> <model dir>   (reads <model dir>/xgboost-model)
"""
import os
import sys

import numpy as np
import xgboost as xgb

import baseline
import dataset


def main():
    channel, model_dir = sys.argv[1], sys.argv[2]
    names, X, y = dataset.load_channel(channel)
    spec = dataset.load_feature_spec(channel, names)
    booster = xgb.Booster(params={"nthread": 1})
    booster.load_model(os.path.join(model_dir, "xgboost-model"))
    if list(booster.feature_names or []) != list(names):
        raise ValueError("the model's feature names differ from the channel's header")
    scores = booster.predict(xgb.DMatrix(X, feature_names=names, missing=np.nan))
    with open(os.path.join(model_dir, "baseline.json"), "w", encoding="utf-8") as handle:
        handle.write(baseline.dumps(baseline.build_baseline(X, y, scores, spec)))
    print(f"{model_dir}: baseline.json rewritten ({len(y)} rows)")


if __name__ == "__main__":
    main()
