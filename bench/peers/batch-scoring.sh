#!/usr/bin/env bash
# Batch scoring throughput, side by side in one run on the same model and the same rows:
#   - plain: `recur predict bench --data FILE`: the loaded model's own Predict over the rows already typed in memory,
#     one call (for an ML.NET model: transformer.Transform + a cursor enumerating the scores), reading not timed;
#   - recur predict FILE -o OUT.csv: file in -> chunks typed, scored in parallel, written in order, every row logged;
#   - recur predict ... --no-log: the same without the prediction log.
# On the Adult test set (16,281 rows) replicated COPIES times (default 64, ~1.04M rows, unique keys), for the default
# lightgbm trainer (managed trees) and for fasttree (an ML.NET transformer). Ratios: recur rows/s / plain rows/s.
# Usage: [COPIES=64] [TRAINERS="lightgbm fasttree"] [RECUR="dotnet .build/cli/recur.dll"] [PREDICT_ARGS="--chunk-rows 65536"] bash bench/peers/batch-scoring.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
copies="${COPIES:-64}"
trainers="${TRAINERS:-lightgbm fasttree}"
py=/usr/bin/python3
read -r -a recur <<< "${RECUR:-$here/recur}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)"
echo "cores: $(nproc); copies: $copies"
# The test file has a junk first line and no header; the ids make every replicated row's key unique.
"$py" - "$here/examples/adult-income/data/adult.test" "$work/rows.csv" "$copies" <<'PY'
import sys
src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
cols = "age,workclass,fnlwgt,education,education-num,marital-status,occupation,relationship,race,sex,capital-gain,capital-loss,hours-per-week,native-country,income".split(",")
rows = [l.rstrip("\n") for l in open(src) if l.count(",") == 14]
with open(dst, "w") as out:
    out.write("id," + ",".join(cols) + "\n")
    n = 0
    for c in range(copies):
        for r in rows:
            n += 1
            out.write(f"r{n}," + ",".join(f.strip() for f in r.split(",")) + "\n")
print(f"rows: {n}", file=sys.stderr)
PY
for trainer in $trainers; do
  project="$work/$trainer"
  mkdir -p "$project"
  cp -r "$here/examples/adult-income/." "$project/"
  sed -i "s/^  trainer: .*/  trainer: $trainer/" "$project/recur.yaml"
  "${recur[@]}" ingest train --project "$project" --json > /dev/null
  "${recur[@]}" ingest test --project "$project" --json > /dev/null
  "${recur[@]}" train --project "$project" --json > /dev/null 2>&1
  "${recur[@]}" predict bench --data "$work/rows.csv" --project "$project" --json > "$work/plain.json"
  "${recur[@]}" predict "$work/rows.csv" -o "$work/out.csv" --key id ${PREDICT_ARGS:-} --project "$project" --json 2>/dev/null > "$work/logged.json"
  "${recur[@]}" predict "$work/rows.csv" -o "$work/out.csv" --key id --no-log ${PREDICT_ARGS:-} --project "$project" --json 2>/dev/null > "$work/unlogged.json"
  jq -r -n --arg t "$trainer" --slurpfile p "$work/plain.json" --slurpfile l "$work/logged.json" --slurpfile u "$work/unlogged.json" \
    '"\($t): rows \($p[0].rows); plain Predict \($p[0].rows_per_second) rows/s; recur predict \($l[0].rows_per_second) rows/s logged (\($l[0].rows_per_second / $p[0].rows_per_second * 100 | round) %), \($u[0].rows_per_second) rows/s --no-log (\($u[0].rows_per_second / $p[0].rows_per_second * 100 | round) %)"'
done
echo "load after:  $(uptime)"
