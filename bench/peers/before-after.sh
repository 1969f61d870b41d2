#!/usr/bin/env bash
# Before/after, side by side in one run: builds the CLI of an older commit (default: the parent of the
# trust changes) next to the current one, then measures with both, alternating:
#   - ingest of a generated CSV (wall time, median of REPEAT runs, fresh lake each run)
#   - single-row prediction throughput over HTTP (wrk, loopback, the same trained demo project)
# Usage: [REPEAT=3] [ROUNDS=2] bash bench/peers/before-after.sh [old-ref] [rows] [seconds] [connections]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
old_ref="${1:-035968d}"; rows="${2:-1000000}"; seconds="${3:-10}"; connections="${4:-8}"
repeat="${REPEAT:-3}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
servers=()
trap 'for s in "${servers[@]}"; do kill "$s" 2>/dev/null || true; done; git -C "$here" worktree remove --force "$work/old-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$here" worktree add -q --detach "$work/old-src" "$old_ref"
echo "building old ($old_ref) and new CLIs..." >&2
dotnet build "$work/old-src/src/Recur.Cli/Recur.Cli.csproj" -c Release -o "$work/old" -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build "$here/src/Recur.Cli/Recur.Cli.csproj" -c Release -o "$work/new" -nologo -v quiet -clp:ErrorsOnly >&2

/usr/bin/python3 "$here/bench/peers/gen_wide_csv.py" "$work/wide.csv" "$rows"
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "ingest of $rows rows x 20 columns (median of $repeat, alternating old/new):"
declare -A times
for _ in $(seq 1 "$repeat"); do
  for v in old new; do
    rm -rf "$work/p-$v" && mkdir -p "$work/p-$v" && printf 'name: bench\nlabel: t0\n' > "$work/p-$v/recur.yaml"
    /usr/bin/time -f "%e" -o "$work/t" dotnet "$work/$v/recur.dll" ingest "$work/wide.csv" --dataset wide --project "$work/p-$v" --json > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
    times[$v]+="$(cat "$work/t") "
  done
done
for v in old new; do printf '  %-4s %6.2f s   [%s]\n' "$v" "$(echo "${times[$v]}" | tr ' ' '\n' | grep . | median)" "${times[$v]% }"; done

echo "single-row prediction over HTTP ($connections connections, ${seconds}s, after a 3s warm-up):"
dotnet "$work/new/recur.dll" demo --dir "$work/demo" --json > /dev/null 2>&1
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"instances":[{"key":"bench-1","features":{"age":39,"workclass":"State-gov","education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}}]}'
LUA
threads=$(( connections < 2 ? 1 : 2 ))
for round in $(seq 1 "${ROUNDS:-2}"); do
  for v in old new; do
    dotnet "$work/$v/recur.dll" serve --project "$work/demo" --port 0 --json > "$work/serve-$v.json" 2> /dev/null &
    servers+=($!)
    for _ in $(seq 100); do grep -q listening "$work/serve-$v.json" 2>/dev/null && break; sleep 0.1; done
    url=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/serve-$v.json")
    wrk -t2 -c5 -d3s -s "$work/post.lua" "$url/v1/models/adult-income:predict" > /dev/null
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$url/v1/models/adult-income:predict")
    printf '  round %s %-4s %s req/s, p50 %s, p99 %s, non-2xx %s\n' "$round" "$v" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" "$(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)"
    kill "${servers[-1]}"; wait "${servers[-1]}" 2>/dev/null || true
  done
done
