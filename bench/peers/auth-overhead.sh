#!/usr/bin/env bash
# What API keys and the access log cost on the serving hot path: the demo project's server, single-row
# predictions driven by wrk, in five runs one after the other (same machine, same minute, so compare the
# ratios): keys off; keys required (Bearer key on every request); keys + access log as text; keys +
# access log as JSON lines; keys off again (the spread between the two open runs is the noise). The server is pinned to CPU 0 and wrk to CPU 1 when taskset exists.
# Usage: bash bench/peers/auth-overhead.sh [seconds] [connections]    (RECUR="dotnet path/recur.dll" to use a built CLI)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-10}"; connections="${2:-16}"
read -r -a recur <<< "${RECUR:-$here/recur}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
pin_server=(); pin_wrk=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin_server=(taskset -c 0); pin_wrk=(taskset -c 1); fi
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

"${recur[@]}" demo --dir "$work/demo" --json > "$work/demo.json"
cp "$work/demo/recur.yaml" "$work/recur.yaml.orig"
key=$("${recur[@]}" keys create bench --scope predict --json --project "$work/demo" | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
export RECUR_BENCH_KEY="$key"

cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("RECUR_BENCH_KEY_SENT")
if key and key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end
wrk.body = '{"instances":[{"key":"bench-1","features":{"age":39,"workclass":"State-gov","education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}}]}'
LUA

run() { # name, serving lines, send key (0/1)
  local name=$1 serving=$2 send=$3
  { cat "$work/recur.yaml.orig"; printf '\nserving:\n%b' "$serving"; } > "$work/demo/recur.yaml"
  rm -f "$work/serve.json"
  "${pin_server[@]}" "${recur[@]}" serve --project "$work/demo" --port 0 --json > "$work/serve.json" 2> "$work/$name.log" &
  server=$!
  for _ in $(seq 300); do grep -q listening "$work/serve.json" 2>/dev/null && break; sleep 0.1; done
  local url; url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/serve.json")
  if [ "$send" = 1 ]; then export RECUR_BENCH_KEY_SENT="$key"; else export RECUR_BENCH_KEY_SENT=""; fi
  "${pin_wrk[@]}" wrk -t1 -c4 -d3s -s "$work/post.lua" "$url/v1/models/adult-income:predict" > /dev/null   # warm-up
  "${pin_wrk[@]}" wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$url/v1/models/adult-income:predict" > "$work/$name.wrk"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$work/$name.wrk")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/$name.wrk")
  printf '%-22s %10s req/s  p99 %8s  non-2xx %s  log lines %s\n' "$name" "$rps" "$p99" "${non2xx:-0}" "$(wc -l < "$work/$name.log")"
  echo "$name $rps" >> "$work/results"
}

echo "auth overhead: ${connections} connections, ${seconds} s per run"
run open '  auth: off\n' 0
run keys '  auth: required\n' 1
run keys+access-text '  auth: required\n  access_log: true\n  log_format: text\n' 1
run keys+access-json '  auth: required\n  access_log: true\n  log_format: json\n' 1
run open-again '  auth: off\n' 0   # the same as the first run: the spread between the two is the noise
python3 - "$work/results" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
base = float(rows[0][1])
for name, rps in rows:
    print(f"{name:22s} {float(rps) / base:6.2f} x open")
PY
