"""What an evaluation needs beside the candidate's own figures, for the console's approval gates.

- ``context``: when it was evaluated and on which data (training window, test window).
- ``champion``: the production version's figures **on the candidate's held-out split** — the
  champion–challenger comparison the console's gate reads ("the same held-out evaluation"). The
  champion's own evaluation.json was computed on *its* test split, which for a retrain from newer
  data is not the candidate's: so the champion model is scored again here, never copied.

Run alone to (re)annotate an existing evaluation without retraining (the committed artifacts):
  annotate.py <evaluation.json> <test channel> [--champion_model M --champion_version N] [context options]
"""
import argparse
import json

import numpy as np
import xgboost as xgb

import dataset
import metrics


def champion_block(model_path, version, names, X_test, y_test):
    """Scores the champion model on the candidate's test rows (same columns, checked)."""
    booster = xgb.Booster(model_file=model_path)
    if list(booster.feature_names or []) != list(names):
        raise ValueError(f"champion {model_path} was trained on other features than the candidate's test split")
    scores = booster.predict(xgb.DMatrix(X_test, feature_names=names, missing=np.nan))
    figures = metrics.evaluate(y_test.astype(int), scores)
    return {
        "version": int(version),
        "dataset": "candidate test split",
        "rows": figures["rows"],
        "roc_auc": figures["roc_auc"],
        "pr_auc": figures["pr_auc"],
        "recall_at_precision": figures["recall_at_precision"],
    }


def context_block(args):
    return {
        "evaluated_at": args.evaluated_at or getattr(args, "created", None),
        "training_window": {"from": args.training_from, "to": args.training_to, "description": args.training_window},
        "test_window": {"from": args.test_from, "to": args.test_to},
    }


def add_context_arguments(parser):
    parser.add_argument("--evaluated_at", default=None, help="defaults to --created where there is one")
    parser.add_argument("--training_window", default="")
    parser.add_argument("--training_from", default=None)
    parser.add_argument("--training_to", default=None)
    parser.add_argument("--test_from", default=None)
    parser.add_argument("--test_to", default=None)
    parser.add_argument("--champion_model", default=None, help="the production version's xgboost-model, if any")
    parser.add_argument("--champion_version", type=int, default=None)


def annotate(evaluation, args, names, X_test, y_test):
    """The evaluation with its context and (when a production version exists) its champion block."""
    annotated = {k: v for k, v in evaluation.items() if k not in ("context", "champion")}
    annotated["context"] = context_block(args)
    if args.champion_model:
        annotated["champion"] = champion_block(args.champion_model, args.champion_version, names, X_test, y_test)
    return annotated


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("evaluation")
    parser.add_argument("test")
    add_context_arguments(parser)
    args = parser.parse_args()
    names, X_test, y_test = dataset.load_channel(args.test)
    with open(args.evaluation, encoding="utf-8") as handle:
        evaluation = json.load(handle)
    if evaluation.get("rows") != len(y_test):
        raise ValueError(f"{args.evaluation} was computed on {evaluation.get('rows')} rows, the test channel has {len(y_test)}")
    with open(args.evaluation, "w", encoding="utf-8") as handle:
        json.dump(annotate(evaluation, args, names, X_test, y_test), handle, indent=2)
        handle.write("\n")


if __name__ == "__main__":
    main()
