#!/usr/bin/env python3
"""Writes the sentiment-transfer example's data from the UCI Sentiment Labelled Sentences.

source: every Amazon and Yelp sentence (2,000 rows); target: the IMDb sentences, those whose 0-based line
number i has i % 10 == K in train.tsv (100 rows), the other 900 in test.tsv. K is the subset (0 for the example).

usage: sentiment_transfer_data.py UCI_DIR OUT_DIR [K]
"""
import os
import sys


def read(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            sentence, label = line.rstrip("\n").rsplit("\t", 1)
            rows.append((sentence.strip(), "positive" if label.strip() == "1" else "negative"))
    return rows


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("sentence\tlabel\n")
        for sentence, label in rows:
            f.write(f"{sentence}\t{label}\n")


def main():
    uci, out = sys.argv[1], sys.argv[2]
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    source = read(os.path.join(uci, "amazon_cells_labelled.txt")) + read(os.path.join(uci, "yelp_labelled.txt"))
    imdb = read(os.path.join(uci, "imdb_labelled.txt"))
    os.makedirs(os.path.join(out, "source", "data"), exist_ok=True)
    os.makedirs(os.path.join(out, "target", "data"), exist_ok=True)
    write(os.path.join(out, "source", "data", "train.tsv"), source)
    write(os.path.join(out, "target", "data", "train.tsv"), [r for i, r in enumerate(imdb) if i % 10 == k])
    write(os.path.join(out, "target", "data", "test.tsv"), [r for i, r in enumerate(imdb) if i % 10 != k])


if __name__ == "__main__":
    main()
