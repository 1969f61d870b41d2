#!/usr/bin/env bash
# Sliding-window features, side by side in one run on the same generated events (issue 14, windowed inference):
#   - pandas: read_csv, rolling('1h', closed='neither') mean/std/max and the previous 50 values' mean, to_csv
#     (bench/peers/windows_peer.py run)
#   - recur: `recur windows apply FILE --out OUT` with the same four features declared in features.windows
# Both are timed end to end (read, compute, write); pandas' compute alone is printed too. The outputs are
# compared column by column (largest absolute difference, and rows where only one side is missing).
# Usage: [ROWS=1000000] [RECUR="dotnet .build/cli/recur.dll"] bash bench/peers/windows-bench.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${ROWS:-1000000}"
py=/usr/bin/python3
read -r -a recur <<< "${RECUR:-$here/recur}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)"
echo "cores: $(nproc); rows: $rows"
"$py" "$here/bench/peers/windows_peer.py" gen "$work/events.csv" --rows "$rows"
cat > "$work/recur.yaml" <<'YAML'
name: windows-bench
features:
  windows:
    time: timestamp
    features:
      - { name: mean_1h, column: value, agg: mean, over: 1h }
      - { name: std_1h, column: value, agg: std, over: 1h }
      - { name: max_1h, column: value, agg: max, over: 1h }
      - { name: mean_50, column: value, agg: mean, over: 50 events }
YAML

pandas=$("$py" "$here/bench/peers/windows_peer.py" run "$work/events.csv" "$work/pandas.csv")
echo "pandas: $pandas"
start=$(date +%s.%N)
"${recur[@]}" windows apply "$work/events.csv" --out "$work/recur.csv" --project "$work" --json > "$work/recur.json"
recur_seconds=$(echo "$(date +%s.%N) - $start" | bc)
echo "recur:  {\"rows\": $rows, \"seconds\": $recur_seconds, \"compute_seconds\": $(jq '.compute_seconds' "$work/recur.json")}"
echo "agreement: $("$py" "$here/bench/peers/windows_peer.py" compare "$work/recur.csv" "$work/pandas.csv")"
pandas_seconds=$(echo "$pandas" | jq '.seconds')
echo "compute only: recur $(jq '.compute_seconds' "$work/recur.json")s, pandas $(echo "$pandas" | jq '.compute_seconds')s"
echo "end to end: recur ${recur_seconds}s, pandas ${pandas_seconds}s; pandas / recur = $(echo "scale=2; $pandas_seconds / $recur_seconds" | bc)x"
echo "load after: $(uptime)"
