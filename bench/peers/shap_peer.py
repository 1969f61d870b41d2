#!/usr/bin/env python3
"""Peers for Recur's explanation benchmarks (bench/peers/shap-bench.sh, bench/peers/bootstrap-bench.sh).

  gen-shap FILE --rows N --features F     synthetic numeric binary table (seed 42): x0..x{F-1}, label
  shap FILE --rows R --threads T          xgboost: 500 rounds, 31 leaves (lossguide), exact TreeSHAP of R rows
                                          with booster.predict(DMatrix, pred_contribs=True); JSON to stdout
  gen-scores FILE --rows N                scores and labels for a bootstrap (seed 42): score,label
  bootstrap FILE --resamples B            NumPy percentile bootstrap of AUC and accuracy; JSON to stdout
"""
import argparse
import json
import time

import numpy as np


def gen_shap(path, rows, features):
    rng = np.random.default_rng(42)
    x = rng.normal(size=(rows, features))
    logit = x[:, 0] * 1.5 - x[:, 1] + 0.8 * x[:, 2] * x[:, 3] + np.sin(2 * x[:, 4]) + 0.3 * rng.normal(size=rows)
    y = (logit > 0).astype(int)
    header = ",".join([f"x{i}" for i in range(features)] + ["label"])
    np.savetxt(path, np.column_stack([x, y]), delimiter=",", header=header, comments="", fmt=["%.6f"] * features + ["%d"])


def shap(path, rows, threads):
    import xgboost as xgb
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x, y = data[:, :-1], data[:, -1]
    params = {"objective": "binary:logistic", "tree_method": "hist", "grow_policy": "lossguide", "max_leaves": 31,
              "max_depth": 0, "eta": 0.1, "min_child_weight": 1, "nthread": threads, "seed": 42}
    train = xgb.DMatrix(x, label=y, nthread=threads)
    booster = xgb.train(params, train, num_boost_round=500)
    explain = xgb.DMatrix(x[:rows], nthread=threads)
    booster.set_param({"nthread": threads})
    booster.predict(explain, pred_contribs=True)  # warm-up
    start = time.perf_counter()
    contribs = booster.predict(explain, pred_contribs=True)
    seconds = time.perf_counter() - start
    margin = booster.predict(explain, output_margin=True)
    error = float(np.max(np.abs(contribs.sum(axis=1) - margin)))
    leaves = [len(t.split("leaf=")) - 1 for t in booster.get_dump()]
    print(json.dumps({"peer": f"xgboost {xgb.__version__}", "threads": threads, "rows": rows, "trees": len(leaves),
                      "mean_leaves": float(np.mean(leaves)), "seconds": seconds, "rows_per_second": rows / seconds,
                      "local_accuracy_error": error}))


def gen_scores(path, rows):
    rng = np.random.default_rng(42)
    y = rng.random(rows) < 0.3
    score = 1 / (1 + np.exp(-(rng.normal(size=rows) + 1.2 * y)))
    np.savetxt(path, np.column_stack([np.round(score, 6), y.astype(int)]), delimiter=",", header="score,label", comments="", fmt=["%.6f", "%d"])


def bootstrap(path, resamples):
    from scipy.stats import rankdata
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    score, label = data[:, 0], data[:, 1] > 0.5
    n = len(score)
    rng = np.random.default_rng(42)
    start = time.perf_counter()
    aucs = np.empty(resamples)
    accs = np.empty(resamples)
    for b in range(resamples):
        idx = rng.integers(0, n, n)
        s, y = score[idx], label[idx]
        ranks = rankdata(s)  # average ranks: ties get half credit
        pos = y.sum()
        aucs[b] = (ranks[y].sum() - pos * (pos + 1) / 2) / (pos * (n - pos))
        accs[b] = np.mean((s >= 0.5) == y)
    auc_low, auc_high = np.percentile(aucs, [2.5, 97.5])
    acc_low, acc_high = np.percentile(accs, [2.5, 97.5])
    seconds = time.perf_counter() - start
    print(json.dumps({"peer": f"numpy {np.__version__}", "rows": n, "resamples": resamples, "seconds": seconds,
                      "auc": [auc_low, auc_high], "accuracy": [acc_low, acc_high]}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["gen-shap", "shap", "gen-scores", "bootstrap"])
    parser.add_argument("file")
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--features", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--resamples", type=int, default=1000)
    a = parser.parse_args()
    if a.mode == "gen-shap":
        gen_shap(a.file, a.rows, a.features)
    elif a.mode == "shap":
        shap(a.file, a.rows, a.threads)
    elif a.mode == "gen-scores":
        gen_scores(a.file, a.rows)
    else:
        bootstrap(a.file, a.resamples)


if __name__ == "__main__":
    main()
