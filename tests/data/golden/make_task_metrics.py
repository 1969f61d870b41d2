"""Golden values for Recur's regression and multiclass metrics (task_metrics.json).

Run: /usr/bin/python3 tests/data/golden/make_task_metrics.py  (scikit-learn 1.2, numpy 1.24)
The inputs are drawn from a seeded generator and written into the golden file beside the values,
so the C# tests read both from one place. MAPE is null where an actual value is 0: Recur omits it.
The predicted class is numpy's argmax (ties to the lowest index), as Recur's is.
"""
import json
import os

import numpy as np
import sklearn
from sklearn import metrics

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "task_metrics.json")
SEED = 20250301


def regression_case(name, actual, predicted):
    actual, predicted = np.asarray(actual, float), np.asarray(predicted, float)
    return {
        "name": name,
        "actual": actual.tolist(),
        "predicted": predicted.tolist(),
        "rmse": float(np.sqrt(metrics.mean_squared_error(actual, predicted))),
        "mae": float(metrics.mean_absolute_error(actual, predicted)),
        "r2": float(metrics.r2_score(actual, predicted)),
        "median_absolute_error": float(metrics.median_absolute_error(actual, predicted)),
        "mape": None if (actual == 0).any() else float(metrics.mean_absolute_percentage_error(actual, predicted)),
    }


def multiclass_case(name, classes, probabilities, actual):
    probabilities, actual = np.asarray(probabilities, float), np.asarray(actual, int)
    labels = list(range(len(classes)))
    predicted = probabilities.argmax(axis=1)
    precision, recall, f1, support = metrics.precision_recall_fscore_support(
        actual, predicted, labels=labels, zero_division=0)
    return {
        "name": name,
        "classes": classes,
        "probabilities": probabilities.tolist(),
        "actual": actual.tolist(),
        "accuracy": float(metrics.accuracy_score(actual, predicted)),
        "macro_f1": float(metrics.f1_score(actual, predicted, average="macro", zero_division=0)),
        "micro_f1": float(metrics.f1_score(actual, predicted, average="micro", zero_division=0)),
        "log_loss": float(metrics.log_loss(actual, probabilities, eps=1e-15, labels=labels)),
        "precision": precision.tolist(),
        "recall": recall.tolist(),
        "f1": f1.tolist(),
        "support": support.tolist(),
        "confusion_matrix": metrics.confusion_matrix(actual, predicted, labels=labels).tolist(),
    }


def main():
    rng = np.random.default_rng(SEED)
    actual = np.round(rng.normal(50, 15, 40), 2)
    noisy = np.round(actual + rng.normal(0, 6, 40), 2)
    with_zero = actual.copy()
    with_zero[[3, 17]] = 0.0
    regression = [
        regression_case("noisy", actual, noisy),
        regression_case("actual_has_zero", with_zero, noisy),
        regression_case("odd_count_negative", np.round(rng.normal(-5, 3, 15), 3), np.round(rng.normal(-5, 3, 15), 3)),
        regression_case("constant_actual", [2.0] * 6, [1.5, 2.0, 2.5, 2.0, 3.0, 1.0]),
    ]

    three = np.round(rng.dirichlet([2, 2, 2], 60), 2)
    three[0] = [0.0, 1.0, 0.0]  # a zero probability exercises the clipping
    three[1] = [0.4, 0.4, 0.2]  # a tie goes to the lowest index
    three_actual = np.where(rng.random(60) < 0.6, three.argmax(axis=1), rng.integers(0, 3, 60))
    four = np.round(rng.dirichlet([3, 3, 1, 0.2], 30), 3)
    four[:, 3] = np.minimum(four[:, 3], 0.05)  # class "d" is never predicted...
    four_actual = rng.integers(0, 3, 30)       # ...nor ever the actual class
    multiclass = [
        multiclass_case("three_classes", ["setosa", "versicolor", "virginica"], three, three_actual),
        multiclass_case("absent_class", ["a", "b", "c", "d"], four, four_actual),
    ]

    payload = {"generator": "make_task_metrics.py", "seed": SEED, "sklearn": sklearn.__version__,
               "numpy": np.__version__, "regression": regression, "multiclass": multiclass}
    with open(OUT, "w") as f:
        f.write(json.dumps(payload, indent=1, allow_nan=False) + "\n")


if __name__ == "__main__":
    main()
