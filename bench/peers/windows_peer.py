"""Peer for bench/peers/windows-bench.sh: the same sliding-window features with pandas rolling windows.

gen PATH --rows N     write N events (timestamp, value), strictly increasing times 1-4 s apart, seed 42
run PATH OUT          read, compute, write; print {"rows", "seconds", "compute_seconds"} as JSON
compare OURS PEER     print the largest absolute difference per feature column as JSON

Semantics matched to recur's: a row's window holds the events before it, never itself. For the time windows
that is pandas' closed='neither' on (t - 1h, t) (times are unique here); for the event window, the previous 50
values: shift(1).rolling(50, min_periods=1).
"""
import json
import sys
import time

import numpy as np
import pandas as pd

FEATURES = ["mean_1h", "std_1h", "max_1h", "mean_50"]


def gen(path, rows):
    rng = np.random.default_rng(42)
    seconds = np.cumsum(rng.integers(1, 5, size=rows))
    stamps = pd.Timestamp("2024-01-01") + pd.to_timedelta(seconds, unit="s")
    values = rng.normal(100.0, 10.0, size=rows)
    pd.DataFrame({"timestamp": stamps.strftime("%Y-%m-%d %H:%M:%S"), "value": values}).to_csv(path, index=False, float_format="%.17g")


def run(path, out):
    start = time.perf_counter()
    df = pd.read_csv(path)
    computed = time.perf_counter()
    s = pd.Series(df["value"].to_numpy(), index=pd.to_datetime(df["timestamp"]))
    r = s.rolling("1h", closed="neither")
    df["mean_1h"] = r.mean().to_numpy()
    df["std_1h"] = r.std().to_numpy()
    df["max_1h"] = r.max().to_numpy()
    df["mean_50"] = df["value"].shift(1).rolling(50, min_periods=1).mean()
    compute = time.perf_counter() - computed
    df.to_csv(out, index=False, float_format="%.17g")
    print(json.dumps({"rows": len(df), "seconds": time.perf_counter() - start, "compute_seconds": compute}))


def compare(ours, peer):
    a = pd.read_csv(ours)
    b = pd.read_csv(peer)
    diffs = {}
    for f in FEATURES:
        x, y = a[f].to_numpy(), b[f].to_numpy()
        both = ~np.isnan(x) & ~np.isnan(y)
        diffs[f] = {"max_abs_diff": float(np.max(np.abs(x[both] - y[both]))) if both.any() else 0.0,
                    "missing_mismatch": int(np.sum(np.isnan(x) != np.isnan(y)))}
    print(json.dumps(diffs))


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(sys.argv[2], int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000)
    elif sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3])
    else:
        compare(sys.argv[2], sys.argv[3])
