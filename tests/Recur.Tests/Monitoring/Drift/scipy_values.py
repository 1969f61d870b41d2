"""Prints the scipy values checked in ScipyAgreementTests.cs (issue 14). The samples are integer formulas that give
the same doubles in Python and C#, so nothing but the numbers needs pasting. Regenerate with /usr/bin/python3 and
paste the printed lines into the test when the samples change.

ks_2samp's default method is 'auto': 'exact' when max(n, m) <= 10000, else 'asymp'. Recur's
KolmogorovSmirnov.TwoSample is always 'asymp' (checked against method='asymp' below) and TwoSampleAuto, which the
drift detector uses on raw rows, follows 'auto' (checked against the default)."""
import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.stats import chisquare, ks_2samp, wasserstein_distance


def reference(n):
    return np.array([((i * 7919) % 1000) / 10.0 + (i % 7) * 0.25 for i in range(n)])


def current(m):
    return np.array([((j * 104729) % 997) / 10.0 + 3.0 for j in range(m)])


print(f"// scipy {scipy.__version__}, numpy {np.__version__}")
for n, m, method in [(40, 30, "asymp"), (300, 200, "asymp"), (12000, 11000, "auto")]:
    x, y = reference(n), current(m)
    ks = ks_2samp(x, y, method=method)
    print(f"[InlineData({n}, {m}, {ks.statistic!r}, {ks.pvalue!r}, {wasserstein_distance(x, y)!r})] // ks_2samp method={method}")

for n, m, shift in [(40, 30, 0), (300, 200, 0), (50, 50, 0), (2000, 1500, 0), (300, 200, 12), (120, 120, 15)]:
    x, y = reference(n), current(m) + shift
    ks = ks_2samp(x, y)
    print(f"[InlineData({n}, {m}, {shift}, {ks.statistic!r}, {ks.pvalue!r})] // ks_2samp method=auto (exact)")

ref_counts = [120, 80, 45, 30, 25]
cur_counts = [90, 95, 40, 50, 25]
p = np.array(ref_counts, dtype=float)
q = np.array(cur_counts, dtype=float)
chi = chisquare(q, p / p.sum() * q.sum())
print(f"chi_square {chi.statistic!r} {chi.pvalue!r} jensen_shannon {jensenshannon(p, q)!r}")
