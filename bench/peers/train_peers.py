"""Training peers for bench/peers/train-bench.sh: xgboost (hist) and scikit-learn's
HistGradientBoosting on the Adult and bike-sharing examples, with recur's training settings.

    train_peers.py side adult|bike DIR [--repeat N]   fit time, wall and CPU (median of N fits in this
                                                      process), and test metrics of both peers, as JSON lines
    train_peers.py plain adult|bike DIR               the "plain script": load the CSVs, fit xgboost,
                                                      score the test file; timed as a whole process

DIR is an example project folder (its data/ holds the CSVs). Run with the Debian interpreter
(/usr/bin/python3: python3-sklearn 1.2, python3-xgboost 1.7); there is no pandas there, so the files are
read with the csv module.

Features are prepared the way recur prepares them: the same columns (Adult without fnlwgt; bike without
casual, registered, dteday and the key instant), numbers as they are (missing -> NaN), and each text
column one-hot encoded on the categories seen in training (missing or unseen -> all zeros, as ML.NET's
indicator one-hot does). Both peers get the same one-hot matrix; sklearn's native categorical support
is not used.

Both peers fit on the rows recur fits on: recur holds out 20 % of the training file for validation, so
bike fits on the earliest 80 % of hours (recur's time split on instant, exactly), Adult on a seeded
random 80 % (recur hashes whole rows; the same share, not the same rows). Metrics are on the test file.
"""
import csv
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "2")  # sklearn 1.2's HistGradientBoosting has no thread setting

import numpy as np  # noqa: E402

THREADS = 2
TREES, LEAVES, RATE, MIN_LEAF = 100, 31, 0.1, 20
VALIDATION = 0.2
SEED = 42

ADULT_COLUMNS = ["age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation",
                 "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week",
                 "native-country", "income"]
ADULT_NUMERIC = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
ADULT_TEXT = ["workclass", "education", "marital-status", "occupation", "relationship", "race", "sex",
              "native-country"]
BIKE_NUMERIC = ["season", "yr", "mnth", "hr", "holiday", "weekday", "workingday", "weathersit", "temp",
                "atemp", "hum", "windspeed"]


def read_adult(path, skip_first):
    rows = []
    with open(path, newline="") as f:
        reader = csv.reader(f, skipinitialspace=True)
        if skip_first:
            next(reader)  # '|1x3 Cross validator'
        for fields in reader:
            if not fields or all(not x.strip() for x in fields):
                continue
            rows.append({c: (None if v.strip() == "?" else v.strip()) for c, v in zip(ADULT_COLUMNS, fields)})
    return rows


def one_hot_matrix(train_rows, test_rows, numeric, text):
    """Numbers as float (None -> NaN), text columns one-hot on the training categories."""
    categories = {c: sorted({r[c] for r in train_rows if r[c] is not None}) for c in text}
    index = {}
    for c in text:
        for v in categories[c]:
            index[(c, v)] = len(numeric) + len(index)
    width = len(numeric) + len(index)

    def build(rows):
        x = np.zeros((len(rows), width), dtype=np.float32)
        for i, r in enumerate(rows):
            for j, c in enumerate(numeric):
                v = r[c]
                x[i, j] = np.nan if v is None or v == "" else float(v)
            for c in text:
                k = index.get((c, r[c]))
                if k is not None:
                    x[i, k] = 1.0
        return x

    return build(train_rows), build(test_rows)


def load_adult(project):
    train = read_adult(os.path.join(project, "data", "adult.data"), skip_first=False)
    test = read_adult(os.path.join(project, "data", "adult.test"), skip_first=True)
    # The share of rows recur trains on (it validates on the other 20 %).
    keep = np.random.default_rng(SEED).permutation(len(train))[: int(len(train) * (1 - VALIDATION))]
    train = [train[i] for i in sorted(keep)]
    x_train, x_test = one_hot_matrix(train, test, ADULT_NUMERIC, ADULT_TEXT)
    y_train = np.array([r["income"].rstrip(".") == ">50K" for r in train], dtype=np.int32)
    y_test = np.array([r["income"].rstrip(".") == ">50K" for r in test], dtype=np.int32)
    return x_train, y_train, x_test, y_test


def read_bike(path):
    with open(path, newline="") as f:
        return [dict(r) for r in csv.DictReader(f)]


def load_bike(project):
    train = read_bike(os.path.join(project, "data", "hour_train.csv"))
    test = read_bike(os.path.join(project, "data", "hour_test.csv"))
    # recur's time split on instant: the earliest 80 % of hours train, the latest 20 % validate.
    train.sort(key=lambda r: float(r["instant"]))
    train = train[: int(len(train) * (1 - VALIDATION))]
    x_train, x_test = one_hot_matrix(train, test, BIKE_NUMERIC, [])
    y_train = np.array([float(r["cnt"]) for r in train])
    y_test = np.array([float(r["cnt"]) for r in test])
    return x_train, y_train, x_test, y_test


def xgboost_model(task):
    import xgboost as xgb
    common = dict(tree_method="hist", n_estimators=TREES, max_leaves=LEAVES, grow_policy="lossguide", max_depth=0,
                  learning_rate=RATE, n_jobs=THREADS, random_state=SEED)
    if task == "binary":
        # min_child_weight bounds a leaf's hessian sum, not its rows; with log-loss there is no
        # row-count equivalent, so xgboost's default (1) stays.
        return xgb.XGBClassifier(objective="binary:logistic", **common)
    # With squared error every row's hessian is 1: min_child_weight 20 is exactly 20 rows per leaf.
    return xgb.XGBRegressor(objective="reg:squarederror", min_child_weight=MIN_LEAF, **common)


def sklearn_model(task):
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    # early_stopping would otherwise switch on above 10,000 rows and hold out 10 % of them.
    common = dict(max_iter=TREES, max_leaf_nodes=LEAVES, learning_rate=RATE, min_samples_leaf=MIN_LEAF,
                  early_stopping=False, random_state=SEED)
    return HistGradientBoostingClassifier(**common) if task == "binary" else HistGradientBoostingRegressor(**common)


def metrics(task, model, x_test, y_test):
    from sklearn.metrics import log_loss, mean_squared_error, r2_score, roc_auc_score
    if task == "binary":
        p = model.predict_proba(x_test)[:, 1]
        return {"auc": roc_auc_score(y_test, p), "log_loss": log_loss(y_test, p)}
    y = model.predict(x_test)
    return {"rmse": float(np.sqrt(mean_squared_error(y_test, y))), "r2": r2_score(y_test, y)}


DATASETS = {"adult": ("binary", load_adult), "bike": ("regression", load_bike)}


def side(name, project, repeat):
    task, load = DATASETS[name]
    x_train, y_train, x_test, y_test = load(project)
    for peer, make in (("xgboost", xgboost_model), ("sklearn", sklearn_model)):
        times, cpu = [], []
        for _ in range(repeat):
            model = make(task)
            started, started_cpu = time.perf_counter(), time.process_time()
            model.fit(x_train, y_train)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)  # every thread of the process
        result = {"dataset": name, "peer": peer, "train_rows": len(y_train), "test_rows": len(y_test),
                  "features": x_train.shape[1], "fit_seconds": float(np.median(times)),
                  "fit_cpu": float(np.median(cpu)), "fit_runs": [round(t, 3) for t in times]}
        result.update(metrics(task, model, x_test, y_test))
        print(json.dumps(result), flush=True)


def plain(name, project):
    task, load = DATASETS[name]
    x_train, y_train, x_test, y_test = load(project)
    model = xgboost_model(task)
    model.fit(x_train, y_train)
    print(json.dumps({"dataset": name, "peer": "xgboost plain script", **metrics(task, model, x_test, y_test)}))


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "side" and args[1] in DATASETS:
        repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
        side(args[1], args[2], repeat)
    elif len(args) == 3 and args[0] == "plain" and args[1] in DATASETS:
        plain(args[1], args[2])
    else:
        sys.exit(__doc__)
