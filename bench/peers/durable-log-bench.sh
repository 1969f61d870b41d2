#!/usr/bin/env bash
# The cost of answered ⇒ stored: single-row predictions/s and p50/p99 over HTTP with
# serving.log.durability none vs fsync, in one run, on the demo project (server pinned to CPU 0 with
# taskset, wrk from another process on loopback). Then, unless --no-sigkill, the SIGKILL test for both
# settings (tests/Recur.EndToEnd.Tests/DurableLogTests.cs): answered keys vs answered keys stored.
# Usage: bash bench/peers/durable-log-bench.sh [seconds] [connections] [--no-sigkill]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-20}"; connections="${2:-8}"; sigkill=1
for a in "$@"; do [ "$a" = "--no-sigkill" ] && sigkill=0; done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

"$here/recur" demo --dir "$work/demo" --json > "$work/demo.json"
cp "$work/demo/recur.yaml" "$work/recur.yaml.orig"

cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"instances":[{"key":"bench-1","features":{"age":39,"workclass":"State-gov","education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}}]}'
LUA

run() { # durability
  python3 - "$work/recur.yaml.orig" "$work/demo/recur.yaml" "$1" <<'PY'
import sys
text = open(sys.argv[1]).read()
block = "  log:\n    durability: %s\n" % sys.argv[3]
lines = text.splitlines(keepends=True)
if any(l.rstrip() == "serving:" for l in lines):
    out = []
    for l in lines:
        out.append(l)
        if l.rstrip() == "serving:": out.append(block)
    text = "".join(out)
else:
    text = text.rstrip("\n") + "\nserving:\n" + block
open(sys.argv[2], "w").write(text)
PY
  rm -f "$work/serve.json"
  $pin "$here/recur" serve --project "$work/demo" --port 0 --json > "$work/serve.json" 2> "$work/serve-$1.log" &
  server=$!
  for _ in $(seq 300); do grep -q listening "$work/serve.json" 2>/dev/null && break; sleep 0.1; done
  url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/serve.json")
  curl -sf -X POST -H 'Content-Type: application/json' --data "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$work/post.lua")" "$url/v1/models/adult-income:predict" > /dev/null
  wrk -t2 -c5 -d3s -s "$work/post.lua" "$url/v1/models/adult-income:predict" > /dev/null   # warm-up
  for c in 1 "$connections"; do
    threads=$(( c < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$c" -d"${seconds}s" --latency -s "$work/post.lua" "$url/v1/models/adult-income:predict" > "$work/wrk-$1-$c.txt"
    python3 - "$1" "$c" "$work/wrk-$1-$c.txt" <<'PY'
import re, sys
text = open(sys.argv[3]).read()
def ms(label):
    m = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
    if not m: return float("nan")
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print(f"durability={sys.argv[1]:<6} connections={sys.argv[2]:<3} req/s={rps:>9.1f}  p50={ms('50%'):.3f} ms  p99={ms('99%'):.3f} ms  non-2xx={errors.group(1) if errors else 0}")
PY
  done
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

echo "# single-row predictions, server on CPU 0, ${seconds}s per point"
run none
run fsync

if [ "$sigkill" = 1 ]; then
  echo "# SIGKILL mid-load (4 single-row + 2 x 500-row clients), restart, answered vs stored"
  dotnet build "$here/tests/Recur.EndToEnd.Tests" -c Release -v q > /dev/null
  dotnet test "$here/tests/Recur.EndToEnd.Tests" -c Release --no-build --filter "FullyQualifiedName~DurableLogTests" \
    --logger "console;verbosity=detailed" 2>&1 | grep -o "SIGKILL durability=.*" || true
fi
