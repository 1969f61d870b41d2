"""Featurization throughput peer for bench/peers/features-bench.sh: scikit-learn's ColumnTransformer on a
generated mixed-type table (numbers, categories, a high-cardinality id, a cross, short text).

    featurize_peer.py gen FILE [--rows 1000000] [--seed 42]   write the table as CSV (deterministic for a seed)
    featurize_peer.py run FILE [--jobs 1] [--parts]           time fit_transform on it, print JSON

Run with the Debian interpreter (/usr/bin/python3: python3-sklearn 1.2, python3-pandas 1.5).

The table (header `x1,x2,x3,color,city,user,hour,weekday,title,label`, no quoting needed, LF endings):
- x1 ~ normal(0, 1), x2 ~ exponential(mean 2), x3 ~ uniform(-5, 5); each is missing (an empty field)
  in about 2 % of rows, independently.
- color: 8 colour names, equally likely.
- city: `city_00` to `city_49`, Zipf-like (probability of rank k proportional to 1 / (k + 1)^1.1).
- user: `u100000` to `u299999`, drawn uniformly from 200,000 ids (about 199,000 distinct in 1M rows).
- hour: integer 0-23; weekday: integer 0-6.
- title: 3 to 8 words, lowercase letters only, from a generated vocabulary of 2,000 words, the
  frequent ones more likely (Zipf-like, exponent 1).
- label: 0/1 from a noisy rule over x1, x2, x3, color, city, hour, weekday and title words, plus logistic
  noise; about half the rows are 1. The label is not used by the featurizer.

`run` reads the CSV with pandas (not timed; only an empty field is missing, so no text value is ever
read as NaN), then times one ColumnTransformer.fit_transform over every row:
- x1, x2, x3: SimpleImputer(mean) then StandardScaler                          3 columns
- color, city: OneHotEncoder(handle_unknown='ignore')                          8 + 50 columns
- user: FeatureHasher(n_features=1024, input_type='string', alternate_sign=False)   1024 columns
- hour x weekday: the text `<hour>x<weekday>` (e.g. `18x5`, built inside the timed transform), then
  FeatureHasher(n_features=256, input_type='string', alternate_sign=False)   256 columns
- title: TfidfVectorizer(max_features=1000), its defaults otherwise (lowercase, word tokens of 2+
  characters, l2-normalised, smooth idf)                                      1000 columns
alternate_sign=False makes each hashed value a 0/1 indicator in its bucket (one-hot of the hash), as
a hashed categorical feature usually is. The output is the sparse CSR matrix ColumnTransformer
returns by default (its density is far below 0.3). `--jobs` is
ColumnTransformer's n_jobs (default 1: one process).

Output: {"rows", "seconds", "cpu_seconds", "rows_per_second", "output_width", "nonzeros", "jobs", ...}.
With --parts, each of the five transformers is then also fitted alone on its columns, and "parts" gives
its seconds (where the time goes; not part of "seconds").
"""
import argparse
import json
import sys
import time

import numpy as np

COLORS = ["red", "green", "blue", "yellow", "black", "white", "orange", "purple"]
CITIES = 50
USERS = 200_000
VOCABULARY = 2_000
MISSING = 0.02
COLUMNS = ["x1", "x2", "x3", "color", "city", "user", "hour", "weekday", "title", "label"]


def zipf_probabilities(n, exponent):
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


def vocabulary(rng):
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words, seen = [], {"nan", "null", "none"}
    while len(words) < VOCABULARY:
        word = "".join(rng.choice(letters, size=rng.integers(3, 10)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def generate(path, rows, seed):
    import pandas as pd
    rng = np.random.default_rng(seed)
    words = np.array(vocabulary(rng), dtype=object)
    x1 = rng.normal(0.0, 1.0, rows)
    x2 = rng.exponential(2.0, rows)
    x3 = rng.uniform(-5.0, 5.0, rows)
    color = rng.integers(0, len(COLORS), rows)
    city = rng.choice(CITIES, size=rows, p=zipf_probabilities(CITIES, 1.1))
    user = rng.integers(0, USERS, rows)
    hour = rng.integers(0, 24, rows)
    weekday = rng.integers(0, 7, rows)
    lengths = rng.integers(3, 9, rows)
    picks = rng.choice(VOCABULARY, size=(rows, 8), p=zipf_probabilities(VOCABULARY, 1.0))
    titles = [" ".join(words[picks[i, :lengths[i]]]) for i in range(rows)]

    # The rule: a few strong signals, several weak ones, logistic noise; the threshold halves the rows.
    color_effect = np.linspace(-0.8, 0.8, len(COLORS))[color]
    city_effect = np.where(city < 5, 0.5, np.where(city >= 40, -0.5, 0.0))
    evening = ((hour >= 18) & (hour <= 22)).astype(float)
    weekend = (weekday >= 5).astype(float)
    signal_words = ((picks < 30) & (np.arange(8) < lengths[:, None])).sum(axis=1)
    score = (1.2 * x1 - 0.4 * x2 + 0.2 * x3 + color_effect + city_effect + 0.7 * evening * (1 - weekend)
             - 0.5 * weekend + 0.6 * np.minimum(signal_words, 2) + rng.logistic(0.0, 1.0, rows))
    label = (score > np.median(score)).astype(np.int8)

    for x in (x1, x2, x3):
        x[rng.random(rows) < MISSING] = np.nan
    frame = pd.DataFrame({"x1": x1, "x2": x2, "x3": x3, "color": np.array(COLORS, dtype=object)[color],
                          "city": np.char.mod("city_%02d", city),
                          "user": np.char.mod("u%d", user + 100_000), "hour": hour, "weekday": weekday,
                          "title": titles, "label": label}, columns=COLUMNS)
    frame.to_csv(path, index=False, float_format="%.6g", na_rep="", lineterminator="\n")


def read(path):
    import pandas as pd
    return pd.read_csv(path, keep_default_na=False, na_values={c: [""] for c in ("x1", "x2", "x3")},
                       dtype={"x1": "float64", "x2": "float64", "x3": "float64", "color": str, "city": str, "user": str,
                              "hour": "int64", "weekday": "int64", "title": str, "label": "int64"})


# Named functions, not lambdas, so that --jobs above 1 can pickle the transformer.
def as_rows(frame):
    """One-column frame -> an (n, 1) array: FeatureHasher then sees one string per row."""
    return frame.to_numpy()


def hour_by_weekday(frame):
    return (frame["hour"].astype(str) + "x" + frame["weekday"].astype(str)).to_numpy().reshape(-1, 1)


def featurizer(jobs):
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler
    return ColumnTransformer([
        ("numbers", make_pipeline(SimpleImputer(strategy="mean"), StandardScaler()), ["x1", "x2", "x3"]),
        ("categories", OneHotEncoder(handle_unknown="ignore"), ["color", "city"]),
        ("user", make_pipeline(FunctionTransformer(as_rows),
                               FeatureHasher(n_features=1024, input_type="string", alternate_sign=False)), ["user"]),
        ("hour_x_weekday", make_pipeline(FunctionTransformer(hour_by_weekday),
                                         FeatureHasher(n_features=256, input_type="string", alternate_sign=False)),
         ["hour", "weekday"]),
        ("title", TfidfVectorizer(max_features=1000), "title"),
    ], n_jobs=jobs)


def run(path, jobs, parts):
    import sklearn
    frame = read(path)
    transformer = featurizer(jobs)
    started, started_cpu = time.perf_counter(), time.process_time()
    output = transformer.fit_transform(frame)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - started_cpu  # this process only: with --jobs > 1 the workers' CPU is not in it
    result = {"peer": "sklearn", "version": sklearn.__version__, "rows": len(frame),
              "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
              "rows_per_second": round(len(frame) / seconds), "output_width": output.shape[1],
              "nonzeros": int(output.nnz) if hasattr(output, "nnz") else int(np.count_nonzero(output)),
              "sparse": hasattr(output, "nnz"), "jobs": jobs}
    if parts:
        result["parts"] = {}
        for name, part, columns in featurizer(1).transformers:
            started = time.perf_counter()
            part.fit_transform(frame[columns])
            result["parts"][name] = round(time.perf_counter() - started, 3)
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_subparsers(dest="mode", required=True)
    gen = modes.add_parser("gen", help="write the generated CSV")
    gen.add_argument("file")
    gen.add_argument("--rows", type=int, default=1_000_000)
    gen.add_argument("--seed", type=int, default=42)
    timed = modes.add_parser("run", help="time ColumnTransformer.fit_transform on the CSV")
    timed.add_argument("file")
    timed.add_argument("--jobs", type=int, default=1)
    timed.add_argument("--parts", action="store_true", help="also time each transformer alone")
    args = parser.parse_args()
    if args.mode == "gen":
        if args.rows < 1:
            sys.exit("--rows must be at least 1")
        generate(args.file, args.rows, args.seed)
    else:
        run(args.file, args.jobs, args.parts)


if __name__ == "__main__":
    main()
