"""Unit tests of the statistics bench/compare reports (python3 -m unittest discover bench/lib)."""

import unittest

from measurements import Cell, geomean, median, merged_percentiles


class MeasurementsTest(unittest.TestCase):
    def test_median_of_odd_and_even_counts(self):
        self.assertEqual(2, median([3, 1, 2]))
        self.assertEqual(2.5, median([4, 1, 3, 2]))

    def test_geomean_ignores_missing_ratios(self):
        self.assertAlmostEqual(2.0, geomean([1.0, 4.0, None]))
        self.assertIsNone(geomean([None]))

    def test_a_failed_cell_has_no_time(self):
        c = Cell(times=[1.0, 2.0, 3.0], rss_kb=[1024, 2048, 4096])
        self.assertEqual(2.0, c.median())
        self.assertEqual(2.0, c.peak_rss_mb())
        c.failure = "wrong output"
        self.assertIsNone(c.median())
        self.assertIsNone(c.spread())

    def test_histograms_of_several_runs_merge_before_percentiles(self):
        # run 1: 98 pauses of 10 us and one of 500; run 2: one of 20 us and one of 900
        p = merged_percentiles([[[10, 98], [500, 1]], [[20, 1], [900, 1]]])
        self.assertEqual(101, p["count"])
        self.assertEqual(10, p[50])
        self.assertEqual(500, p[99])  # rank ceil(0.99 * 101) = 100: 98 tens, the 20, then the 500
        self.assertEqual(900, p["max"])

    def test_no_samples_no_percentiles(self):
        self.assertIsNone(merged_percentiles([[], None]))


if __name__ == "__main__":
    unittest.main()
