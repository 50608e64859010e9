"""The numbers a comparison keeps per (program, implementation), and the statistics drawn from them."""

import math
from dataclasses import dataclass, field


@dataclass
class Cell:
    """All runs of one implementation on one program."""
    times: list = field(default_factory=list)     # seconds, measured runs only
    rss_kb: list = field(default_factory=list)
    failure: str = ""                             # wrong output, exit status, time-out: never shown as a time
    stats: list = field(default_factory=list)     # roast --stats documents of the measured runs

    def median(self):
        return median(self.times) if self.times and not self.failure else None

    def spread(self):
        return (min(self.times), max(self.times)) if self.times and not self.failure else None

    def peak_rss_mb(self):
        return median(self.rss_kb) / 1024 if self.rss_kb and not self.failure else None


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def merged_percentiles(bucket_lists, ps=(50, 90, 99)):
    """Percentiles and max of histograms given as [[value, count], ...] (roast --stats), merged over runs."""
    counts = {}
    for buckets in bucket_lists:
        for value, count in buckets or []:
            counts[value] = counts.get(value, 0) + count
    total = sum(counts.values())
    if total == 0:
        return None
    values = sorted(counts)
    out = {}
    for p in ps:
        rank = math.ceil(p / 100 * total)
        seen = 0
        for v in values:
            seen += counts[v]
            if seen >= rank:
                out[p] = v
                break
    out["max"] = values[-1]
    out["count"] = total
    return out
