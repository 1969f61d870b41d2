#!/usr/bin/env bash
# The COMPAS fairness audit, side by side in one run (fairness issue): ProPublica's two-year file
# (examples/compas-audit/data), predicted positive when score_text != 'Low', label two_year_recid, sensitive
# column race, 1000 bootstrap resamples for every interval (within each group, and over all rows for the gaps):
#   - pandas/numpy: bench/peers/fairness_peer.py (reads the CSV with pandas, vectorised bootstrap)
#   - recur:        recur fairness --json (the same figures, plus the HTML report)
# Wall time of each whole process (start-up, imports and reading the file included), best of RUNS, and the
# ratio pandas / recur: above 1 means recur is faster. The per-race FPR/FNR and the four-fifths ratio of both
# are printed so that they can be compared (the point figures must agree to the last digit).
# Usage: [RUNS=3] [RECUR="dotnet .build/cli/recur.dll"] bash bench/peers/fairness-bench.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-3}"
py=/usr/bin/python3
read -r -a recur <<< "${RECUR:-$here/recur}"
data="$here/examples/compas-audit/data/compas-scores-two-years.csv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)"
echo "cores: $(nproc); data: $(stat -c %s "$data") bytes"
# One untimed run of each, so that the recur wrapper's build and the page cache are out of the way.
"${recur[@]}" fairness --data "$data" --label two_year_recid --positive-when "score_text != 'Low'" --sensitive race \
  --resamples 1000 --report "$work/r.html" --json > "$work/recur.json" 2> "$work/recur.err"
"$py" "$here/bench/peers/fairness_peer.py" "$data" --resamples 1000 > "$work/peer.json"

best() { sort -g | head -1; }
for _ in $(seq "$runs"); do
  s=$(date +%s.%N)
  "$py" "$here/bench/peers/fairness_peer.py" "$data" --resamples 1000 > "$work/peer.json"
  echo "$(date +%s.%N) - $s" | bc >> "$work/peer.times"
  s=$(date +%s.%N)
  "${recur[@]}" fairness --data "$data" --label two_year_recid --positive-when "score_text != 'Low'" --sensitive race \
    --resamples 1000 --report "$work/r.html" --json > "$work/recur.json" 2> "$work/recur.err"
  echo "$(date +%s.%N) - $s" | bc >> "$work/recur.times"
done
peer=$(best < "$work/peer.times"); rec=$(best < "$work/recur.times")
echo "pandas/numpy: wall ${peer}s (of which $(jq '.seconds * 1000 | round / 1000' "$work/peer.json")s after imports)"
echo "recur:        wall ${rec}s"
echo "ratio pandas / recur: $(echo "scale=2; $peer / $rec" | bc)x"
echo "race       FPR recur / pandas        FNR recur / pandas"
for g in African-American Caucasian Hispanic Other Asian "Native American"; do
  jq -r -n --arg g "$g" --slurpfile r "$work/recur.json" --slurpfile p "$work/peer.json" '
    ($r[0].attributes[0].groups[] | select(.name == $g) | .metrics) as $m
    | "\($g): \($m.fpr.value * 10000 | round / 10000) / \($p[0].groups[$g].fpr.value * 10000 | round / 10000)   \($m.fnr.value * 10000 | round / 10000) / \($p[0].groups[$g].fnr.value * 10000 | round / 10000)"'
done
jq -r -n --slurpfile r "$work/recur.json" --slurpfile p "$work/peer.json" '
  "four-fifths: recur \($r[0].attributes[0].four_fifths.ratio.value * 10000 | round / 10000), pandas \($p[0].four_fifths * 10000 | round / 10000); "
  + "equalized odds gap: recur \($r[0].attributes[0].equalized_odds_gap.value * 10000 | round / 10000) \($r[0].attributes[0].equalized_odds_gap | [.low, .high] | map(. * 1000 | round / 1000)), "
  + "pandas \($p[0].equalized_odds_gap.value * 10000 | round / 10000) \($p[0].equalized_odds_gap.interval | map(. * 1000 | round / 1000))"'
echo "load after:  $(uptime)"
