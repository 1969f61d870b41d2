"""Golden values for Recur's drift statistics and binary metrics (drift_*.json, binary_metrics.json).

Run: /usr/bin/python3 tests/data/golden/gen_stats_goldens.py  (scipy 1.10, scikit-learn 1.2, numpy 1.24)
NaN is written as null; Recur ignores NaN in numeric drift inputs, so it is dropped before scipy sees it.
Binning/epsilon conventions mirror the C# code (Recur's documented choices); scipy/sklearn do the maths.
"""
import json
import math
import os

import numpy as np
import scipy
import sklearn
from scipy import stats
from scipy.spatial import distance
from sklearn import metrics

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
SEED = 20240601
EMPTY_PROPORTION = 1e-4  # PSI: proportion used for an empty bin/category
ABSENT_CATEGORY_PROPORTION = 1e-4  # chi-square: reference proportion of unseen categories
WASSERSTEIN_MIN_STD = 1e-3  # Evidently's floor on the reference std


def to_json_number(x):  # JSON has no NaN
    return None if math.isnan(float(x)) else float(x)


def write(name, payload):
    payload = {"generator": "gen_stats_goldens.py", "seed": SEED, "scipy": scipy.__version__,
               "sklearn": sklearn.__version__, "numpy": np.__version__, **payload}
    with open(os.path.join(OUT_DIR, name), "w") as f:
        f.write(json.dumps(payload, indent=1, allow_nan=False) + "\n")


def nans(rng, values, count):
    values[rng.choice(len(values), size=count, replace=False)] = np.nan
    return values


def numeric_samples(rng):
    # Rounding creates ties; evaluation order (and so the random stream) is top to bottom.
    return {
        "ref_normal": nans(rng, np.round(rng.normal(0, 1, 400), 2), 5),
        "cur_same": nans(rng, np.round(rng.normal(0, 1, 350), 2), 3),
        "cur_shift_small": np.round(rng.normal(0.15, 1, 300), 2),
        "cur_shift": nans(rng, np.round(rng.normal(0.5, 1.2, 300), 3), 2),
        "cur_far": np.round(rng.normal(4, 1, 200), 3),
        "cur_small_same": np.round(rng.normal(0, 1, 100), 2),
        "ref_discrete": rng.poisson(3, 300).astype(float),
        "cur_discrete": rng.poisson(3.4, 250).astype(float),
        "small_a": np.round(rng.normal(0, 1, 12), 1),
        "small_b": np.round(rng.normal(0.8, 1, 9), 1),
        "ref_constant": np.full(50, 2.5),
    }


def reference_quantile_edges(ref):
    # Nine deciles (numpy's default linear interpolation), duplicates merged.
    return np.unique(np.quantile(ref, [i / 10 for i in range(1, 10)]))


def bin_counts(values, edges):
    # Outer bins are open-ended so current values outside the reference range count.
    return np.bincount(np.searchsorted(edges, values, side="right"), minlength=len(edges) + 1)


def psi_from_counts(ref_counts, cur_counts):
    p, q = (np.asarray(c, float) / np.sum(c) for c in (ref_counts, cur_counts))
    p, q = np.where(p == 0, EMPTY_PROPORTION, p), np.where(q == 0, EMPTY_PROPORTION, q)
    return float(np.sum((q - p) * np.log(q / p)))


def numeric_pair(samples, ref_name, cur_name):
    ref = samples[ref_name][~np.isnan(samples[ref_name])]
    cur = samples[cur_name][~np.isnan(samples[cur_name])]
    ks = stats.ks_2samp(ref, cur, method="asymp")
    edges = reference_quantile_edges(ref)
    rc, cc = bin_counts(ref, edges), bin_counts(cur, edges)
    wasserstein = stats.wasserstein_distance(ref, cur) / max(np.std(ref), WASSERSTEIN_MIN_STD)
    return {"reference": ref_name, "current": cur_name,
            "ks_statistic": float(ks.statistic), "ks_pvalue": float(ks.pvalue),
            "wasserstein_normed": float(wasserstein), "bin_edges": edges.tolist(),
            "js_distance": float(distance.jensenshannon(rc, cc)), "psi": psi_from_counts(rc, cc)}


def kolmogorov_grid():
    # n and n·x² straddle every switch-over in scipy's _kolmogn, so each algorithm is exercised.
    cases, nx_squared = [], [0.05, 0.3, 0.7, 0.754, 0.76, 1.0, 1.5, 2.0, 2.19, 2.21, 3.0, 3.99,
                             4.01, 6.0, 10.0, 17.9, 18.1, 40.0, 200.0, 369.0, 371.0]
    for n in [1, 2, 3, 5, 10, 50, 100, 140, 141, 150, 500, 1000, 5000, 100000, 100001, 2000000]:
        xs = {math.sqrt(v / n) for v in nx_squared} | {0.2, 0.49, 0.5, 0.51, 0.75, 0.999}
        xs |= {t / n for t in (0.3, 0.5, 0.75, 1.0, 1.6, n - 1, n - 0.5)}
        cases += [{"n": n, "d": x, "sf": to_json_number(stats.kstwo.sf(x, n))}
                  for x in sorted(xs) if 0 < x <= 1]
    return cases


def chi_square_homogeneity(ref, cur):
    keys = [k for k in list(ref) + [k for k in cur if k not in ref]
            if ref.get(k, 0) + cur.get(k, 0) > 0]
    ref_total = sum(ref.values())
    props = np.array([ref.get(k, 0) / ref_total if ref.get(k, 0) > 0
                      else ABSENT_CATEGORY_PROPORTION for k in keys])
    props = props / props.sum()
    f_obs = np.array([cur.get(k, 0) for k in keys], float)
    return stats.chisquare(f_obs, props * f_obs.sum())


def categorical_cases():
    raw = [
        ("shifted", {"a": 120, "b": 80, "c": 50}, {"a": 100, "b": 90, "c": 60}),
        ("new_category", {"a": 300, "b": 200, "c": 100}, {"a": 290, "b": 210, "c": 95, "e": 7}),
        ("missing_category", {"a": 300, "b": 200, "c": 100, "z": 5}, {"a": 310, "b": 190, "c": 99}),
        ("identical", {"x": 40, "y": 60}, {"x": 40, "y": 60}),
        ("proportional", {"x": 40, "y": 60}, {"x": 400, "y": 600}),
        ("large_drift", {"a": 5_000_000, "b": 3_000_000, "c": 2_000_000},
         {"a": 2_000_000, "b": 3_000_000, "c": 5_000_000}),
        ("zero_entries", {"a": 50, "b": 0, "c": 25}, {"a": 45, "b": 0, "c": 30, "d": 0}),
    ]
    cases = []
    for name, ref, cur in raw:
        chi = chi_square_homogeneity(ref, cur)
        keys = list(ref) + [k for k in cur if k not in ref]
        rc, cc = (np.array([d.get(k, 0) for k in keys], float) for d in (ref, cur))
        cases.append({"name": name, "reference": ref, "current": cur,
                      "chi2_statistic": float(chi.statistic), "chi2_pvalue": float(chi.pvalue),
                      "js_distance": float(distance.jensenshannon(rc, cc)),
                      "psi": psi_from_counts(rc, cc)})
    return cases


def proportion_cases():
    raw = [(30, 100, 45, 120), (500, 1000, 520, 1000), (1, 1_000_000, 100, 1_000_000),
           (7, 10, 2, 10), (120, 400, 80, 400), (0, 50, 3, 60)]
    cases = []  # statsmodels-style pooled z, p from scipy's normal
    for s1, n1, s2, n2 in raw:
        pooled = (s1 + s2) / (n1 + n2)
        z = (s1 / n1 - s2 / n2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        cases.append({"successes_ref": s1, "n_ref": n1, "successes_cur": s2, "n_cur": n2,
                      "statistic": z, "pvalue": float(2 * stats.norm.sf(abs(z)))})
    return cases


def binary_case(name, scores, labels, threshold):
    y, s = np.asarray(labels, int), np.asarray(scores, float)
    pred = (s >= threshold).astype(int)
    return {
        "name": name, "threshold": threshold, "scores": s.tolist(), "labels": y.tolist(),
        # sklearn raises for a single class; Recur reports NaN (written as null).
        "auc": float(metrics.roc_auc_score(y, s)) if len(np.unique(y)) == 2 else None,
        "pr_auc": float(metrics.average_precision_score(y, s)),
        "log_loss": float(metrics.log_loss(y, s, eps=1e-15, labels=[0, 1])),
        "brier": float(metrics.brier_score_loss(y, s, pos_label=1)),
        "accuracy": float(metrics.accuracy_score(y, pred)),
        "precision": float(metrics.precision_score(y, pred, zero_division=0)),
        "recall": float(metrics.recall_score(y, pred, zero_division=0)),
        "f1": float(metrics.f1_score(y, pred, zero_division=0)),
    }


def binary_cases(rng):
    labels = rng.random(500) < 0.3
    logits = 1.6 * (labels.astype(float) - 0.5) + rng.normal(0, 1, 500)
    scores = np.round(1 / (1 + np.exp(-logits)), 2)  # rounding creates many ties
    scores[:4] = [0.0, 1.0, 0.0, 1.0]  # exact 0/1 exercise log-loss clipping
    small_labels = rng.random(60) < 0.5
    small_scores = np.round(rng.random(60), 1)
    return [
        binary_case("mixed_threshold_half", scores, labels, 0.5),
        binary_case("mixed_threshold_low", scores, labels, 0.3),
        binary_case("no_positive_predictions", scores, labels, 1.5),
        binary_case("heavy_ties", small_scores, small_labels, 0.5),
        binary_case("inverted", 1 - small_scores, small_labels, 0.5),
        binary_case("perfect", [0.1, 0.2, 0.3, 0.7, 0.8, 0.9], [0, 0, 0, 1, 1, 1], 0.5),
        binary_case("constant_scores", np.full(40, 0.5), small_labels[:40], 0.5),
        binary_case("all_negative", small_scores[:30], np.zeros(30, int), 0.5),
        binary_case("all_positive", small_scores[:30], np.ones(30, int), 0.5),
    ]


def main():
    rng = np.random.default_rng(SEED)
    samples = numeric_samples(rng)
    pairs = [("ref_normal", c) for c in ("cur_same", "cur_shift_small", "cur_shift", "cur_far",
                                         "ref_normal", "cur_small_same")]
    pairs += [("ref_discrete", "cur_discrete"), ("small_a", "small_b"),
              ("cur_same", "ref_normal"), ("ref_constant", "cur_same")]
    write("drift_numeric.json", {
        "samples": {k: [to_json_number(v) for v in vals] for k, vals in samples.items()},
        "pairs": [numeric_pair(samples, r, c) for r, c in pairs]})
    write("drift_kolmogorov.json", {"cases": kolmogorov_grid()})
    write("drift_categorical.json", {"cases": categorical_cases()})
    write("drift_proportion.json", {"cases": proportion_cases()})
    write("binary_metrics.json", {"cases": binary_cases(rng)})


if __name__ == "__main__":
    main()
