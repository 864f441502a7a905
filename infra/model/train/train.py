"""Train the fraud model: SageMaker script-mode entry point.

Reads channels from SM_CHANNEL_TRAIN / SM_CHANNEL_VALIDATION (and SM_CHANNEL_TEST, the held-out
split the evaluation is computed on; validation is used when it is absent), takes hyperparameters
as arguments (as the SageMaker training toolkit passes them: `--name value`), and writes the model
to SM_MODEL_DIR (SageMaker packs it as model.tar.gz) and the reports to SM_OUTPUT_DATA_DIR
(packed as output.tar.gz; without SM_OUTPUT_DATA_DIR, e.g. `npm run model:train`, they go beside
the model):
  xgboost-model    the booster in XGBoost JSON, carrying its feature_names (from the CSV header)
  evaluation.json  ROC-AUC, PR-AUC, recall at fixed precision, confusion matrices, curves, and
                   (annotate.py) its context and the production version's figures on the same split
  baseline.json    per-feature statistics and histograms of the training data, for drift
  model-card.json  version, description, hyperparameters, training rows, fraud rate, features
Deterministic: fixed seed, fixed thread count, hist trees. One thread by default: on a busy
2-core machine a second thread made training four times slower, not faster.
The production version to compare with (annotate.py's champion block) comes from --champion_model
or, in a training job, from an optional `champion` channel holding its xgboost-model or
model.tar.gz. Arguments the script does not know are ignored, as the toolkit may pass more.
"""
import argparse
import glob
import json
import os
import tarfile
import tempfile
import time

import numpy as np
import xgboost as xgb

import annotate
import baseline
import dataset
import metrics

HYPERPARAMETERS = {
    "num_round": (int, 200), "max_depth": (int, 5), "eta": (float, 0.1), "subsample": (float, 0.8),
    "colsample_bytree": (float, 0.8), "min_child_weight": (float, 5.0), "gamma": (float, 0.0),
    "reg_lambda": (float, 1.0), "max_bin": (int, 256), "seed": (int, 42), "nthread": (int, 1),
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name, (kind, default) in HYPERPARAMETERS.items():
        parser.add_argument(f"--{name}", type=kind, default=default)
    env = os.environ.get
    parser.add_argument("--model_dir", default=env("SM_MODEL_DIR", "/opt/ml/model"))
    parser.add_argument("--output_data_dir", default=env("SM_OUTPUT_DATA_DIR"))
    parser.add_argument("--train", default=env("SM_CHANNEL_TRAIN"))
    parser.add_argument("--validation", default=env("SM_CHANNEL_VALIDATION"))
    parser.add_argument("--test", default=env("SM_CHANNEL_TEST"))
    # Registry metadata, passed like hyperparameters so the card is reproducible.
    parser.add_argument("--model_package_group", default="fraud")
    # Unset for a retraining job: the registry assigns the version when the job's output is registered.
    parser.add_argument("--version", type=int, default=None)
    parser.add_argument("--description", default="")
    parser.add_argument("--created", default="2026-01-01T00:00:00Z")
    annotate.add_context_arguments(parser)
    args = parser.parse_args()
    if not args.train or not args.validation:
        parser.error("train and validation channels are required (SM_CHANNEL_TRAIN, SM_CHANNEL_VALIDATION)")
    if not args.champion_model and env("SM_CHANNEL_CHAMPION"):
        args.champion_model = champion_from_channel(env("SM_CHANNEL_CHAMPION"))
    args.output_data_dir = args.output_data_dir or args.model_dir
    return args


def champion_from_channel(channel_dir):
    """The champion's xgboost-model from its channel: the bare file, or inside a model.tar.gz."""
    found = glob.glob(os.path.join(channel_dir, "**", "xgboost-model"), recursive=True)
    if found:
        return sorted(found)[0]
    archives = sorted(glob.glob(os.path.join(channel_dir, "**", "*.tar.gz"), recursive=True))
    if not archives:
        raise FileNotFoundError(f"champion channel {channel_dir} holds no xgboost-model or model.tar.gz")
    target = tempfile.mkdtemp(prefix="champion-")
    with tarfile.open(archives[0], "r:gz") as tar:
        member = next((m for m in tar.getmembers() if os.path.basename(m.name) == "xgboost-model" and m.isfile()), None)
        if member is None:
            raise FileNotFoundError(f"{archives[0]} holds no xgboost-model")
        with open(os.path.join(target, "xgboost-model"), "wb") as out:
            out.write(tar.extractfile(member).read())
    return os.path.join(target, "xgboost-model")


def train(args, names, X, y):
    params = {
        "objective": "binary:logistic", "tree_method": "hist",
        # Start from the observed fraud rate so the SHAP base value means something.
        "base_score": float(y.mean()),
        **{k: getattr(args, k) for k in HYPERPARAMETERS if k not in ("num_round", "reg_lambda")},
        "lambda": args.reg_lambda,
    }
    dtrain = xgb.DMatrix(X, label=y, feature_names=names, missing=np.nan)
    return xgb.train(params, dtrain, num_boost_round=args.num_round), params


def predict(booster, names, X):
    return booster.predict(xgb.DMatrix(X, feature_names=names, missing=np.nan))


def write_json(directory, name, document):
    with open(os.path.join(directory, name), "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=2)
        handle.write("\n")


def model_card(args, params, names, y, y_val, evaluation):
    return {
        "model_package_group": args.model_package_group, "version": args.version,
        "description": args.description, "created": args.created,
        "framework": "xgboost", "framework_version": xgb.__version__, "objective": "binary:logistic",
        "content_type": "text/csv", "hyperparameters": {"num_round": args.num_round, **params},
        "training": {"rows": int(len(y)), "frauds": int(y.sum()), "fraud_rate": round(float(y.mean()), 6),
                     "validation_rows": int(len(y_val)), "window": args.training_window},
        "evaluation": {k: evaluation[k] for k in ("dataset", "roc_auc", "pr_auc")},
        "feature_names": list(names),
    }


def main():
    args = parse_args()
    started = time.time()
    names, X, y = dataset.load_channel(args.train)
    val_names, X_val, y_val = dataset.load_channel(args.validation)
    if val_names != names:
        raise ValueError("validation header differs from train header")
    if len(np.unique(y)) < 2:
        raise ValueError(f"the train channel needs both classes: its {len(y)} rows are all labelled {int(y[0])}")
    spec = dataset.load_feature_spec(args.train, names)
    booster, params = train(args, names, X, y)

    held_out = "test" if args.test else "validation"
    test_names, X_test, y_test = dataset.load_channel(args.test) if args.test else (names, X_val, y_val)
    if test_names != names:
        raise ValueError("test header differs from train header")
    evaluation = {"dataset": held_out, **metrics.evaluate(y_test, predict(booster, names, X_test))}
    validation = metrics.evaluate(y_val, predict(booster, names, X_val))
    evaluation["validation"] = {k: validation[k] for k in ("rows", "frauds", "roc_auc", "pr_auc")}
    # Champion-challenger on the same held-out rows: production's figures beside the candidate's.
    evaluation = annotate.annotate(evaluation, args, names, X_test, y_test)

    os.makedirs(args.model_dir, exist_ok=True)
    os.makedirs(args.output_data_dir, exist_ok=True)
    with open(os.path.join(args.model_dir, "xgboost-model"), "wb") as handle:
        handle.write(booster.save_raw(raw_format="json"))
    write_json(args.output_data_dir, "evaluation.json", evaluation)
    with open(os.path.join(args.output_data_dir, "baseline.json"), "w", encoding="utf-8") as handle:
        handle.write(baseline.dumps(baseline.build_baseline(X, y, predict(booster, names, X), spec)))
    write_json(args.output_data_dir, "model-card.json", model_card(args, params, names, y, y_val, evaluation))
    candidate = f"v{args.version}" if args.version is not None else "candidate"
    print(f"{args.model_package_group} {candidate}: {held_out} ROC-AUC {evaluation['roc_auc']:.4f} "
          f"PR-AUC {evaluation['pr_auc']:.4f} ({len(y)} rows, {time.time() - started:.1f}s)")


if __name__ == "__main__":
    main()
