#!/usr/bin/env bash
# Training benchmark, side by side in one run (model-core issue, "Speed"):
#   Adult (binary) and bike-sharing (regression), 100 trees x 31 leaves, learning rate 0.1,
#   20 rows per leaf, 2 threads:
#   - the whole `recur train` command (wall time; its fit alone from RECUR_TRACE=1) and its test metrics
#   - xgboost (hist, lossguide) and scikit-learn HistGradientBoosting: fit time and test metrics
#     (bench/peers/train_peers.py side)
#   - a plain Python script that loads the CSVs, fits xgboost and scores the test file, timed as a
#     whole process (bench/peers/train_peers.py plain), against the whole `recur train`.
# Usage: [REPEAT=3] [OUT=results.jsonl] [BEFORE=other/recur.dll] bash bench/peers/train-bench.sh
# BEFORE names another build of the CLI (e.g. `dotnet publish` of an older commit into a scratch folder): it
# runs in every round too, right after this build, as "recur before", so before and after see the same load.
# REPEAT rounds (default 1), each running every tool once, interleaved; the median is reported with
# every run in brackets. Every `recur train` starts from the project as it was right after ingest (a
# fresh copy: no registered version, so no run is "identical to version N"); ingest and the copy are
# not timed. recur is called as `dotnet .build/cli/recur.dll` (the ./recur wrapper's staleness check is
# left out). OUT keeps the raw per-run results.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repeat="${REPEAT:-1}"
py=/usr/bin/python3            # Debian's interpreter: python3-sklearn 1.2.1, python3-xgboost 1.7.4
export OMP_NUM_THREADS=2       # sklearn 1.2's HistGradientBoosting has no thread setting
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/recur" --help > /dev/null   # builds the CLI if needed; the runs below call it directly
recur=(dotnet "$here/.build/cli/recur.dll")

echo "load before: $(uptime)"
echo "cores: $(nproc); recur threads 2, xgboost nthread 2, OMP_NUM_THREADS=$OMP_NUM_THREADS; REPEAT=$repeat"

# The examples with the benchmark's training settings, ingested once.
for pair in adult:adult-income bike:bike-sharing; do
  name=${pair%%:*}; example=${pair#*:}
  mkdir -p "$work/$name"
  cp -r "$here/examples/$example/recur.yaml" "$here/examples/$example/data" "$work/$name/"
  sed -i -E \
    -e 's/^(  iterations:).*/\1 100/' \
    -e 's/^(  learning_rate:).*/\1 0.1/' \
    -e 's/^(  leaves:).*/\1 31/' \
    -e 's/^(  min_rows_per_leaf:).*/\1 20\n  threads: 2/' \
    "$work/$name/recur.yaml"
  grep -q '^  threads: 2$' "$work/$name/recur.yaml" || { echo "could not set training.threads in $name's recur.yaml" >&2; exit 1; }
  "${recur[@]}" ingest train --project "$work/$name" --json > /dev/null
  "${recur[@]}" ingest test --project "$work/$name" --json > /dev/null
  cp -a "$work/$name" "$work/$name.ingested"
done

# Rounds, interleaved so that every tool sees the same load: in each round and for each data set,
# the whole `recur train` (on a fresh copy of the ingested project), the peers' fits (a fresh process,
# one fit each, like recur's) and the plain script (a whole process). Medians over the rounds.
for round in $(seq 1 "$repeat"); do
  for name in adult bike; do
    for build in recur ${BEFORE:+before}; do
      rm -rf "$work/$name" && cp -a "$work/$name.ingested" "$work/$name"
      if [ "$build" = recur ]; then cli=("${recur[@]}"); peer=recur; else cli=(dotnet "$BEFORE"); peer="recur before"; fi
      RECUR_TRACE=1 /usr/bin/time -f "%e %U %S" -o "$work/time" "${cli[@]}" train --project "$work/$name" --json \
        > "$work/train.json" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
      fit=$(sed -n -E 's/^train: fit ([0-9.]+)s.*/\1/p' "$work/err")
      fit_cpu=$(sed -n -E 's/^train: fit .*, cpu ([0-9.]+)s.*/\1/p' "$work/err")
      read -r wall user sys < <(tail -1 "$work/time")
      jq -c --arg name "$name" --arg peer "$peer" --argjson wall "$wall" --argjson cpu "$(echo "$user + $sys" | bc)" --argjson fit "${fit:-null}" \
        --argjson fit_cpu "${fit_cpu:-null}" --argjson round "$round" \
        '{round: $round, dataset: $name, peer: $peer, wall: $wall, cpu: $cpu, fit_seconds: $fit, fit_cpu: $fit_cpu,
          train_rows: .train_rows} + (.candidate | {auc, log_loss, rmse, r2})' "$work/train.json" >> "$work/results.jsonl"
    done

    "$py" "$here/bench/peers/train_peers.py" side "$name" "$work/$name" \
      | jq -c --argjson round "$round" '. + {round: $round}' >> "$work/results.jsonl"

    /usr/bin/time -f "%e %U %S" -o "$work/time" "$py" "$here/bench/peers/train_peers.py" plain "$name" "$work/$name" > "$work/plain.json"
    read -r wall user sys < <(tail -1 "$work/time")
    jq -c --argjson wall "$wall" --argjson cpu "$(echo "$user + $sys" | bc)" --argjson round "$round" '. + {round: $round, wall: $wall, cpu: $cpu}' \
      "$work/plain.json" >> "$work/results.jsonl"
  done
  echo "round $round done: $(uptime)"
done

echo "load after:  $(uptime)"
[ -n "${OUT:-}" ] && cp "$work/results.jsonl" "$OUT"
echo
"$py" - "$work/results.jsonl" <<'EOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def runs(ds, peer, key): return [r[key] for r in rows if r["dataset"] == ds and r["peer"] == peer]
def med(ds, peer, key): return statistics.median(runs(ds, peer, key))
def listed(ds, peer, key): return " ".join(f"{v:.2f}" for v in runs(ds, peer, key))
# On a shared machine noise only adds time (spinning OpenMP threads add CPU time too), so the fastest
# run is the best estimate of a tool's own cost; the median is what a run on this machine got.
print("| data set | tool | fit s, median [runs] | recur / peer, median | recur / peer, fastest | fit CPU s, median [runs] | AUC | log-loss | RMSE | R² | train rows |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for ds, keys in (("adult", ("auc", "log_loss")), ("bike", ("rmse", "r2"))):
    rf, rmin = med(ds, "recur", "fit_seconds"), min(runs(ds, "recur", "fit_seconds"))
    for peer in [p for p in ("recur", "recur before", "xgboost", "sklearn") if runs(ds, p, "fit_seconds")]:
        f, c, fmin = med(ds, peer, "fit_seconds"), med(ds, peer, "fit_cpu"), min(runs(ds, peer, "fit_seconds"))
        ratio = "" if peer == "recur" else f"{rf / f:.2f}x"
        cratio = "" if peer == "recur" else f"{rmin / fmin:.2f}x"
        m = [f"{med(ds, peer, k):.4f}" if k in keys else "" for k in ("auc", "log_loss", "rmse", "r2")]
        print(f"| {ds} | {peer} | {f:.2f} [{listed(ds, peer, 'fit_seconds')}] | {ratio} | {cratio} | {c:.2f} [{listed(ds, peer, 'fit_cpu')}] | " + " | ".join(m) + f" | {runs(ds, peer, 'train_rows')[0]} |")
print()
print("| data set | measure | recur train, whole command, median [runs] | plain xgboost script, median [runs] | ratio of medians | ratio of fastest |")
print("|---|---|---|---|---|---|")
for ds in ("adult", "bike"):
    for key, what in (("wall", "wall s"), ("cpu", "CPU s (user + sys)")):
        w, p = med(ds, "recur", key), med(ds, "xgboost plain script", key)
        fastest = min(runs(ds, "recur", key)) / min(runs(ds, "xgboost plain script", key))
        print(f"| {ds} | {what} | {w:.2f} [{listed(ds, 'recur', key)}] | {p:.2f} [{listed(ds, 'xgboost plain script', key)}] | {w / p:.2f}x | {fastest:.2f}x |")
        if runs(ds, "recur before", key):
            b = med(ds, "recur before", key)
            fb = min(runs(ds, "recur before", key)) / min(runs(ds, "xgboost plain script", key))
            print(f"| {ds} | {what}, before | {b:.2f} [{listed(ds, 'recur before', key)}] | {p:.2f} | {b / p:.2f}x | {fb:.2f}x |")
best = min(med("bike", "xgboost", "rmse"), med("bike", "sklearn", "rmse"))
print(f"\nbike: recur RMSE against the better peer's: {med('bike', 'recur', 'rmse') / best - 1:+.1%} (target: at most +5 %)")
EOF
