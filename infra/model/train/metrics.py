"""Classification metrics in plain numpy (no scikit-learn on this image).

Conventions follow scikit-learn so the figures can be cross-checked: ROC-AUC is the Mann-Whitney
statistic with tied scores counted half; PR-AUC is average precision (step-wise, no interpolation);
a transaction is flagged when score >= threshold.
"""
import numpy as np

THRESHOLDS = (0.1, 0.2, 0.3, 0.5, 0.7, 0.9)
TARGET_PRECISIONS = (0.5, 0.8, 0.9)
CURVE_POINTS = 51


def _average_ranks(values):
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    # Start index of each run of equal values; ties share the mean of their 1-based ranks.
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    ends = np.r_[starts[1:], len(values)]
    mean_rank = (starts + ends + 1) / 2.0
    ranks = np.empty(len(values))
    ranks[order] = np.repeat(mean_rank, ends - starts)
    return ranks


def roc_auc(labels, scores):
    positives = labels == 1
    n_pos, n_neg = int(positives.sum()), int((~positives).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC-AUC needs both classes")
    rank_sum = _average_ranks(scores)[positives].sum()
    return float((rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def _operating_points(labels, scores):
    """Cumulative TP/FP when flagging everything at or above each distinct score, highest first."""
    order = np.argsort(-scores, kind="mergesort")
    s, y = scores[order], labels[order]
    last_of_run = np.r_[s[1:] != s[:-1], True]
    tp = np.cumsum(y)[last_of_run]
    fp = np.cumsum(1 - y)[last_of_run]
    return s[last_of_run], tp.astype(float), fp.astype(float)


def pr_auc(labels, scores):
    _, tp, fp = _operating_points(labels, scores)
    precision = tp / (tp + fp)
    recall = tp / tp[-1]
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def recall_at_precision(labels, scores, targets=TARGET_PRECISIONS):
    thresholds, tp, fp = _operating_points(labels, scores)
    precision = tp / (tp + fp)
    recall = tp / tp[-1]
    result = []
    for target in targets:
        ok = np.flatnonzero(precision >= target)
        if len(ok) == 0:
            result.append({"precision": target, "recall": 0.0, "threshold": None})
            continue
        best = ok[np.argmax(recall[ok])]
        result.append({"precision": target, "recall": _r(recall[best]), "threshold": _r(thresholds[best])})
    return result


def confusion_at(labels, scores, threshold):
    flagged = scores >= threshold
    fraud = labels == 1
    tp = int(np.sum(flagged & fraud))
    fp = int(np.sum(flagged & ~fraud))
    fn = int(np.sum(~flagged & fraud))
    tn = int(np.sum(~flagged & ~fraud))
    return {
        "threshold": threshold,
        "tp": tp, "fp": fp, "tn": tn, "fn": fn,
        "precision": _r(tp / (tp + fp)) if tp + fp else None,
        "recall": _r(tp / (tp + fn)) if tp + fn else None,
        "false_positive_rate": _r(fp / (fp + tn)) if fp + tn else None,
        "flagged_rate": _r((tp + fp) / len(labels)),
    }


def _sample(points):
    """Keep a chart-sized curve: evenly spaced points including both ends."""
    idx = np.unique(np.linspace(0, len(points) - 1, CURVE_POINTS).round().astype(int))
    return [[_r(a), _r(b)] for a, b in points[idx]]


def curves(labels, scores):
    _, tp, fp = _operating_points(labels, scores)
    tpr = tp / tp[-1]
    fpr = fp / fp[-1]
    precision = tp / (tp + fp)
    roc = np.column_stack([np.r_[0.0, fpr], np.r_[0.0, tpr]])
    pr = np.column_stack([tpr, precision])
    return {"roc_curve": _sample(roc), "pr_curve": _sample(pr)}


def evaluate(labels, scores):
    labels = labels.astype(int)
    return {
        "rows": int(len(labels)),
        "frauds": int(labels.sum()),
        "fraud_rate": _r(labels.mean()),
        "roc_auc": _r(roc_auc(labels, scores)),
        "pr_auc": _r(pr_auc(labels, scores)),
        "recall_at_precision": recall_at_precision(labels, scores),
        "confusion_matrices": [confusion_at(labels, scores, t) for t in THRESHOLDS],
        **curves(labels, scores),
    }


def _r(value):
    return round(float(value), 6)
