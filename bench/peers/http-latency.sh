#!/usr/bin/env bash
# Single-row prediction latency over HTTP: runs the demo project's server and drives it with wrk
# (Debian package) from a second process on loopback. Prints wrk's latency distribution (p50/p99).
# Usage: bash bench/peers/http-latency.sh [seconds] [connections]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-20}"; connections="${2:-8}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

"$here/recur" demo --dir "$work/demo" --json > "$work/demo.json"
"$here/recur" serve --project "$work/demo" --port 0 --json > "$work/serve.json" 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q listening "$work/serve.json" 2>/dev/null && break; sleep 0.1; done
url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/serve.json")

cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"instances":[{"key":"bench-1","features":{"age":39,"workclass":"State-gov","education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}}]}'
LUA
curl -sf -X POST -H 'Content-Type: application/json' --data "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$work/post.lua")" "$url/v1/models/adult-income:predict" > /dev/null
wrk -t2 -c5 -d3s -s "$work/post.lua" "$url/v1/models/adult-income:predict" > /dev/null   # warm-up
threads=$(( connections < 2 ? 1 : 2 ))
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$url/v1/models/adult-income:predict"
