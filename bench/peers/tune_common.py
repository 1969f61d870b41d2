"""Shared by the tuning peers (tune-optuna.py, tune-halving.py): the Adult rows, the search space, the GBM and the AUC interval.

The rows (bench/peers/tune-bench.sh, docs/benchmarks.md "Tuning"): examples/adult-income/data/adult.data, fnlwgt dropped as
recur's example does. A seeded permutation (numpy default_rng(42)) sets aside the first 20 % of rows (the share recur keeps as
its validation split, which tuning never sees), then holds out 20 % of the rest for measuring trials and fits on the other
64 % of all rows: the sizes recur's trials see with split.validation 0.2 and training.search.holdout 0.2. The rows themselves
differ from recur's (recur draws them by a salted row fingerprint), so each tool's best AUC comes with its interval.

The space is the one recur's bench project searches:
    trees 50-500 (log), leaves 8-128 (log), learning rate 0.01-0.3 (log), min rows per leaf 5-100 (log), feature fraction 0.5-1.0.
The GBM is xgboost 1.7 in LightGBM's manner: histogram, leaf-wise growth (lossguide), max_leaves, min_child_weight for the
minimum rows per leaf (a hessian sum: rows x p(1-p), so a looser bound than LightGBM's row count), colsample_bytree.
"""
import csv
import os

import numpy as np
import pandas as pd
from scipy.stats import norm, rankdata

SEED = 42
COLUMNS = ["age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation", "relationship",
           "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income"]
NUMERIC = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
CATEGORICAL = ["workclass", "education", "marital-status", "occupation", "relationship", "race", "sex", "native-country"]

SPACE = {
    "trees": ("int", 50, 500, True),
    "leaves": ("int", 8, 128, True),
    "learning_rate": ("real", 0.01, 0.3, True),
    "min_rows_per_leaf": ("int", 5, 100, True),
    "feature_fraction": ("real", 0.5, 1.0, False),
}


def write_split(adult_data, out_dir):
    """Writes fit.csv and holdout.csv (the label as 0/1 in the last column) into out_dir, once for every tool."""
    with open(adult_data, newline="") as f:
        rows = [[v.strip() for v in r] for r in csv.reader(f) if len(r) == len(COLUMNS)]
    order = np.random.default_rng(SEED).permutation(len(rows))
    kept = order[int(round(len(rows) * 0.2)):]
    held = kept[: int(round(len(kept) * 0.2))]
    fit = kept[len(held):]
    for name, idx in (("fit.csv", fit), ("holdout.csv", held)):
        with open(os.path.join(out_dir, name), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(COLUMNS)
            for i in sorted(idx):
                w.writerow(rows[i])
    return len(fit), len(held)


def load(split_dir):
    """(x_fit, y_fit, x_holdout, y_holdout) as pandas frames with categorical dtypes shared by both sides."""
    fit = pd.read_csv(os.path.join(split_dir, "fit.csv"), na_values=["?"], skipinitialspace=True)
    held = pd.read_csv(os.path.join(split_dir, "holdout.csv"), na_values=["?"], skipinitialspace=True)
    frames = []
    for frame in (fit, held):
        y = (frame["income"].str.rstrip(".") == ">50K").astype(np.int32).to_numpy()
        x = frame[NUMERIC + CATEGORICAL].copy()
        frames.append((x, y))
    for c in CATEGORICAL:
        kinds = pd.CategoricalDtype(sorted(set(frames[0][0][c].dropna()) | set(frames[1][0][c].dropna())))
        for x, _ in frames:
            x[c] = x[c].astype(kinds)
    (x_fit, y_fit), (x_held, y_held) = frames
    return x_fit, y_fit, x_held, y_held


def xgb_params(p, threads):
    """xgboost's parameters for one point of the space (trees go to num_boost_round / n_estimators)."""
    return {
        "objective": "binary:logistic", "eval_metric": "auc", "tree_method": "hist", "grow_policy": "lossguide",
        "max_depth": 0, "max_leaves": int(p["leaves"]), "learning_rate": float(p["learning_rate"]),
        "min_child_weight": float(p["min_rows_per_leaf"]) * 0.25, "colsample_bytree": float(p["feature_fraction"]),
        "max_cat_to_onehot": 1, "nthread": threads, "seed": SEED, "verbosity": 0,
    }


def delong_interval(y, scores, level=0.95):
    """AUC with DeLong's interval (midranks; DeLong, DeLong and Clarke-Pearson 1988)."""
    y = np.asarray(y).astype(bool)
    pos, neg = np.asarray(scores)[y], np.asarray(scores)[~y]
    m, n = len(pos), len(neg)
    everything = rankdata(np.concatenate([pos, neg]))
    v10 = (everything[:m] - rankdata(pos)) / n
    v01 = 1.0 - (everything[m:] - rankdata(neg)) / m
    auc = v10.mean()
    se = np.sqrt(v10.var(ddof=1) / m + v01.var(ddof=1) / n)
    z = norm.ppf(0.5 + level / 2)
    return float(auc), float(max(0.0, auc - z * se)), float(min(1.0, auc + z * se))
