"""The scipy side of the drift benchmark (issue 14): reads reference.csv and current.csv with pandas (not timed),
then times a loop doing what Recur's `recur drift --all-tests` does on the raw samples: ks_2samp and
wasserstein_distance on every numeric column, chisquare (current counts against the reference shares) and
jensenshannon on every categorical column. Prints JSON: the statistics per column and the seconds of the loop.
Usage: drift_peer.py REFERENCE_CSV CURRENT_CSV"""
import json
import sys
import time

import numpy as np
import pandas as pd
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.stats import chisquare, ks_2samp, wasserstein_distance

reference = pd.read_csv(sys.argv[1])
current = pd.read_csv(sys.argv[2])
numeric = [c for c in reference.columns if pd.api.types.is_numeric_dtype(reference[c])]
categorical = [c for c in reference.columns if c not in numeric]
ref_numbers = {c: reference[c].to_numpy(dtype=float) for c in numeric}
cur_numbers = {c: current[c].to_numpy(dtype=float) for c in numeric}
ref_text = {c: reference[c].to_numpy() for c in categorical}
cur_text = {c: current[c].to_numpy() for c in categorical}

started = time.perf_counter()
cpu_started = time.process_time()
columns = {}
for c in numeric:
    ks = ks_2samp(ref_numbers[c], cur_numbers[c])  # method 'auto': 'asymp' here, as max(n, m) > 10000
    w1 = wasserstein_distance(ref_numbers[c], cur_numbers[c])
    columns[c] = {"ks": ks.statistic, "ks_p": ks.pvalue, "wasserstein": w1}
for c in categorical:
    ref_values, ref_counts = np.unique(ref_text[c], return_counts=True)
    cur_values, cur_counts = np.unique(cur_text[c], return_counts=True)
    values = np.union1d(ref_values, cur_values)
    p = np.zeros(len(values))
    q = np.zeros(len(values))
    p[np.searchsorted(values, ref_values)] = ref_counts
    q[np.searchsorted(values, cur_values)] = cur_counts
    chi = chisquare(q, p / p.sum() * q.sum())
    columns[c] = {"chi_square": chi.statistic, "chi_square_p": chi.pvalue, "jensen_shannon": jensenshannon(p, q)}
seconds = time.perf_counter() - started
cpu_seconds = time.process_time() - cpu_started

for c in numeric:  # for comparing with Recur's normed distance; not timed
    columns[c]["wasserstein_normed"] = columns[c]["wasserstein"] / max(np.std(ref_numbers[c]), 1e-3)
print(json.dumps({"scipy": scipy.__version__, "seconds": seconds, "cpu_seconds": cpu_seconds, "columns": {k: {s: float(v) for s, v in d.items()} for k, d in columns.items()}}))
