#!/usr/bin/env bash
# Stacking, side by side in one run on the Adult example (problem-framing issue, "Speed"):
#   recur: candidates lightgbm (100 trees x 31 leaves, rate 0.1, 20 rows per leaf) and lbfgs, stacked by an lbfgs
#          (logistic regression) meta-learner on FOLDS-fold out-of-fold probabilities; 2 threads
#   scikit-learn StackingClassifier (bench/peers/stacking_peer.py): HistGradientBoosting + min-max scaled
#          LogisticRegression, the same FOLDS, a LogisticRegression meta-learner; OMP_NUM_THREADS=2
# Both fit on the same rows of adult.data (recur's fitting split, reproduced by the peer with fingerprint64.py) and
# are scored on the same held-out rows (recur's validation split). recur's stacking time is the two base fits on all
# fitting rows plus the stacking candidate's own fit (out-of-fold refits and the meta-learner), as sklearn's fit does.
# Usage: [FOLDS=5] bash bench/peers/stacking-bench.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
folds="${FOLDS:-5}"
py=/usr/bin/python3
export OMP_NUM_THREADS=2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/recur" --help > /dev/null   # builds the CLI if needed
recur=(dotnet "$here/.build/cli/recur.dll")
echo "load before: $(uptime)"

mkdir -p "$work/adult"
cp -r "$here/examples/adult-income/recur.yaml" "$here/examples/adult-income/data" "$work/adult/"
"$py" - "$work/adult/recur.yaml" "$folds" <<'PY'
import re, sys
path, folds = sys.argv[1], sys.argv[2]
text = open(path).read()
section = f"""training:
  threads: 2
  candidates:
    - trainer: lightgbm
      params: {{iterations: 100, learning_rate: 0.1, leaves: 31, min_rows_per_leaf: 20}}
    - trainer: lbfgs

framing:
  ensemble:
    methods: [stacking]
    folds: {folds}
    meta: lbfgs

"""
text, n = re.subn(r"(?ms)^training:\n.*?(?=^evaluation:)", section, text)
assert n == 1, "no training: section"
open(path, "w").write(text)
PY
"${recur[@]}" ingest train --project "$work/adult" --json > /dev/null
"${recur[@]}" ingest test --project "$work/adult" --json > /dev/null

/usr/bin/time -f "%e %U %S" -o "$work/time" "${recur[@]}" train --project "$work/adult" --json > "$work/train.json" 2> "$work/err" \
  || { cat "$work/err" >&2; exit 1; }
"$py" "$here/bench/peers/stacking_peer.py" "$work/adult" "$folds" > "$work/peer.json"

"$py" - "$work/train.json" "$work/peer.json" "$work/time" "$folds" <<'PY'
import json, sys
train, peer = json.load(open(sys.argv[1])), json.loads(open(sys.argv[2]).read())
wall, user, sys_ = (float(x) for x in open(sys.argv[3]).read().split())
folds = sys.argv[4]
c = {x["framing"] + ":" + x["trainer"]: x for x in train["candidates"]}
stack = next(x for x in train["candidates"] if x["framing"] == "stacking")
bases = [x for x in train["candidates"] if x["framing"] == "plain"]
recur_fit = stack["fit_seconds"] + sum(b["fit_seconds"] for b in bases)
v = stack["validation"]
print(f"rows: recur fits {train['train_rows']}, validates {train['validation_rows']}; peer fits {peer['fit_rows']}, scores {peer['held_rows']}")
assert train["train_rows"] == peer["fit_rows"], "the peer does not fit on recur's rows"
print(f"{'side':44} {'fit s':>8} {'AUC [95% interval]':>28}")
for b in bases:
    bv = b["validation"]
    print(f"{'recur ' + b['trainer'] + ' alone':44} {b['fit_seconds']:8.2f} {bv['auc']:>10.4f} [{bv.get('auc_low', float('nan')):.4f}, {bv.get('auc_high', float('nan')):.4f}]")
print(f"{'recur stacking (bases + ' + folds + '-fold OOF + meta)':44} {recur_fit:8.2f} {v['auc']:>10.4f} [{v.get('auc_low', float('nan')):.4f}, {v.get('auc_high', float('nan')):.4f}]")
print(f"{'sklearn StackingClassifier (cv=' + folds + ')':44} {peer['fit_seconds']:8.2f} {peer['auc']:>10.4f} [{peer['auc_low']:.4f}, {peer['auc_high']:.4f}]")
print(f"whole recur train (ingested project, every stage): {wall:.2f} s wall, {user + sys_:.2f} s CPU")
print(f"ratio sklearn/recur fit time: {peer['fit_seconds'] / recur_fit:.2f}x; AUC difference recur - sklearn: {v['auc'] - peer['auc']:+.4f}")
print(f"chosen: {next(x['framing'] + ' ' + x['trainer'] for x in train['candidates'] if x['chosen'])}; {train.get('chosen_because', '')}")
PY
echo "load after: $(uptime)"
