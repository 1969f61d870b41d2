"""The COMPAS fairness audit in pandas/numpy, as a peer of `recur fairness` (bench/peers/fairness-bench.sh).

Reads ProPublica's two-year file, predicts positive when score_text != 'Low', label two_year_recid,
sensitive column race, and computes what `recur fairness --json` computes: per group and overall the base
rate, selection rate, TPR, FPR, FNR, precision and accuracy with a percentile bootstrap 95 % interval
(resampled within the group), then per metric the worst-case difference and ratio between the groups with at
least MIN_GROUP rows, the equalized-odds gap and the four-fifths ratio, with intervals from resampling all
rows. Same resample count; numpy's generator, so the intervals differ from recur's by bootstrap noise only.
Prints one JSON document: seconds (inside Python, after imports) and the point figures.

Usage: python3 fairness_peer.py FILE [--resamples 1000] [--propublica-filter]
"""
import argparse
import json
import time

import numpy as np
import pandas as pd

METRICS = ["base_rate", "selection_rate", "tpr", "fpr", "fnr", "precision", "accuracy"]
MIN_GROUP = 30


def rates(tp, fp, tn, fn):
    """Every metric from counts (arrays broadcast); NaN where undefined."""
    with np.errstate(divide="ignore", invalid="ignore"):
        n = tp + fp + tn + fn
        return {
            "base_rate": (tp + fn) / n,
            "selection_rate": (tp + fp) / n,
            "tpr": tp / (tp + fn),
            "fpr": fp / (fp + tn),
            "fnr": fn / (tp + fn),
            "precision": tp / (tp + fp),
            "accuracy": (tp + tn) / n,
        }


def counts(y, d):
    return (np.sum(y & d, axis=-1), np.sum(~y & d, axis=-1), np.sum(~y & ~d, axis=-1), np.sum(y & ~d, axis=-1))


def interval(samples):
    samples = samples[~np.isnan(samples)]
    return [float(np.percentile(samples, 2.5)), float(np.percentile(samples, 97.5))] if samples.size else None


def within(y, d, rng, resamples):
    """Each metric with its within-group bootstrap interval."""
    point = rates(*counts(y, d))
    out = {m: {"value": float(point[m])} for m in METRICS}
    if len(y) >= MIN_GROUP:
        idx = rng.integers(0, len(y), size=(resamples, len(y)))
        boot = rates(*counts(y[idx], d[idx]))
        for m in METRICS:
            out[m]["interval"] = interval(boot[m])
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--propublica-filter", action="store_true", help="keep rows with -30 <= days_b_screening_arrest <= 30, as ProPublica's notebook")
    args = parser.parse_args()
    start = time.perf_counter()
    df = pd.read_csv(args.file)
    if args.propublica_filter:
        df = df[(df.days_b_screening_arrest <= 30) & (df.days_b_screening_arrest >= -30)]
    y = df["two_year_recid"].to_numpy() == 1
    d = (df["score_text"] != "Low").to_numpy()
    race = df["race"].fillna("(missing)").to_numpy()
    rng = np.random.default_rng(42)
    overall = within(y, d, rng, args.resamples)
    names, sizes = np.unique(race, return_counts=True)
    groups = {name: dict(count=int(size), **within(y[race == name], d[race == name], rng, args.resamples)) for name, size in zip(names, sizes)}
    eligible = [i for i, s in enumerate(sizes) if s >= MIN_GROUP]

    # Gaps: every row resampled; per resample, each eligible group's counts by bincount on resample * G + group.
    codes = np.searchsorted(names, race)
    g = len(names)
    idx = rng.integers(0, len(y), size=(args.resamples, len(y)))
    key = (np.arange(args.resamples)[:, None] * g + codes[idx]).ravel()
    yy, dd = y[idx].ravel(), d[idx].ravel()
    size = args.resamples * g
    tp = np.bincount(key, weights=yy & dd, minlength=size).reshape(args.resamples, g)[:, eligible]
    fp = np.bincount(key, weights=~yy & dd, minlength=size).reshape(args.resamples, g)[:, eligible]
    tn = np.bincount(key, weights=~yy & ~dd, minlength=size).reshape(args.resamples, g)[:, eligible]
    fn = np.bincount(key, weights=yy & ~dd, minlength=size).reshape(args.resamples, g)[:, eligible]
    boot = rates(tp, fp, tn, fn)
    gaps = {}
    for m in METRICS:
        values = np.array([groups[names[i]][m]["value"] for i in eligible])
        with np.errstate(invalid="ignore", divide="ignore"):
            diff = np.nanmax(boot[m], axis=1) - np.nanmin(boot[m], axis=1)
            ratio = np.nanmin(boot[m], axis=1) / np.nanmax(boot[m], axis=1)
        gaps[m] = {"difference": float(values.max() - values.min()), "difference_interval": interval(diff),
                   "ratio": float(values.min() / values.max()), "ratio_interval": interval(ratio)}
    eo = np.maximum(np.nanmax(boot["tpr"], axis=1) - np.nanmin(boot["tpr"], axis=1), np.nanmax(boot["fpr"], axis=1) - np.nanmin(boot["fpr"], axis=1))
    seconds = time.perf_counter() - start
    print(json.dumps({
        "seconds": seconds, "rows": int(len(y)), "resamples": args.resamples, "overall": overall, "groups": groups, "gaps": gaps,
        "equalized_odds_gap": {"value": max(gaps["tpr"]["difference"], gaps["fpr"]["difference"]), "interval": interval(eo)},
        "four_fifths": gaps["selection_rate"]["ratio"],
    }))


if __name__ == "__main__":
    main()
