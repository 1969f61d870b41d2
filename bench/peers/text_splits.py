"""Writes the train/test files of the text benchmark, so recur and the peers learn from the same rows.

    text_splits.py OUT_DIR

writes into OUT_DIR (created if needed):

    github-train.tsv   github-test.tsv      ID, Area, Title, Description   (1,292 + 323 rows)
    sentiment-train.tsv sentiment-test.tsv  sentence, label                (2,400 + 600 rows)

examples/github-issues/data/{train,test}.tsv and examples/sentiment/data/{train,test}.tsv are these
files under shorter names; bench/peers/text-bench.sh checks that they still match.

The splits (exact; anything that reads the sources must reproduce them row for row):

- github: tests/data/github-issues/corefx-issues.tsv (1,615 rows), read quote-aware (csv module,
  tab delimiter, '"' as the quote character, '""' inside quotes is one '"'). Rows are ordered by ID
  ascending (IDs are unique); the first n * 4 // 5 (1,292) are train and the rest, the 323 issues with
  the highest ID, are test: a time split, the model is judged on issues filed after every training
  issue. Rows keep that ascending ID order in both files.
- sentiment: tests/data/sentiment/uci/amazon_cells_labelled.txt, imdb_labelled.txt and
  yelp_labelled.txt concatenated in that order (3,000 lines, `sentence<TAB>0|1`, no header, each line
  split at its last tab; the files hold no quoting, '"' is plain text). Row i (0-based, over the
  concatenation) is test when i % 5 == 4, train otherwise. Rows keep their order. Label 1 is written
  `positive`, 0 `negative`.

How the fields are written (every record is one line, no field holds a tab):
- UTF-8, LF line endings, a header line, tab-delimited, no quoting at all: a '"' in the text is
  written as it is, so read the files with quoting off (recur: `quote: none`; Python: split each line
  on tabs, or csv with quoting=csv.QUOTE_NONE).
- In every text field, each tab, carriage return and line feed is replaced by one space (the current
  sources hold none once unquoted; the rule is there so the files stay one record per line), then
  leading and trailing whitespace is removed (recur trims fields when it ingests them, so trimmed text
  is what both sides see). Nothing else changes: case, punctuation and inner spaces are kept.
- An empty Description stays empty (44 github rows; recur reads it as missing, the peers as '').
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
GITHUB_SOURCE = os.path.join(ROOT, "tests", "data", "github-issues", "corefx-issues.tsv")
SENTIMENT_SOURCES = [os.path.join(ROOT, "tests", "data", "sentiment", "uci", name)
                     for name in ("amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt")]
GITHUB_COLUMNS = ["ID", "Area", "Title", "Description"]
SENTIMENT_COLUMNS = ["sentence", "label"]
SENTIMENT_LABELS = {"0": "negative", "1": "positive"}


def clean(text):
    """One line, no tabs, no padding (see the module's docstring)."""
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ").strip()


def github_rows():
    with open(GITHUB_SOURCE, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quotechar='"')
        header = next(reader)
        if header != GITHUB_COLUMNS:
            sys.exit(f"{GITHUB_SOURCE}: header {header}, expected {GITHUB_COLUMNS}")
        rows = []
        for fields in reader:
            if len(fields) != 4:
                sys.exit(f"{GITHUB_SOURCE}: line {reader.line_num}: {len(fields)} fields, expected 4")
            rows.append([str(int(fields[0]))] + [clean(x) for x in fields[1:]])
    ids = [int(r[0]) for r in rows]
    if len(set(ids)) != len(ids):
        sys.exit(f"{GITHUB_SOURCE}: IDs are not unique; the time split needs them to be")
    return sorted(rows, key=lambda r: int(r[0]))


def github_split():
    rows = github_rows()
    cut = len(rows) * 4 // 5
    return rows[:cut], rows[cut:]


def sentiment_rows():
    rows = []
    for path in SENTIMENT_SOURCES:
        with open(path, encoding="utf-8", newline="") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line:
                    continue
                sentence, sep, label = line.rpartition("\t")
                if not sep or label not in SENTIMENT_LABELS:
                    sys.exit(f"{path}: line {number}: expected 'sentence<TAB>0|1'")
                rows.append([clean(sentence), SENTIMENT_LABELS[label]])
    return rows


def sentiment_split():
    rows = sentiment_rows()
    return [r for i, r in enumerate(rows) if i % 5 != 4], [r for i, r in enumerate(rows) if i % 5 == 4]


def write(path, columns, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        for fields in [columns] + rows:
            f.write("\t".join(fields) + "\n")
    os.replace(tmp, path)


def read(path):
    """Reads a file this script wrote: (columns, rows as lists of strings)."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] == "":
        lines.pop()
    columns = lines[0].split("\t")
    rows = [line.split("\t") for line in lines[1:]]
    for number, fields in enumerate(rows, 2):
        if len(fields) != len(columns):
            sys.exit(f"{path}: line {number}: {len(fields)} fields, expected {len(columns)}")
    return columns, rows


def main(out):
    os.makedirs(out, exist_ok=True)
    counts = {}
    for name, columns, (train, test) in (("github", GITHUB_COLUMNS, github_split()),
                                         ("sentiment", SENTIMENT_COLUMNS, sentiment_split())):
        write(os.path.join(out, f"{name}-train.tsv"), columns, train)
        write(os.path.join(out, f"{name}-test.tsv"), columns, test)
        counts[name] = (len(train), len(test))
    for name, (train, test) in counts.items():
        print(f"{name}: {train} train rows, {test} test rows", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
