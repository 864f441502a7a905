"""The fine histogram's promises (lib/drift relies on them for its binning error bounds)."""
import unittest

import numpy as np

import baseline


class FineHistogramTest(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(3)
        self.values = np.concatenate([rng.lognormal(4, 1, 20000), rng.integers(0, 5, 5000).astype(float)])
        self.coarse = baseline._edges(self.values, {"type": "numeric"})
        self.fine = baseline.fine_histogram(self.values, self.coarse)

    def test_holds_the_decile_edges_and_counts_every_value(self):
        self.assertTrue(set(self.coarse) <= set(self.fine["edges"]))
        self.assertEqual(sum(self.fine["counts"]), len(self.values))
        self.assertEqual(len(self.fine["counts"]), len(self.fine["edges"]) + 1)
        self.assertEqual(self.fine["edges"], sorted(set(self.fine["edges"])))

    def test_a_bin_holds_at_most_a_thousandth_apart_from_ties(self):
        values = self.values[self.values > 5]  # no ties above the integer atoms
        edges = np.asarray(self.fine["edges"])
        counts = np.bincount(np.searchsorted(edges, values, side="right"), minlength=len(edges) + 1)
        self.assertLessEqual(counts.max() / len(self.values), 0.0011)

    def test_inside_the_grid_a_bin_is_at_most_std_over_50_wide(self):
        edges = np.asarray(self.fine["edges"])
        self.assertLessEqual(np.diff(edges).max(), self.values.std() / baseline.GRID_STD_FRACTION)
        self.assertLessEqual(edges[0], self.values.min() - 2 * self.values.std())
        self.assertGreaterEqual(edges[-1], self.values.max() + 2 * self.values.std())

    def test_dumps_puts_number_arrays_on_one_line(self):
        self.assertEqual(baseline.dumps({"a": [1, 2.5], "b": {"c": []}}), '{\n  "a": [1, 2.5],\n  "b": {\n    "c": []\n  }\n}\n')


if __name__ == "__main__":
    unittest.main()
