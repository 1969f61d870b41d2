#!/usr/bin/env bash
# Featurization throughput, side by side in one run on the same generated CSV (features issue):
#   - scikit-learn: ColumnTransformer.fit_transform (bench/peers/featurize_peer.py run: impute + scale
#     x1..x3, one-hot color and city, hash user into 1024, hash hour x weekday into 256, TF-IDF on title
#     with 1000 terms); reading the CSV with pandas is not timed
#   - recur: `recur features bench --data FILE --json`, expected to print
#     {"rows", "seconds", "rows_per_second", "output_width", ...} for the same transforms
# and the ratio rows_per_second(recur) / rows_per_second(sklearn): above 1 means recur is faster.
# Usage: [ROWS=1000000] [RECUR="dotnet .build/cli/recur.dll"] bash bench/peers/features-bench.sh
# ROWS sets the size of the generated table (featurize_peer.py gen, seed 42). RECUR replaces the command
# that runs recur (default: the ./recur wrapper, which builds the CLI first if the sources changed). If
# the recur command fails, the sklearn numbers are still printed and the script exits 0.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${ROWS:-1000000}"
py=/usr/bin/python3            # Debian's interpreter: python3-sklearn 1.2, python3-pandas 1.5
read -r -a recur <<< "${RECUR:-$here/recur}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)"
echo "cores: $(nproc); rows: $rows"
"$py" "$here/bench/peers/featurize_peer.py" gen "$work/features.csv" --rows "$rows"
echo "data: $(stat -c %s "$work/features.csv") bytes, $rows rows"

"$py" "$here/bench/peers/featurize_peer.py" run "$work/features.csv" > "$work/sklearn.json"
echo "sklearn: $(cat "$work/sklearn.json")"

if "${recur[@]}" features bench --data "$work/features.csv" --json > "$work/recur.json" 2> "$work/recur.err" \
    && jq -e '.rows_per_second > 0' "$work/recur.json" > /dev/null 2>&1; then
  echo "recur:   $(jq -c . "$work/recur.json")"
  jq -r -n --slurpfile r "$work/recur.json" --slurpfile s "$work/sklearn.json" \
    '"rows/s: recur \($r[0].rows_per_second | round), sklearn \($s[0].rows_per_second | round); "
     + "recur / sklearn = \($r[0].rows_per_second / $s[0].rows_per_second * 100 | round / 100)x; "
     + "output width: recur \($r[0].output_width), sklearn \($s[0].output_width)"'
else
  echo "recur:   not available ('${recur[*]} features bench' failed or printed no rows_per_second):"
  tail -n 3 "$work/recur.err" | sed 's/^/  /'
  echo "rows/s: sklearn $(jq '.rows_per_second' "$work/sklearn.json"); no ratio without the recur side"
fi
echo "load after:  $(uptime)"
