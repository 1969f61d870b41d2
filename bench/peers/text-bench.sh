#!/usr/bin/env bash
# Text classification, side by side in one run on identical rows (features issue, text):
#   github-issues (22 areas from Title + Description) and sentiment (positive/negative from one sentence)
#   - the splits: bench/peers/text_splits.py writes github-{train,test}.tsv and sentiment-{train,test}.tsv
#   - scikit-learn: TF-IDF + logistic regression (bench/peers/text_peers.py), fitted on exactly the rows
#     recur fits on (fit rows "recur") and on the whole training file (fit rows "all"); github twice, without
#     stop words (the peer's default) and with English stop words (as examples/github-issues/recur.yaml asks)
#   - recur: a fresh project per data set from examples/github-issues and examples/sentiment (their
#     recur.yaml, the split files as data/train.tsv and data/test.tsv), `recur ingest train`,
#     `recur ingest test`, `recur train --json`; its metrics are the candidate's on the test file
# Test metrics: accuracy, macro-F1 (github), AUC and F1 of `positive` (sentiment); fit seconds.
# Usage: [RECUR="dotnet .build/cli/recur.dll"] bash bench/peers/text-bench.sh
# RECUR replaces the command that runs recur (default: the ./recur wrapper, which builds the CLI first if
# the sources changed). If a recur step fails, the peer's numbers are still printed and the script exits 0.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
py=/usr/bin/python3            # Debian's interpreter: python3-sklearn 1.2, python3-pandas 1.5
read -r -a recur <<< "${RECUR:-$here/recur}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)"
echo "cores: $(nproc)"
"$py" "$here/bench/peers/text_splits.py" "$work/splits"

# The examples' data must be these very files, or the examples and the benchmark disagree.
for pair in github:github-issues sentiment:sentiment; do
  name=${pair%%:*}; example=${pair#*:}
  for part in train test; do
    cmp -s "$work/splits/$name-$part.tsv" "$here/examples/$example/data/$part.tsv" \
      || echo "warning: examples/$example/data/$part.tsv differs from text_splits.py's $name-$part.tsv; rewrite it" >&2
  done
done

"$py" "$here/bench/peers/text_peers.py" "$work/splits" > "$work/results.jsonl"
"$py" -W ignore::UserWarning "$here/bench/peers/text_peers.py" "$work/splits" --dataset github --stop-words english >> "$work/results.jsonl"

# recur, one project per data set; a failing step skips the rest of that data set.
recur_side() { # name, example
  local name=$1 example=$2 dir="$work/$1" status=0
  mkdir -p "$dir/data"
  cp "$here/examples/$example/recur.yaml" "$dir/"
  cp "$work/splits/$name-train.tsv" "$dir/data/train.tsv"
  cp "$work/splits/$name-test.tsv" "$dir/data/test.tsv"
  "${recur[@]}" ingest train -p "$dir" --json > "$work/ingest.json" 2> "$work/err" || return 1
  "${recur[@]}" ingest test -p "$dir" --json > "$work/ingest.json" 2> "$work/err" || return 1
  local started; started=$(date +%s.%N)
  "${recur[@]}" train -p "$dir" --json > "$work/train.json" 2> "$work/err" || status=$?
  local wall; wall=$(echo "$(date +%s.%N) - $started" | bc)
  # Exit 3: the gate refused the candidate; it was still trained and scored, so its metrics count.
  [ "$status" = 0 ] || [ "$status" = 3 ] || return 1
  local stop; stop=$(sed -n -E 's/.*stop_words: *([a-z]+).*/\1/p' "$dir/recur.yaml" | head -n 1)
  jq -c --arg name "$name" --argjson wall "$wall" --arg stop "$stop" \
    '{dataset: $name, peer: "recur", fit_rows: "recur", stop_words: (if $stop == "" then null else $stop end),
      train_rows, test_rows: .evaluation_rows,
      accuracy: .candidate.accuracy, macro_f1: .candidate.macro_f1, auc: .candidate.auc, f1: .candidate.f1,
      train_seconds: ([.candidates[]? | select(.chosen) | .fit_seconds] | first), train_wall: $wall,
      promoted: .gate.promote}' "$work/train.json" >> "$work/results.jsonl"
}
for pair in github:github-issues sentiment:sentiment; do
  name=${pair%%:*}; example=${pair#*:}
  if ! recur_side "$name" "$example"; then
    echo "recur: not available for $name ('${recur[*]}' ingest/train failed):"
    tail -n 3 "$work/err" | sed 's/^/  /'
  fi
done
echo "load after:  $(uptime)"
echo

"$py" - "$work/results.jsonl" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
def cell(r, key, digits=4):
    v = r.get(key)
    return "" if v is None else f"{v:.{digits}f}"
print("| data set | tool | fit rows | stop words | train rows | test rows | accuracy | macro-F1 | AUC | F1 (positive) | fit s |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
notes = []
for ds, key in (("github", "macro_f1"), ("sentiment", "auc")):
    for r in [r for r in rows if r["dataset"] == ds]:
        print(f"| {ds} | {r['peer']} | {r['fit_rows']} | {r.get('stop_words') or 'none'} | {r.get('train_rows', '')} | {r.get('test_rows', '')} | "
              f"{cell(r, 'accuracy')} | {cell(r, 'macro_f1')} | {cell(r, 'auc')} | {cell(r, 'f1')} | {cell(r, 'train_seconds', 2)} |")
    mine = [r for r in rows if r["dataset"] == ds and r["peer"] == "recur" and r.get(key) is not None]
    peer = [r for r in rows if r["dataset"] == ds and r["peer"] == "sklearn" and r["fit_rows"] == "recur"
            and (not mine or r.get("stop_words") == mine[0].get("stop_words"))]
    if mine and peer:
        notes.append(f"{ds}: recur {key} {mine[0][key]:.4f}, sklearn {peer[0][key]:.4f} on the same fit rows and stop words "
                     f"({mine[0][key] - peer[0][key]:+.4f})")
    else:
        notes.append(f"{ds}: no recur {key} (the recur side is not available)")
print()
print("\n".join(notes))
EOF
