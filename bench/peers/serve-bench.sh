#!/usr/bin/env bash
# Serving at web-server speed, side by side in one run (issue 17): single-row Adult predictions over HTTP to
#   bare      a bare ASP.NET Core endpoint that parses the same body and answers a constant (bench/BareEndpoint)
#   sqlite    recur serve on the adult-income example, stores in SQLite (the default)
#   postgres  the same project with --store postgres:… (RECUR_BENCH_POSTGRES or RECUR_TEST_POSTGRES, a keyword
#             connection string; the arm is skipped with a line saying so when neither is set or it cannot start)
#   python    FastAPI + uvicorn + xgboost trained on the same columns (serve_peer.py; Debian's python3-fastapi
#             and python3-uvicorn, installed when missing and run as root)
# Each server is pinned to CPU 0 (taskset -c 0), wrk to CPU 1; each arm is measured at 1 and at 16 connections.
# Every request carries a new key (serve-bench.lua). Prints req/s, p50, p99 and the ratio to the bare endpoint.
# recur's arms run as the issue asks, with routing, safeguards, the durable log (fsync, the default) and API keys on:
# a key is created after training (keys become required) and wrk sends it; RECUR_BENCH_AUTH=0 leaves the server open.
# The machine may be shared: compare the ratios within one run, not absolute figures across runs.
#   before    (only when RECUR_BEFORE names another build's recur.dll) that build on SQLite, for a before/after in one run
# RECUR_CLI=path/to/recur.dll runs that build instead of ./recur (which builds the CLI when the sources changed).
# The server's CPU time per request (from /proc) is printed beside the latency: it is less sensitive to a busy machine.
#   sqlite-none  the sqlite arm with serving.log.durability none (answers before the record is stored): the durable log's cost
#   fsync     not a server: the disk's own 300-byte append + fsync latency, p50 and p99, the floor of durability fsync
# Usage: bash bench/peers/serve-bench.sh [seconds per measurement, default 15] [arms, default "bare sqlite sqlite-none fsync postgres python"]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-15}"
arms="${2:-bare sqlite sqlite-none fsync postgres python}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
server=""
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap 'stop; rm -rf "$work"' EXIT
lua="$here/bench/peers/serve-bench.lua"
results="$work/results.tsv"
: > "$results"

# User and system CPU ticks of the server and its children (the python peer's, dotnet's own process).
cpu_ticks() { local total=0 p; for p in $server $(pgrep -P "$server" 2>/dev/null); do total=$((total + $(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0))); done; echo $total; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Any HTTP answer counts (the bare endpoint answers 404 on /): only a refused connection means not yet.
wait_http() { for _ in $(seq 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != 000 ] && return 0; sleep 0.2; done; return 1; }

# One arm: warm up, then 1 and 16 connections; appends "arm conns req_s p50_us p99_us errors" to the results.
measure() {
  local arm="$1" url="$2"
  local body='{"instances":[{"key":"warm","features":{"age":39,"workclass":"State-gov","education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}}]}'
  curl -sf -X POST -H 'Content-Type: application/json' ${RECUR_BENCH_KEY:+-H "Authorization: Bearer $RECUR_BENCH_KEY"} --data "$body" "$url" > "$work/$arm.answer" || { echo "$arm: the first prediction failed" >&2; return 1; }
  echo "$arm answers: $(head -c 200 "$work/$arm.answer")" >&2
  taskset -c 1 wrk -t1 -c4 -d5s -s "$lua" "$url" > /dev/null   # warm-up (JIT, pools)
  for c in 1 16; do
    local line t0 t1
    t0=$(cpu_ticks)
    line=$(taskset -c 1 wrk -t1 -c"$c" -d"${seconds}s" --latency -s "$lua" "$url" | grep '^RESULT')
    t1=$(cpu_ticks)
    echo "$arm c=$c $line" >&2
    echo "$arm $c $(echo "$line" | sed -E 's/.*req_s=([0-9.]+) p50_us=([0-9]+) p99_us=([0-9]+) errors=([0-9]+).*/\1 \2 \3 \4/') $((t1 - t0))" >> "$results"
  done
}

recur_project() {   # $1 dir, $2 optional --store value: the adult-income example, ingested and trained (champion v1)
  local dir="$1"; shift
  cp -r "$here/examples/adult-income" "$dir"
  rm -rf "$dir/.recur"
  "${recur[@]}" ingest train --project "$dir" "$@" --json > /dev/null
  "${recur[@]}" ingest test --project "$dir" "$@" --json > /dev/null
  "${recur[@]}" train --project "$dir" "$@" --json > /dev/null
  if [ "${RECUR_BENCH_AUTH:-1}" = 1 ]; then
    "${recur[@]}" keys create bench --scope predict --project "$dir" "$@" --json \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])' > "$dir/.bench-key"
  fi
}

start_recur() {   # $1 arm, $2 project, $3 recur.dll, rest: extra options; sets server and url (empty when it did not start)
  local arm="$1" dir="$2" dll="$3"; shift 3
  url=""
  taskset -c 0 dotnet "$dll" serve --project "$dir" --port 0 "$@" --json > "$work/$arm.serve.json" 2> "$work/$arm.serve.log" &
  server=$!
  for _ in $(seq 600); do grep -q listening "$work/$arm.serve.json" 2>/dev/null && break; kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
  grep -q listening "$work/$arm.serve.json" 2>/dev/null || { echo "$arm: recur serve did not start: $(tail -3 "$work/$arm.serve.log")" >&2; stop; return 0; }
  url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/$arm.serve.json")
}

if [ -n "${RECUR_CLI:-}" ]; then recur=(dotnet "$RECUR_CLI"); cli_dll="$RECUR_CLI"; else recur=("$here/recur"); cli_dll="$here/.build/cli/recur.dll"; fi
"${recur[@]}" --help > /dev/null   # builds the CLI once, before anything is timed

for arm in $arms; do
  case "$arm" in
    bare)
      dotnet publish "$here/bench/BareEndpoint/BareEndpoint.csproj" -c Release -o "$work/bare" -nologo -v quiet -clp:NoSummary > /dev/null
      port=$(free_port)
      taskset -c 0 dotnet "$work/bare/BareEndpoint.dll" --urls "http://127.0.0.1:$port" > /dev/null 2>&1 &
      server=$!
      wait_http "http://127.0.0.1:$port/" || true
      measure bare "http://127.0.0.1:$port/v1/models/adult-income:predict"
      stop ;;
    sqlite-none)
      # The same as sqlite with serving.log.durability none: what answered ⇒ stored costs, in the same run.
      recur_project "$work/sqlite-none"
      printf 'serving:\n  log:\n    durability: none\n' >> "$work/sqlite-none/recur.yaml"
      start_recur sqlite-none "$work/sqlite-none" "$cli_dll"
      export RECUR_BENCH_KEY=$(cat "$work/sqlite-none/.bench-key" 2>/dev/null || true)
      if [ -n "$url" ]; then measure sqlite-none "$url/v1/models/adult-income:predict"; fi
      unset RECUR_BENCH_KEY
      stop ;;
    fsync)
      # The floor under durability fsync at one connection: appending 300 bytes and fsyncing, alone, on the disk of
      # the log, pinned like the server, while wrk's core spins. Printed (stderr) beside the table, not an arm in it.
      mkdir -p "$work/fsync"
      taskset -c 1 sh -c 'while :; do :; done' & spinner=$!
      taskset -c 0 python3 - "$work/fsync" <<'PY' >&2
import os, sys, time
f = os.open(os.path.join(sys.argv[1], "floor.seg"), os.O_CREAT | os.O_WRONLY | os.O_APPEND)
t = []
for _ in range(2000):
    a = time.perf_counter(); os.write(f, b"x" * 300); os.fsync(f); t.append(time.perf_counter() - a)
t.sort()
print(f"fsync floor: 300-byte append + fsync on the log's disk, p50 {t[1000] * 1e6:.0f} µs, p99 {t[1980] * 1e6:.0f} µs")
PY
      kill "$spinner"; wait "$spinner" 2>/dev/null || true ;;
    sqlite)
      recur_project "$work/sqlite"
      start_recur sqlite "$work/sqlite" "$cli_dll"
      export RECUR_BENCH_KEY=$(cat "$work/sqlite/.bench-key" 2>/dev/null || true)
      if [ -n "$url" ]; then measure sqlite "$url/v1/models/adult-income:predict"; fi
      unset RECUR_BENCH_KEY
      stop ;;
    before)
      if [ -z "${RECUR_BEFORE:-}" ]; then echo "before: skipped (set RECUR_BEFORE to another build's recur.dll)" >&2; continue; fi
      [ -d "$work/sqlite" ] || recur_project "$work/sqlite"
      start_recur before "$work/sqlite" "$RECUR_BEFORE"
      export RECUR_BENCH_KEY=$(cat "$work/sqlite/.bench-key" 2>/dev/null || true)
      if [ -n "$url" ]; then measure before "$url/v1/models/adult-income:predict"; fi
      unset RECUR_BENCH_KEY
      stop ;;
    postgres)
      pg="${RECUR_BENCH_POSTGRES:-${RECUR_TEST_POSTGRES:-}}"
      if [ -z "$pg" ]; then echo "postgres: skipped (set RECUR_BENCH_POSTGRES to a keyword connection string)" >&2; continue; fi
      schema="bench_$(date +%s)_$$"
      psql_conn="$pg"
      # A fresh schema so runs never see each other's registry; the search path points the stores at it.
      if command -v psql >/dev/null; then
        psql "$(echo "$pg" | sed -E 's/Host=/host=/I; s/Port=/port=/I; s/Username=/user=/I; s/Database=/dbname=/I; s/Password=/password=/I; s/;/ /g')" -qc "CREATE SCHEMA $schema" 2>/dev/null \
          && psql_conn="$pg;Search Path=$schema"
      fi
      store="postgres:$psql_conn"
      if ! recur_project "$work/postgres" --store "$store" 2> "$work/postgres.train.log"; then
        echo "postgres: skipped (training into PostgreSQL failed: $(tail -1 "$work/postgres.train.log"))" >&2; continue
      fi
      start_recur postgres "$work/postgres" "$cli_dll" --store "$store"
      export RECUR_BENCH_KEY=$(cat "$work/postgres/.bench-key" 2>/dev/null || true)
      if [ -n "$url" ]; then measure postgres "$url/v1/models/adult-income:predict"; else echo "postgres: skipped (recur serve did not start)" >&2; fi
      unset RECUR_BENCH_KEY
      stop ;;
    python)
      if ! python3 -c 'import fastapi, uvicorn' 2>/dev/null; then
        if [ "$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-fastapi python3-uvicorn > /dev/null
        else echo "python: skipped (apt-get install -y python3-fastapi python3-uvicorn, as root)" >&2; continue; fi
      fi
      port=$(free_port)
      taskset -c 0 /usr/bin/python3 "$here/bench/peers/serve_peer.py" "$here/examples/adult-income/data/adult.data" "$port" > "$work/python.log" 2>&1 &
      server=$!
      wait_http "http://127.0.0.1:$port/docs" || { echo "python: did not start: $(tail -3 "$work/python.log")" >&2; stop; continue; }
      measure python "http://127.0.0.1:$port/v1/models/adult-income:predict"
      stop ;;
    *) echo "unknown arm '$arm' (bare, sqlite, sqlite-none, fsync, postgres, python)" >&2; exit 2 ;;
  esac
done

python3 - "$results" "$seconds" "$(getconf CLK_TCK)" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
seconds, hz = float(sys.argv[2]), float(sys.argv[3])
bare = {r[1]: float(r[2]) for r in rows if r[0] == "bare"}
print(f"{'arm':<10}{'conns':>6}{'req/s':>10}{'p50 µs':>9}{'p99 µs':>9}{'errors':>8}{'vs bare':>9}{'CPU µs/req':>12}")
for arm, c, rps, p50, p99, err, ticks in rows:
    ratio = f"{float(rps) / bare[c] * 100:.0f} %" if c in bare else "-"
    cpu = float(ticks) / hz * 1e6 / max(float(rps) * seconds, 1)
    print(f"{arm:<10}{c:>6}{float(rps):>10.0f}{p50:>9}{p99:>9}{err:>8}{ratio:>9}{cpu:>12.0f}")
PY
