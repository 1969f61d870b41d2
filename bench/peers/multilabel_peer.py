"""Multilabel peer for examples/github-issues-multilabel: scikit-learn TF-IDF + one logistic regression per
label (OneVsRestClassifier, i.e. binary relevance) and ClassifierChain, with a threshold per label chosen
on the validation rows to maximise that label's F1, as recur does. Prints one JSON line per model with
micro-F1, macro-F1, Hamming loss, subset accuracy on the 323 test issues, and the fit time.

    /usr/bin/python3 bench/peers/multilabel_peer.py examples/github-issues-multilabel/data

Rows: recur's time split of train.tsv (rows ordered by ID; the first floor(n * 0.8) = 1,033 are fitted,
the rest validate; src/Recur.Lake/Splitting/TimeSplitter.cs), the whole test.tsv scored. Features: one
TfidfVectorizer per column (Title, Description), word unigrams and bigrams, English stop words, at most
5,000 terms each, texts cut at 3,000 characters, as the example's recur.yaml asks.
LogisticRegression(C=50, max_iter=1000): weak L2, fixed before looking at test scores (recur's l2 0.02
is on another scale, so C is stated, not matched). The chain's order is the one recur drew for seed 42.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, hamming_loss
from sklearn.multiclass import OneVsRestClassifier
from sklearn.multioutput import ClassifierChain

LABELS = ["bug-report", "cross-platform", "has-code", "infrastructure", "io", "memory", "net", "performance"]
CHAIN_ORDER = ["memory", "cross-platform", "has-code", "bug-report", "io", "infrastructure", "performance", "net"]


def read(path):
    d = pd.read_csv(path, sep="\t", quoting=3, keep_default_na=False, dtype=str)
    d["ID"] = d["ID"].astype(int)
    sets = d["Labels"].apply(lambda s: set(x for x in s.split(";") if x))
    y = np.array([[int(label in s) for label in LABELS] for s in sets])
    return d, y


def best_threshold(scores, actual):
    if actual.sum() == 0:
        return 0.5
    best, threshold = -1.0, 0.5
    for t in sorted(set(scores), reverse=True):
        p = scores >= t
        tp = (p & (actual == 1)).sum()
        f1 = 2 * tp / (p.sum() + actual.sum())
        if f1 > best:
            best, threshold = f1, t
    return threshold


def main(folder):
    train, y_train_all = read(f"{folder}/train.tsv")
    test, y_test = read(f"{folder}/test.tsv")
    order = np.argsort(train["ID"].values, kind="stable")
    cut = int(len(order) * 0.8)
    fit_rows, val_rows = order[:cut], order[cut:]
    vectorizers = [TfidfVectorizer(ngram_range=(1, 2), stop_words="english", max_features=5000) for _ in range(2)]

    def features(frame, fit=False):
        parts = []
        for v, column in zip(vectorizers, ["Title", "Description"]):
            text = frame[column].str.slice(0, 3000)
            parts.append(v.fit_transform(text) if fit else v.transform(text))
        return hstack(parts).tocsr()

    x_fit = features(train.iloc[fit_rows], fit=True)
    x_val, x_test = features(train.iloc[val_rows]), features(test)
    y_fit, y_val = y_train_all[fit_rows], y_train_all[val_rows]
    index = [LABELS.index(label) for label in CHAIN_ORDER]
    models = {
        "sklearn OneVsRest(LogisticRegression)": OneVsRestClassifier(LogisticRegression(C=50, max_iter=1000)),
        "sklearn ClassifierChain(LogisticRegression)": ClassifierChain(LogisticRegression(C=50, max_iter=1000), order=index),
    }
    for name, model in models.items():
        started = time.perf_counter()
        model.fit(x_fit, y_fit)
        seconds = time.perf_counter() - started
        val, test_scores = model.predict_proba(x_val), model.predict_proba(x_test)
        thresholds = np.array([best_threshold(val[:, k], y_val[:, k]) for k in range(len(LABELS))])
        predicted = (test_scores >= thresholds).astype(int)
        print(json.dumps({
            "model": name, "fit_rows": int(len(fit_rows)), "test_rows": int(len(test)), "fit_seconds": round(seconds, 2),
            "micro_f1": round(f1_score(y_test, predicted, average="micro"), 4),
            "macro_f1": round(f1_score(y_test, predicted, average="macro", zero_division=0), 4),
            "hamming_loss": round(hamming_loss(y_test, predicted), 4),
            "subset_accuracy": round(accuracy_score(y_test, predicted), 4),
        }))


if __name__ == "__main__":
    main(sys.argv[1])
