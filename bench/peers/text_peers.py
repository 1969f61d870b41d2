"""Text-classification peer for bench/peers/text-bench.sh: scikit-learn TF-IDF + logistic regression on the
github-issues and sentiment splits, with test accuracy, macro-F1 (and AUC for sentiment) as JSON lines.

    text_peers.py DIR [--C 10] [--stop-words english]

DIR holds the files bench/peers/text_splits.py writes (github-train.tsv, github-test.tsv,
sentiment-train.tsv, sentiment-test.tsv); both recur and this script learn from those files, so the
rows are the same. Run with the Debian interpreter (/usr/bin/python3: python3-sklearn 1.2,
python3-pandas).

The splits (text_splits.py has the details):
- github: the 20 % of issues with the highest ID (323) are test, the rest (1,292) train.
- sentiment: amazon, imdb, yelp concatenated; row i is test when i % 5 == 4 (600), else train (2,400).

recur holds out 20 % of the training file for validation and fits on the rest, so each data set is
fitted twice, and each result says which rows it fitted on (`fit_rows`):
- `recur`: exactly the rows recur fits on, under the examples' recur.yaml:
  - github (`split: {time: ID, validation: 0.2}`): rows ordered by ID; with n training rows the
    cut is the ID at position floor(n * (1 - 0.2)) of that order, and rows with a smaller ID are
    fitted (1,033 of 1,292), the rest validate (src/Recur.Lake/Splitting/TimeSplitter.cs).
  - sentiment (no key, no time column: a whole-row split): a row validates when
    ABS(MOD(Fingerprint64(sentence + U+001F + label), 100)) < 20, and is fitted otherwise
    (docs/design/fingerprint-splitting.md; fingerprint64.py here).
- `all`: every row of the training file (what a peer would use on its own).
Both are scored on the whole test file.

Models:
- github: a ColumnTransformer with one TfidfVectorizer for Title and one for Description (word
  unigrams and bigrams, lowercase, sublinear_tf, min_df=2, max_features=5000 each; an empty
  Description is ''), then LogisticRegression(C=10, max_iter=1000): lbfgs, multinomial over the 22
  areas.
- sentiment: TfidfVectorizer(word unigrams and bigrams, lowercase, sublinear_tf, min_df=1) on
  sentence, then LogisticRegression(C=10, max_iter=1000); the positive class is `positive`.
C=10 (weak L2, as usual for sparse TF-IDF features of a few thousand rows) was fixed before looking
at test scores; --C changes it. --stop-words english drops scikit-learn's English stop-word list in
every vectorizer (examples/github-issues/recur.yaml asks recur for English stop words; the default
here has none).

Metrics: accuracy; macro-F1 averaged over the classes that occur among the actual or predicted labels
(scikit-learn's default, and recur's rule); for sentiment also AUC on the probability of `positive`
and the F1 of `positive` (recur's binary maps have `f1`, not `macro_f1`). The predicted class is the
most probable one (argmax, so for sentiment a threshold of 0.5). train_seconds is the
pipeline's fit (vectorizers and model), predict_seconds the test file's transform and predict_proba;
reading the files is not timed.
"""
import argparse
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pandas as pd  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402

from fingerprint64 import is_validation, row_key  # noqa: E402
from text_splits import read  # noqa: E402

VALIDATION = 0.2


def frame(path):
    columns, rows = read(path)
    return pd.DataFrame(rows, columns=columns)


def github_fit_rows(train):
    """recur's time split on ID: the rows before the cut."""
    ids = train["ID"].astype(int)
    order = sorted(range(len(ids)), key=lambda r: (ids.iloc[r], r))
    position = min(max(math.floor(len(order) * (1 - VALIDATION)), 0), len(order) - 1)
    cut = ids.iloc[order[position]]
    return train[ids < cut]


def sentiment_fit_rows(train):
    """recur's whole-row split: rows whose Fingerprint64 bucket is not a validation bucket."""
    keep = [not is_validation(row_key(row), VALIDATION) for row in train[["sentence", "label"]].itertuples(index=False)]
    return train[keep]


def tfidf(args, **settings):
    return TfidfVectorizer(ngram_range=(1, 2), lowercase=True, sublinear_tf=True, stop_words=args.stop_words, **settings)


def github_model(args):
    columns = ColumnTransformer([("title", tfidf(args, min_df=2, max_features=5000), "Title"),
                                 ("description", tfidf(args, min_df=2, max_features=5000), "Description")])
    return Pipeline([("features", columns), ("model", LogisticRegression(C=args.C, max_iter=1000))])


def sentiment_model(args):
    columns = ColumnTransformer([("sentence", tfidf(args, min_df=1), "sentence")])
    return Pipeline([("features", columns), ("model", LogisticRegression(C=args.C, max_iter=1000))])


DATASETS = {
    "github": ("Area", github_model, github_fit_rows),
    "sentiment": ("label", sentiment_model, sentiment_fit_rows),
}


def run(name, directory, args):
    label, make, recur_rows = DATASETS[name]
    train = frame(os.path.join(directory, f"{name}-train.tsv"))
    test = frame(os.path.join(directory, f"{name}-test.tsv"))
    for fit_rows, rows in (("recur", recur_rows(train)), ("all", train)):
        model = make(args)
        started = time.perf_counter()
        model.fit(rows.drop(columns=[label]), rows[label])
        train_seconds = time.perf_counter() - started
        started = time.perf_counter()
        probabilities = model.predict_proba(test.drop(columns=[label]))
        predict_seconds = time.perf_counter() - started
        classes = list(model.classes_)
        predicted = [classes[i] for i in probabilities.argmax(axis=1)]
        result = {"dataset": name, "peer": "sklearn", "fit_rows": fit_rows, "train_rows": len(rows),
                  "test_rows": len(test), "classes": len(classes), "C": args.C, "stop_words": args.stop_words,
                  "accuracy": accuracy_score(test[label], predicted),
                  "macro_f1": f1_score(test[label], predicted, average="macro")}
        if name == "sentiment":
            result["auc"] = roc_auc_score(test[label] == "positive", probabilities[:, classes.index("positive")])
            result["f1"] = f1_score(test[label], predicted, pos_label="positive")  # recur's binary f1
        result.update(train_seconds=round(train_seconds, 3), predict_seconds=round(predict_seconds, 3))
        print(json.dumps(result), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", help="folder with the files text_splits.py writes")
    parser.add_argument("--C", type=float, default=10.0, help="inverse L2 strength of LogisticRegression (default 10)")
    parser.add_argument("--stop-words", choices=["english"], default=None, help="drop English stop words")
    parser.add_argument("--dataset", choices=sorted(DATASETS), action="append", help="only this data set (repeatable)")
    args = parser.parse_args()
    for name in args.dataset or ["github", "sentiment"]:
        run(name, args.directory, args)


if __name__ == "__main__":
    main()
