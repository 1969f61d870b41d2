"""scikit-learn's HalvingRandomSearchCV tuning the GBM (tune_common) for a wall budget; prints one JSON line.

usage: tune-halving.py SPLIT_DIR SECONDS [PARALLEL]
One halving search draws 27 candidates from the space and halves them by a factor of 3 over the number of rows (the
default resource), measuring on the fixed held-out rows (PredefinedSplit) with the last round on all of them. The search
has no time budget of its own, so searches with fresh seeds run one after another while the time left exceeds the last
search's duration; the best candidate of the last rounds (all rows) over every search is reported. n_jobs PARALLEL
fits at once, each xgboost with one thread.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy.stats import loguniform, uniform
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.model_selection import HalvingRandomSearchCV, PredefinedSplit
from xgboost import XGBClassifier

from tune_common import SEED, delong_interval, load, xgb_params


class LogInt:
    """A whole number drawn log-uniformly (scipy has no log-uniform integer distribution in 1.10)."""

    def __init__(self, low, high):
        self.low, self.high = low, high

    def rvs(self, random_state=None):
        rng = np.random.default_rng(random_state) if not isinstance(random_state, np.random.RandomState) else random_state
        return int(round(np.exp(rng.uniform(np.log(self.low - 0.5), np.log(self.high + 0.5)))))


class RowsPerLeaf(LogInt):
    """Minimum rows per leaf drawn as a whole number, handed to xgboost as min_child_weight = rows x 0.25 (tune_common.xgb_params)."""

    def rvs(self, random_state=None):
        return super().rvs(random_state) * 0.25


split_dir, seconds = sys.argv[1], float(sys.argv[2])
parallel = int(sys.argv[3]) if len(sys.argv) > 3 else 2
x_fit, y_fit, x_held, y_held = load(split_dir)
x = pd.concat([x_fit, x_held], ignore_index=True)
y = np.concatenate([y_fit, y_held])
folds = PredefinedSplit(np.concatenate([np.full(len(y_fit), -1), np.zeros(len(y_held), dtype=int)]))
space = {
    "n_estimators": LogInt(50, 500),
    "max_leaves": LogInt(8, 128),
    "learning_rate": loguniform(0.01, 0.3),
    "min_child_weight": RowsPerLeaf(5, 100),
    "colsample_bytree": uniform(0.5, 0.5),
}
base = {k: v for k, v in xgb_params({"leaves": 31, "learning_rate": 0.1, "min_rows_per_leaf": 20, "feature_fraction": 1.0}, 1).items()
        if k not in ("nthread", "seed", "objective")}
base.update(n_jobs=1, random_state=SEED, enable_categorical=True)

started = time.perf_counter()
best, configurations, fits, searches, last = None, 0, 0, 0, 0.0
while searches == 0 or seconds - (time.perf_counter() - started) > last:
    began = time.perf_counter()
    search = HalvingRandomSearchCV(XGBClassifier(**base), space, n_candidates=27, factor=3, cv=folds, scoring="roc_auc",
                                   refit=False, n_jobs=parallel, random_state=SEED + searches, min_resources="exhaust")
    search.fit(x, y)
    last = time.perf_counter() - began
    searches += 1
    configurations += search.n_candidates_[0]
    fits += int(sum(search.n_candidates_))
    results = pd.DataFrame(search.cv_results_)
    final = results[results["iter"] == results["iter"].max()]
    top = final.loc[final["mean_test_score"].idxmax()]
    if best is None or top["mean_test_score"] > best[0]:
        best = (float(top["mean_test_score"]), dict(top["params"]))
wall = time.perf_counter() - started

params = dict(best[1])
model = XGBClassifier(**{**base, **params, "n_jobs": 2})
model.fit(x_fit, y_fit)
auc, low, high = delong_interval(y_held, model.predict_proba(x_held)[:, 1])
print(json.dumps({
    "tool": "sklearn HalvingRandomSearchCV", "trials": configurations, "fits": fits, "searches": searches,
    "trials_per_minute": configurations / (wall / 60), "best_auc": best[0], "low": low, "high": high, "refit_auc": auc,
    "wall_seconds": wall, "best": {k: (v.item() if hasattr(v, "item") else v) for k, v in params.items()},
}))
