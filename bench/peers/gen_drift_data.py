"""Writes the seeded drift workload (issue 14): reference.csv with 1M rows and current.csv with 100k rows, each
50 columns: n0..n39 numeric (normal, log-normal, uniform and small integers) and c0..c9 categorical (2 to 40
values). The current rows are shifted on n0..n7 (means moved by 0.05 to 0.4 standard deviations, one spread
widened) and on c0..c2 (category shares moved); the other 39 columns are drawn from the same distributions.
Usage: gen_drift_data.py OUT_DIR [REFERENCE_ROWS] [CURRENT_ROWS]"""
import os
import sys

import numpy as np
import pandas as pd

out = sys.argv[1]
reference_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
current_rows = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
os.makedirs(out, exist_ok=True)
cards = [2, 3, 5, 8, 12, 20, 40, 4, 6, 10]


def table(rows, shifted, seed):
    rng = np.random.default_rng(seed)
    columns = {}
    for i in range(40):
        kind = i % 4
        shift = [0.4, 0.2, 0.1, 0.05, 0.3, 0.15, 0.1, 0.0][i] if shifted and i < 8 else 0.0
        if kind == 0:
            values = rng.normal(50 + 10 * shift, 10, rows)
        elif kind == 1:
            values = rng.lognormal(1 + shift, 0.5, rows)
        elif kind == 2:
            values = rng.uniform(0, 1 + shift, rows)
        else:
            values = rng.integers(0, 100 + int(100 * shift), rows).astype(float)
        if shifted and i == 7:
            values = rng.normal(50, 14, rows)  # same mean, wider spread
        columns[f"n{i}"] = np.round(values, 4)
    for i, card in enumerate(cards):
        weights = np.linspace(1, 2, card)
        if shifted and i < 3:
            weights = weights[::-1]
        weights = weights / weights.sum()
        columns[f"c{i}"] = np.array([f"v{i}_{k}" for k in range(card)])[rng.choice(card, rows, p=weights)]
    return pd.DataFrame(columns)


table(reference_rows, False, 42).to_csv(os.path.join(out, "reference.csv"), index=False)
table(current_rows, True, 43).to_csv(os.path.join(out, "current.csv"), index=False)
