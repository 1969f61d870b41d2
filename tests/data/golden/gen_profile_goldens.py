"""Golden values for Recur's data profiles (profile.json).

Run: /usr/bin/python3 tests/data/golden/gen_profile_goldens.py  (pandas 1.5, numpy 1.24)
The small table is written next to the expected profile, so the C# test profiles exactly these values.
Missing values are written as null. pandas/numpy do the statistics; the conventions that are Recur's
own choices (bin count rule, top-value tie order, 0 rather than NaN for the std of one value) are
replicated here and named where they happen.
"""
import json
import math
import os

import numpy as np
import pandas as pd

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
SEED = 20240917
ROWS = 60
BINS = 20
TOP = 10
# The drift reference: quantiles at i / GRID for i = 0..GRID (levels by division, as Recur computes them;
# np.linspace multiplies by a rounded step and differs in the last bit), and every text value's count.
# Recur's default grid is 1000 intervals; 100 keep this file reviewable and exercise the same code.
GRID = 100
QUANTILES = {"p01": 0.01, "p05": 0.05, "p25": 0.25, "p50": 0.5, "p75": 0.75, "p95": 0.95, "p99": 0.99}


def with_missing(rng, values, count):
    values = np.array(values, dtype=object if isinstance(values[0], str) else float)
    values[rng.choice(len(values), size=count, replace=False)] = None if values.dtype == object else np.nan
    return values


def columns(rng):
    # Evaluation order (and so the random stream) is top to bottom.
    return [
        ("age", "integer", with_missing(rng, rng.integers(0, 9, ROWS).astype(float), 7)),
        ("income", "real", with_missing(rng, np.round(rng.lognormal(10, 0.6, ROWS), 1), 4)),
        ("score", "real", np.round(rng.normal(0, 1, ROWS), 2)),
        # Values that sit on bin edges, where numpy's one-ulp edge correction decides the bin.
        ("tenths", "real", np.array([round(k / 10, 1) for k in range(21)] * 3)[:ROWS]),
        ("sparse", "integer", rng.choice([-5.0, 0.0, 100.0, 1000.0], ROWS)),
        ("constant", "real", np.full(ROWS, 2.5)),
        ("single", "real", with_missing(rng, np.full(ROWS, 7.25), ROWS - 1)),
        ("nothing", "real", np.full(ROWS, np.nan)),
        ("city", "text", with_missing(rng, list(rng.choice(["Oslo", "Lyon", "", "Zürich", "São Paulo", "Graz", "<script>"], ROWS)), 6)),
        # 14 codes tie at 3 rows and first appear out of order, so the top-10 cut tests the tie order.
        ("code", "text", np.array([f"c{i * 7 % 23:02d}" for i in range(ROWS)], dtype=object)),
        ("blank", "text", np.array([None] * ROWS, dtype=object)),
        # numpy interpolates from the nearer rank (its _lerp); this column's quantiles differ in the last
        # bit from a plain a + (b - a) * t, so the test pins that detail.
        ("uniform", "real", np.round(rng.uniform(0, 1, ROWS), 2)),
    ]


def recur_format(v):
    # Mirrors .NET's double.ToString("R"): whole numbers have no ".0"; the test data stay away from exponents.
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def top_values(formatted):
    # Recur's order: count descending, then the value's text in ordinal order (pandas leaves ties unordered).
    counts = pd.Series(formatted, dtype=object).value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].encode("utf-16-be")))
    return [{"value": k, "count": int(c)} for k, c in ordered[:TOP]]


def histogram(x):
    # Recur's bin rule: whole numbers spanning at most BINS integers get one unit-wide bin per integer;
    # otherwise min(BINS, distinct) equal-width bins over [min, max]. numpy does the counting.
    lo, hi = x.min(), x.max()
    if all(float(v).is_integer() for v in x) and hi - lo + 1 <= BINS:
        counts, edges = np.histogram(x, bins=int(hi - lo + 1), range=(lo - 0.5, hi + 0.5))
    else:
        counts, edges = np.histogram(x, bins=min(BINS, len(np.unique(x))))
    return {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]}


def reference(kind, s):
    present = s.dropna()
    missing = int(s.isna().sum())
    if kind == "text":
        # Recur's order: count descending, then ordinal text; the cap (10,000) is not reached here.
        ordered = sorted(pd.Series(list(present), dtype=object).value_counts().items(), key=lambda kv: (-kv[1], kv[0].encode("utf-16-be")))
        return {"missing": missing, "numbers": None, "categories": {
            "values": [k for k, _ in ordered], "counts": [int(c) for _, c in ordered],
            "other_count": 0, "other_distinct": 0, "truncated": False}}
    if present.empty:
        return {"missing": missing, "numbers": None, "categories": None}
    x = present.to_numpy(dtype=float)
    grid = np.quantile(x, np.arange(GRID + 1) / GRID)
    return {"missing": missing, "categories": None, "numbers": {
        "count": int(len(x)), "mean": float(x.mean()), "population_std_dev": float(x.std(ddof=0)),
        "quantiles": [0.0 if q == 0 else float(q) for q in grid]}}


def profile(name, kind, values):
    s = pd.Series(values, dtype=object if kind == "text" else float)
    present = s.dropna()
    out = {"name": name, "type": kind, "count": int(s.count()), "missing": int(s.isna().sum()),
           "missing_rate": float(s.isna().mean()), "distinct": int(s.nunique())}
    if kind == "text":
        lengths = present.str.len()
        out.update(numeric=None, histogram=None)
        out["text"] = None if present.empty else {
            "min_length": int(lengths.min()), "max_length": int(lengths.max()),
            "mean_length": float(lengths.mean()), "empty": int((present == "").sum())}
        out["top_values"] = top_values(list(present))
        out["reference"] = reference(kind, s)
        return out
    out["text"] = None
    if present.empty:
        out.update(numeric=None, histogram=None, top_values=[], reference=reference(kind, s))
        return out
    std = 0.0 if len(present) == 1 else float(s.std())  # Recur: 0, not NaN, so profiles stay valid JSON
    numeric = {"min": float(s.min()), "max": float(s.max()), "mean": float(s.mean()), "std_dev": std}
    numeric.update({k: float(s.quantile(q)) for k, q in QUANTILES.items()})
    numeric["zeros"] = int((present == 0).sum())
    out.update(numeric=numeric, histogram=histogram(present.to_numpy()), top_values=top_values([recur_format(v) for v in present]),
               reference=reference(kind, s))
    return out


def to_json_value(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return v if isinstance(v, str) else float(v)


def main():
    rng = np.random.default_rng(SEED)
    cols = columns(rng)
    payload = {
        "generator": "gen_profile_goldens.py", "seed": SEED, "pandas": pd.__version__, "numpy": np.__version__,
        "bins": BINS, "top_values": TOP, "reference_quantiles": GRID, "rows": ROWS,
        "data": [{"name": n, "type": k, "values": [to_json_value(v) for v in vals]} for n, k, vals in cols],
        "expected": [profile(n, k, vals) for n, k, vals in cols],
    }
    with open(os.path.join(OUT_DIR, "profile.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(payload, indent=1, allow_nan=False, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
