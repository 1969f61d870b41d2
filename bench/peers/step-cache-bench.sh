#!/usr/bin/env bash
# The time the step cache saves, on Adult (32,561 rows) with three candidates (lightgbm, sdca, fastforest), in one run:
#   1. a first `recur train` fills .recur/cache;
#   2. promotion.min_gain_over_baseline changed (a section no fit reads): `recur train --no-cache` (everything recomputed)
#      against `recur train` (split, featurize and every fit read from the cache; evaluation and the gate run);
#   3. one candidate's params changed (lightgbm iterations): the same pair (only that candidate refitted).
# Each pair does the same work apart from the cache (the same champion re-scored, the same gate), so the ratio is the saving.
# Usage: [RECUR="dotnet src/Recur.Cli/bin/Release/net10.0/recur.dll"] [ITERATIONS=200] bash bench/peers/step-cache-bench.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
read -r -a recur <<< "${RECUR:-$here/recur}"
iterations="${ITERATIONS:-200}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$work/adult"
cp -r "$here/examples/adult-income/." "$project/"
/usr/bin/python3 - "$project/recur.yaml" "$iterations" <<'PY'
import re, sys
path, iterations = sys.argv[1], sys.argv[2]
text = open(path).read()
training = f"""training:
  threads: 1
  candidates:
    - trainer: lightgbm
      params: {{iterations: {iterations}, learning_rate: 0.05, leaves: 31, min_rows_per_leaf: 20}}
    - trainer: sdca
    - trainer: fastforest
      params: {{trees: 50, min_rows_per_leaf: 10}}

"""
open(path, "w").write(re.sub(r"(?ms)^training:\n.*?(?=^evaluation:)", training, text))
PY
echo "load before: $(uptime)"
echo "cores: $(nproc)"
"${recur[@]}" ingest train --project "$project" --json > /dev/null
"${recur[@]}" ingest test --project "$project" --json > /dev/null

# Seconds of one `recur train` (exit 3, rejected by the gate, is a normal outcome here).
train() {
  local started ended
  started=$(date +%s.%N)
  "${recur[@]}" train --project "$project" --json "$@" > "$work/out.json" 2> "$work/err.txt" || [ $? -eq 3 ]
  ended=$(date +%s.%N)
  echo "$ended - $started" | bc
}
ratio() { echo "scale=1; $1 / $2" | bc; }

first=$(train)
echo "first train (fills the cache): ${first} s"

sed -i 's/^  min_gain_over_baseline: .*/  min_gain_over_baseline: 0.06/' "$project/recur.yaml"
cold=$(train --no-cache)
warm=$(train)
echo "promotion.min_gain_over_baseline changed: cold ${cold} s, warm ${warm} s, ratio $(ratio "$cold" "$warm")x"
grep -E '^step ' "$work/err.txt" | sed 's/^/  /'

sed -i "s/iterations: $iterations,/iterations: $((iterations + 50)),/" "$project/recur.yaml"
cold=$(train --no-cache)
warm=$(train)
echo "lightgbm iterations $iterations -> $((iterations + 50)): cold ${cold} s, warm ${warm} s, ratio $(ratio "$cold" "$warm")x"
grep -E '^step ' "$work/err.txt" | sed 's/^/  /'
echo "cache on disk: $(du -sh "$project/.recur/cache" | cut -f1)"
echo "load after:  $(uptime)"
