"""Prints the scipy values checked in ScipyAgreementTests.cs (issue 14). The samples are integer formulas that give
the same doubles in Python and C#, so nothing but the numbers needs pasting. Regenerate with /usr/bin/python3 and
paste the printed lines into the test when the samples change.

ks_2samp's default method is 'auto': 'exact' when max(n, m) <= 10000, else 'asymp'. Recur computes the
asymptotic p-value at every size (the one-sample Kolmogorov distribution at round(n*m/(n+m))), so the test
compares with method='asymp' for the small samples and with the default for the large one, where 'auto' is 'asymp'."""
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

ref_counts = [120, 80, 45, 30, 25]
cur_counts = [90, 95, 40, 50, 25]
p = np.array(ref_counts, dtype=float)
q = np.array(cur_counts, dtype=float)
chi = chisquare(q, p / p.sum() * q.sum())
print(f"chi_square {chi.statistic!r} {chi.pvalue!r} jensen_shannon {jensenshannon(p, q)!r}")
