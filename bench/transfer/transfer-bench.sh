#!/usr/bin/env bash
# Transfer learning on sentiment: a source project on the Amazon and Yelp sentences (2,000), a target on 100
# IMDb sentences, evaluated on the other 900. For each subset K (IMDb lines i with i % 10 == K train), the target
# is trained from scratch first (it becomes the champion), then with training.transfer reuse: features,
# embeddings and score; each transfer run's gate measures its AUC gain over the scratch champion on the same
# 900 rows (paired bootstrap). Prints one line per run and a summary.
#
# usage: bench/transfer/transfer-bench.sh [SUBSETS]   (default "0 1 2 3 4"); RECUR=path/to/recur to skip the build
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
recur="${RECUR:-$here/recur}"
subsets="${1:-0 1 2 3 4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"
printf 'subset\treuse\tauc\tauc_low\tauc_high\taccuracy\taccuracy_low\taccuracy_high\tgain_vs_scratch\tgain_low\tgain_high\n' > "$results"

/usr/bin/python3 "$here/bench/transfer/sentiment_transfer_data.py" "$here/tests/data/sentiment/uci" "$work/data" 0
cp "$here/examples/sentiment-transfer/source/recur.yaml" "$work/data/source/"
"$recur" ingest train -p "$work/data/source" >/dev/null 2>&1
"$recur" train -p "$work/data/source" --json > "$work/source.json" 2>/dev/null

for k in $subsets; do
  /usr/bin/python3 "$here/bench/transfer/sentiment_transfer_data.py" "$here/tests/data/sentiment/uci" "$work/k$k" "$k"
  target="$work/k$k/target"
  mkdir -p "$work/k$k/source" && rm -rf "$work/k$k/source" && ln -s "$work/data/source" "$work/k$k/source"
  for reuse in none features embeddings score; do
    if [ "$reuse" != none ]; then rm -rf "$target" && cp -r "$work/k$k/scratch" "$target"; fi   # every transfer run starts from the scratch champion
    /usr/bin/python3 - "$here/examples/sentiment-transfer/target/recur.yaml" "$target/recur.yaml" "$reuse" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
reuse = sys.argv[3]
text = re.sub(r"  transfer:\n(    .*\n)+", "", text) if reuse == "none" else re.sub(r"reuse: \w+", "reuse: " + reuse, text)
open(sys.argv[2], "w").write(text)
PY
    if [ "$reuse" = none ]; then
      "$recur" ingest train -p "$target" >/dev/null 2>&1
      "$recur" ingest test -p "$target" >/dev/null 2>&1
    fi
    "$recur" train -p "$target" --json > "$work/k$k-$reuse.json" 2>/dev/null || true
    if [ "$reuse" = none ]; then cp -r "$target" "$work/k$k/scratch"; fi
    /usr/bin/python3 - "$work/k$k-$reuse.json" "$k" "$reuse" >> "$results" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
c = d["candidate"]
gain = ["", "", ""]
for check in d["gate"]["checks"]:
    m = re.search(r"auc gain over champion (-?[\d.]+), paired 95 % interval \[(-?[\d.]+), (-?[\d.]+)\]", check["detail"])
    if m: gain = list(m.groups())
# Recur reports AUC with a bootstrap interval; accuracy gets a Wilson 95 % interval over the evaluation rows here.
n, acc = d["evaluation_rows"], c["accuracy"]
z = 1.959964
centre, half = (acc + z * z / (2 * n)) / (1 + z * z / n), z * ((acc * (1 - acc) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
print("\t".join([sys.argv[2], sys.argv[3]] + ["%.4f" % v for v in (c["auc"], c["auc_low"], c["auc_high"], acc, centre - half, centre + half)] + gain))
PY
    tail -1 "$results"
  done
done

/usr/bin/python3 - "$results" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
print("\nmean over subsets (AUC, accuracy on the 900 held-out IMDb sentences; gain = paired AUC gain over scratch):")
for reuse in ("none", "features", "embeddings", "score"):
    r = [x for x in rows if x["reuse"] == reuse]
    if not r: continue
    mean = lambda k: sum(float(x[k]) for x in r) / len(r)
    wins = sum(1 for x in r if x["gain_low"] and float(x["gain_low"]) > 0)
    gain = "" if reuse == "none" else f"  gain {mean('gain_vs_scratch'):+.3f}, interval above 0 in {wins}/{len(r)} subsets"
    print(f"  {('scratch' if reuse == 'none' else reuse):10s} AUC {mean('auc'):.3f}  accuracy {mean('accuracy'):.3f}{gain}")
PY
