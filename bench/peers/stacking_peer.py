"""scikit-learn's StackingClassifier on the Adult example, for bench/peers/stacking-bench.sh.

    stacking_peer.py DIR FOLDS     one JSON line: fit seconds (wall and CPU), the held-out AUC with a 95 %
                                   bootstrap interval, and the row counts

DIR is the Adult example project (data/adult.data). The peer fits on exactly the rows recur fits on and is scored
on exactly recur's validation rows: recur splits adult.data by hashing whole rows (FarmHash Fingerprint64 of the
columns' text joined by U+001F; fingerprint64.py), 20 % to validation. The base learners match recur's candidates:
HistGradientBoosting (100 trees, 31 leaves, rate 0.1, 20 rows per leaf) for lightgbm and min-max scaled
LogisticRegression for lbfgs; the meta-learner is LogisticRegression over the bases' probabilities, trained on
FOLDS-fold out-of-fold predictions, the bases then refitted on all fitting rows (StackingClassifier's own scheme).
Text columns are one-hot encoded on the fitting rows' categories (train_peers.py), as recur's encoding does.
Run with /usr/bin/python3 (Debian python3-sklearn 1.2).
"""
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "2")

import numpy as np  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier, StackingClassifier  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import MinMaxScaler  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fingerprint64 import is_validation, row_key  # noqa: E402
from train_peers import ADULT_COLUMNS, ADULT_NUMERIC, ADULT_TEXT, one_hot_matrix, read_adult  # noqa: E402

SEED = 42


def split(rows):
    fit, held = [], []
    for r in rows:
        key = row_key(["" if r[c] is None else r[c] for c in ADULT_COLUMNS])
        (held if is_validation(key) else fit).append(r)
    return fit, held


def auc_interval(y, p, resamples=200):
    rng = np.random.default_rng(SEED)
    values = []
    for _ in range(resamples):
        i = rng.integers(0, len(y), len(y))
        if y[i].min() != y[i].max():
            values.append(roc_auc_score(y[i], p[i]))
    return float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))


def main(project, folds):
    fit, held = split(read_adult(os.path.join(project, "data", "adult.data"), skip_first=False))
    x_fit, x_held = one_hot_matrix(fit, held, ADULT_NUMERIC, ADULT_TEXT)
    y_fit = np.array([r["income"] == ">50K" for r in fit], dtype=np.int32)
    y_held = np.array([r["income"] == ">50K" for r in held], dtype=np.int32)
    model = StackingClassifier(
        estimators=[
            ("hgb", HistGradientBoostingClassifier(max_iter=100, max_leaf_nodes=31, learning_rate=0.1, min_samples_leaf=20,
                                                   early_stopping=False, random_state=SEED)),
            ("lr", make_pipeline(MinMaxScaler(), LogisticRegression(max_iter=100))),
        ],
        final_estimator=LogisticRegression(), cv=folds, stack_method="predict_proba", n_jobs=1)
    started, started_cpu = time.perf_counter(), time.process_time()
    model.fit(x_fit, y_fit)
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    p = model.predict_proba(x_held)[:, 1]
    low, high = auc_interval(y_held, p)
    print(json.dumps({"peer": "sklearn StackingClassifier", "fit_rows": len(y_fit), "held_rows": len(y_held),
                      "fit_seconds": seconds, "fit_cpu": cpu, "auc": roc_auc_score(y_held, p), "auc_low": low, "auc_high": high}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]))
