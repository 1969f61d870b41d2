#!/usr/bin/env bash
# Where the time goes in recur serve: runs the adult-income example's server pinned to CPU 0, drives it with wrk from
# CPU 1 (16 connections, single-row predictions with new keys), samples every thread's stack with dotnet-trace
# (profile dotnet-sampled-thread-time, ~100 Hz) and prints the share of busy samples per frame (speedscope_top.py).
# dotnet-trace is installed from NuGet into a temporary tool path when it is not on PATH.
# Usage: bash bench/peers/serve-profile.sh [seconds, default 20] [frames shown, default 60]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-20}"; top="${2:-60}"
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
trace=$(command -v dotnet-trace || true)
if [ -z "$trace" ]; then
  dotnet tool install --tool-path "$work/tools" dotnet-trace > /dev/null
  trace="$work/tools/dotnet-trace"
fi
cp -r "$here/examples/adult-income" "$work/project"; rm -rf "$work/project/.recur"
"$here/recur" ingest train --project "$work/project" --json > /dev/null
"$here/recur" ingest test --project "$work/project" --json > /dev/null
"$here/recur" train --project "$work/project" --json > /dev/null
taskset -c 0 "$here/recur" serve --project "$work/project" --port 0 --json > "$work/serve.json" 2> "$work/serve.log" &
server=$!
for _ in $(seq 600); do grep -q listening "$work/serve.json" 2>/dev/null && break; sleep 0.2; done
url="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/serve.json")/v1/models/adult-income:predict"
pid=$(pgrep -f "recur.dll serve --project $work/project" | head -1)
taskset -c 1 wrk -t1 -c16 -d5s -s "$here/bench/peers/serve-bench.lua" "$url" > /dev/null   # warm-up
taskset -c 1 wrk -t1 -c16 -d"$((seconds + 5))s" -s "$here/bench/peers/serve-bench.lua" "$url" > "$work/wrk.txt" &
load=$!
sleep 2
"$trace" collect -p "$pid" --profile dotnet-sampled-thread-time --duration "00:00:00:$seconds" --format Speedscope -o "$work/serve.nettrace" > /dev/null
wait "$load" || true
grep RESULT "$work/wrk.txt"
python3 "$here/bench/peers/speedscope_top.py" "$work/serve.speedscope.json" "$top"
