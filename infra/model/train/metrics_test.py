"""Checks the numpy metrics against values worked out by hand (run: /usr/bin/python3 metrics_test.py)."""
import unittest

import numpy as np

import metrics


class MetricsTest(unittest.TestCase):
    def test_roc_auc_counts_ties_half(self):
        labels = np.array([0, 0, 1, 1])
        self.assertAlmostEqual(metrics.roc_auc(labels, np.array([0.1, 0.4, 0.35, 0.8])), 0.75)
        self.assertAlmostEqual(metrics.roc_auc(labels, np.array([0.5, 0.5, 0.5, 0.5])), 0.5)

    def test_average_precision_matches_sklearn_definition(self):
        # sklearn.metrics.average_precision_score([0,0,1,1], [0.1,0.4,0.35,0.8]) == 0.8333...
        labels = np.array([0, 0, 1, 1])
        self.assertAlmostEqual(metrics.pr_auc(labels, np.array([0.1, 0.4, 0.35, 0.8])), 0.833333, places=5)

    def test_recall_at_precision_and_confusion(self):
        labels = np.array([0, 0, 1, 1])
        scores = np.array([0.1, 0.4, 0.35, 0.8])
        at = metrics.recall_at_precision(labels, scores, targets=(0.9,))
        self.assertEqual(at[0]["recall"], 0.5)
        self.assertEqual(at[0]["threshold"], 0.8)
        matrix = metrics.confusion_at(labels, scores, 0.3)
        self.assertEqual((matrix["tp"], matrix["fp"], matrix["tn"], matrix["fn"]), (2, 1, 1, 0))


if __name__ == "__main__":
    unittest.main()
