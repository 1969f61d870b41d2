#!/usr/bin/env python3
"""Derives the multilabel github-issues files from the github-issues example's time split.

Reads ../../github-issues/data/train.tsv and test.tsv (ID, Area, Title, Description; unquoted TSV)
and writes train.tsv and test.tsv here with the columns ID, Title, Description, Labels, where Labels
is a ';'-separated set (possibly empty) built by the rules in RULES below. The Area column is dropped
(four of the labels are read from it, so keeping it would hand them to the model).

Run from this folder: /usr/bin/python3 derive_labels.py
"""
import csv
import re
import sys

# Labels read from the human-assigned area (the real labels of the source): the four largest areas.
AREA_LABELS = {
    "area-System.Net": "net",
    "area-System.IO": "io",
    "area-Infrastructure": "infrastructure",
    "area-System.Memory": "memory",
}

# Labels derived from the text (title and description, lower-cased) by a regular expression each.
RULES = [
    ("bug-report", r"exception|crash|throws|stack ?trace|\bfails?\b|\bfailed\b"),
    ("has-code", r"```|\bvar \w+ = |\bnew \w+\(|;\s*\}|public (?:static |class )"),
    ("performance", r"perf|slow|allocat|benchmark|faster"),
    ("cross-platform", r"linux|ubuntu|macos|\bosx\b|unix"),
]


def labels_of(area, title, description):
    text = f"{title} {description}".lower()
    found = [AREA_LABELS[area]] if area in AREA_LABELS else []
    found += [name for name, pattern in RULES if re.search(pattern, text)]
    return ";".join(sorted(found))


def convert(source, target):
    with open(source, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    if header != ["ID", "Area", "Title", "Description"]:
        sys.exit(f"{source}: unexpected header {header}")
    with open(target, "w", encoding="utf-8", newline="") as f:
        f.write("ID\tTitle\tDescription\tLabels\n")
        for issue, area, title, description in body:
            f.write(f"{issue}\t{title}\t{description}\t{labels_of(area, title, description)}\n")
    return len(body)


if __name__ == "__main__":
    for name in ("train.tsv", "test.tsv"):
        print(name, convert(f"../../github-issues/data/{name}", name))
