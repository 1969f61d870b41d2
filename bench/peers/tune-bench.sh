#!/usr/bin/env bash
# Tuning benchmark, side by side in one run (issue 16, "Speed"): the same GBM parameters (trees, leaves, learning rate,
# minimum rows per leaf, feature fraction) tuned on Adult for the same wall budget on 2 cores by
#   - recur tune (TPE sampler, ASHA pruner by default: RECUR_SAMPLER=, RECUR_PRUNER=), --parallel 2
#   - Optuna 3.1's TPESampler with its MedianPruner on xgboost (bench/peers/tune-optuna.py), n_jobs 2
#   - scikit-learn 1.2's HalvingRandomSearchCV on xgboost (bench/peers/tune-halving.py), n_jobs 2
# and prints one table: tool, trials, trials per minute, best validation AUC with its 95% interval, wall seconds.
# Usage: [BUDGET=120] [OUT=results.jsonl] bash bench/peers/tune-bench.sh
#
# The rows: every tool tunes on examples/adult-income/data/adult.data (fnlwgt dropped). recur splits it as the example
# does (20 % validation split by row fingerprint, never seen by tuning) and measures trials on a 20 % hold-out of its
# training split (training.search.holdout). The peers get the same sizes from one seeded permutation written once to
# fit.csv / holdout.csv (bench/peers/tune_common.py): 64 % of the rows to fit, 16 % to measure. The rows differ from
# recur's, so the AUCs carry their intervals (recur's from its metric, the peers' by DeLong on the refitted best).
# The wall budget is when the last trial may start (recur --seconds, Optuna's timeout, halving searches run while the
# time left exceeds the last one's duration); trials running then finish, so wall seconds exceed BUDGET a little.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
budget="${BUDGET:-120}"
py=/usr/bin/python3            # Debian's interpreter: python3-optuna 3.1, python3-sklearn 1.2, python3-xgboost 1.7
export OMP_NUM_THREADS=2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/recur" --help > /dev/null   # builds the CLI if needed; the runs below call it directly
recur=(dotnet "$here/.build/cli/recur.dll")

echo "load before: $(uptime)"
echo "cores: $(nproc); budget ${budget} s; 2 trials at once for every tool"

# The recur project: the Adult example with a search over the peers' space and only a time budget.
mkdir -p "$work/adult" "$work/split"
cp -r "$here/examples/adult-income/recur.yaml" "$here/examples/adult-income/data" "$here/examples/adult-income/experiments" "$work/adult/"
"$py" - "$work/adult/recur.yaml" "${RECUR_SAMPLER:-tpe}" "${RECUR_PRUNER:-asha}" "$budget" <<'PY'
import sys
path, sampler, pruner, budget = sys.argv[1:5]
text = open(path).read()
anchor = "  min_rows_per_leaf: 20\n"
assert anchor in text, "the example's training section changed: update tune-bench.sh"
search = f"""  search:
    sampler: {sampler}
    pruner: {pruner}
    trials: 0
    seconds: {budget}
    parallel: 2
    holdout: 0.2
    space:
      lightgbm:
        iterations: {{int: [50, 500], log: true}}
        leaves: {{int: [8, 128], log: true}}
        learning_rate: {{real: [0.01, 0.3], log: true}}
        min_rows_per_leaf: {{int: [5, 100], log: true}}
        feature_fraction: {{real: [0.5, 1.0]}}
"""
open(path, "w").write(text.replace(anchor, anchor + "  threads: 2\n" + search, 1))
PY
"${recur[@]}" ingest train --project "$work/adult" --json > /dev/null
"$py" "$here/bench/peers/tune_split.py" "$here/examples/adult-income/data/adult.data" "$work/split" > /dev/null

started=$(date +%s.%N)
"${recur[@]}" tune --project "$work/adult" --seconds "$budget" --parallel 2 --json > "$work/recur.json" 2> "$work/recur.err" \
  || { cat "$work/recur.err" >&2; exit 1; }
wall=$(echo "$(date +%s.%N) - $started" | bc)
jq -c --argjson wall "$wall" '{tool: "recur tune", trials: (.trials | length), pruned: ([.trials[] | select(.state == "pruned")] | length),
  trials_per_minute, best_auc: .best.value, low: .best.low, high: .best.high, wall_seconds: $wall, study_seconds: .seconds,
  best: .best.parameters}' "$work/recur.json" > "$work/results.jsonl"
echo "recur done: $(uptime)"

(cd "$here/bench/peers" && "$py" tune-optuna.py "$work/split" "$budget" 2) >> "$work/results.jsonl"
echo "optuna done: $(uptime)"
(cd "$here/bench/peers" && "$py" tune-halving.py "$work/split" "$budget" 2) >> "$work/results.jsonl"
echo "halving done: $(uptime)"

"$py" - "$work/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print(f"{'tool':32} {'trials':>6} {'pruned':>6} {'trials/min':>10} {'best AUC [95% interval]':>28} {'wall s':>7}")
for r in rows:
    interval = f"{float(r['best_auc']):.4f} [{float(r['low']):.4f}, {float(r['high']):.4f}]"
    print(f"{r['tool']:32} {r['trials']:>6} {r.get('pruned', '-')!s:>6} {r['trials_per_minute']:>10.1f} {interval:>28} {r['wall_seconds']:>7.1f}")
for r in rows:
    print(f"{r['tool']}: best {json.dumps(r['best'])}")
PY
echo "load after:  $(uptime)"
[ -n "${OUT:-}" ] && cp "$work/results.jsonl" "$OUT"
exit 0
