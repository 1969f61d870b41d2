#!/usr/bin/env bash
# Single-row predictions through canary routing + safeguards (bench/peers/routing-bench.safeguards.yaml) + logging
# against the plain route, side by side in one
# run: the server pinned to CPU 0, wrk pinned to CPU 1, alternating rounds of the two configurations on the same
# trained Adult project (two versions). Prints req/s and p50/p99 per round and the ratios.
# Usage: bash bench/peers/routing-bench.sh [seconds-per-round] [rounds] [connections]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-10}"; rounds="${2:-3}"; connections="${3:-8}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

echo "training two versions of the Adult example..." >&2
"$here/recur" demo --dir "$work/p" --json > /dev/null
sed -i 's/iterations: 200/iterations: 100/' "$work/p/recur.yaml"
"$here/recur" train --project "$work/p" --json > /dev/null || true   # v2: champion or challenger, either is fine
"$here/recur" models alias champion 1 --project "$work/p" > /dev/null
"$here/recur" models alias challenger 2 --project "$work/p" > /dev/null
cp "$work/p/recur.yaml" "$work/plain.yaml"
cp "$work/p/recur.yaml" "$work/routed.yaml"
cat >> "$work/routed.yaml" <<'YAML'

serving:
  routes:
  - name: default
    targets: [{alias: champion, weight: 90}, {alias: challenger, weight: 10}]
    sticky: true
YAML
if [ -f "$here/bench/peers/routing-bench.safeguards.yaml" ]; then cat "$here/bench/peers/routing-bench.safeguards.yaml" >> "$work/routed.yaml"; fi

# Each request carries a new key, so the sticky canary splits the traffic 90/10.
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local body = '{"instances":[{"key":"bench-' .. n .. '","features":{"age":39,"workclass":"State-gov","education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}}]}'
  return wrk.format(nil, nil, nil, body)
end
LUA

start() {
  cp "$work/$1.yaml" "$work/p/recur.yaml"
  taskset -c 0 "$here/recur" serve --project "$work/p" --port 0 --json > "$work/serve.json" 2> "$work/serve.log" &
  server=$!
  for _ in $(seq 200); do grep -q listening "$work/serve.json" 2>/dev/null && break; sleep 0.1; done
  url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/serve.json")
  taskset -c 1 wrk -t1 -c4 -d3s -s "$work/post.lua" "$url/v1/models/adult-income:predict" > /dev/null   # warm-up
}
stop() { kill $server; wait $server 2>/dev/null || true; server=""; }

measure() {
  taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$url/v1/models/adult-income:predict" > "$work/wrk.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$work/wrk.txt")
  echo "$1 $rps $p50 $p99 ${non2xx:-0}"
}

printf "%-8s %-6s %12s %10s %10s %8s\n" config round "req/s" p50 p99 non-2xx
for r in $(seq "$rounds"); do
  for config in plain routed; do
    start "$config"
    read -r name rps p50 p99 bad < <(measure "$config")
    stop
    printf "%-8s %-6s %12s %10s %10s %8s\n" "$name" "$r" "$rps" "$p50" "$p99" "$bad"
    echo "$name $rps" >> "$work/results.txt"
  done
done
python3 - "$work/results.txt" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
m = {c: statistics.median(float(r) for n, r in rows if n == c) for c in ("plain", "routed")}
print(f"median req/s: plain {m['plain']:.0f}, routed {m['routed']:.0f}, ratio routed/plain {m['routed'] / m['plain']:.2f}")
PY
# The log of the last routed server holds the canary split: show it.
cp "$work/routed.yaml" "$work/p/recur.yaml"
"$here/recur" routes report --project "$work/p" | head -8
