#!/usr/bin/env bash
# Exact TreeSHAP throughput, side by side in one run on the same generated table (Explainable Predictions issue):
#   - xgboost (Debian python3-xgboost, C++): 500 rounds, 31 leaves (lossguide), booster.predict(DMatrix, pred_contribs=True)
#   - recur: `recur explain bench --data FILE --threads T --json`: LightGBM fitted through Recur (500 rounds, 31 leaves),
#     Recur's managed TreeSHAP over the same rows
# at 1 and 2 threads (xgboost nthread = Recur's parallelism), and the ratio rows/s(recur) / rows/s(xgboost):
# above 1 means recur is faster. Fitting and reading the data are not timed on either side.
# Usage: [ROWS=20000] [EXPLAIN=500] [RECUR="dotnet .build/cli/recur.dll"] bash bench/peers/shap-bench.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${ROWS:-20000}"
explain="${EXPLAIN:-500}"
py=/usr/bin/python3
read -r -a recur <<< "${RECUR:-$here/recur}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)"
echo "cores: $(nproc); training rows: $rows; explained rows: $explain"
"$py" "$here/bench/peers/shap_peer.py" gen-shap "$work/shap.csv" --rows "$rows" --features 20
for threads in 1 2; do
  "$py" "$here/bench/peers/shap_peer.py" shap "$work/shap.csv" --rows "$explain" --threads "$threads" > "$work/xgb.json"
  echo "xgboost ($threads thread(s)): $(cat "$work/xgb.json")"
  if "${recur[@]}" explain bench --data "$work/shap.csv" --rows "$explain" --threads "$threads" --json > "$work/recur.json" 2> "$work/recur.err"; then
    echo "recur   ($threads thread(s)): $(jq -c . "$work/recur.json")"
    jq -r -n --slurpfile r "$work/recur.json" --slurpfile x "$work/xgb.json" \
      '"threads \($r[0].threads): rows/s recur \($r[0].rows_per_second * 10 | round / 10), xgboost \($x[0].rows_per_second * 10 | round / 10); recur / xgboost = \($r[0].rows_per_second / $x[0].rows_per_second * 100 | round / 100)x"'
  else
    echo "recur: 'recur explain bench' failed:"; tail -n 3 "$work/recur.err" | sed 's/^/  /'
  fi
done
echo "load after:  $(uptime)"
