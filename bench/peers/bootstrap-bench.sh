#!/usr/bin/env bash
# Percentile bootstrap intervals (95 %) of AUC and accuracy, side by side in one run on the same scores:
#   - NumPy: per resample, rng.integers draws, scipy rankdata for AUC (ties half credit), np.percentile
#   - recur: `recur eval bench --data FILE --json`: SortedAuc.Interval (rows sorted once, each resample a count per
#     row) and BootstrapInterval.Compute for accuracy
# and the ratio seconds(numpy) / seconds(recur): above 1 means recur is faster. Single-threaded on both sides.
# Usage: [ROWS=100000] [RESAMPLES=1000] [RECUR="dotnet .build/cli/recur.dll"] bash bench/peers/bootstrap-bench.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${ROWS:-100000}"
resamples="${RESAMPLES:-1000}"
py=/usr/bin/python3
read -r -a recur <<< "${RECUR:-$here/recur}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)"
echo "cores: $(nproc); rows: $rows; resamples: $resamples"
"$py" "$here/bench/peers/shap_peer.py" gen-scores "$work/scores.csv" --rows "$rows"
OPENBLAS_NUM_THREADS=1 "$py" "$here/bench/peers/shap_peer.py" bootstrap "$work/scores.csv" --resamples "$resamples" > "$work/numpy.json"
echo "numpy: $(cat "$work/numpy.json")"
"${recur[@]}" eval bench --data "$work/scores.csv" --resamples "$resamples" --json > "$work/recur.json"
echo "recur: $(jq -c . "$work/recur.json")"
jq -r -n --slurpfile r "$work/recur.json" --slurpfile n "$work/numpy.json" \
  '"seconds: recur \($r[0].seconds * 1000 | round / 1000), numpy \($n[0].seconds * 1000 | round / 1000); numpy / recur = \($n[0].seconds / $r[0].seconds * 10 | round / 10)x"'
echo "load after:  $(uptime)"
