#!/usr/bin/env bash
# Serving latency of framed models against the single model, side by side in one run: the Adult example trained as
# it is ("single": one lightgbm model) and once per overlay in bench/peers/framing-latency/*.yaml (each top-level
# section of an overlay replaces the example's section of that name; e.g. stacking.yaml, cascade.yaml). Each
# variant's registered champion is served with the server pinned to CPU 0 and driven by wrk pinned to CPU 1 with
# single-row requests; rounds alternate the variants. Prints per round req/s, p50 and p99, the served version's
# trainer (so a variant whose framed candidate lost to a plain one shows it), and the median ratios to the single model.
# Usage: bash bench/peers/framing-latency.sh [seconds-per-round] [rounds] [connections]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-10}"; rounds="${2:-3}"; connections="${3:-8}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
"$here/recur" --help > /dev/null   # builds the CLI if needed
recur=(dotnet "$here/.build/cli/recur.dll")

variants=(single)
for overlay in "$here"/bench/peers/framing-latency/*.yaml; do variants+=("$(basename "$overlay" .yaml)"); done
for v in "${variants[@]}"; do
  mkdir -p "$work/$v"
  cp -r "$here/examples/adult-income/recur.yaml" "$here/examples/adult-income/data" "$work/$v/"
  if [ "$v" != single ]; then
    python3 - "$work/$v/recur.yaml" "$here/bench/peers/framing-latency/$v.yaml" <<'PY'
import re, sys
base, overlay = open(sys.argv[1]).read(), open(sys.argv[2]).read()
for key in re.findall(r"(?m)^([a-z_]+):", overlay):
    base = re.sub(rf"(?ms)^{key}:\n.*?(?=^[a-z_]+:|\Z)", "", base)
open(sys.argv[1], "w").write(base.rstrip() + "\n\n" + overlay)
PY
  fi
  echo "training $v..." >&2
  "${recur[@]}" ingest train --project "$work/$v" --json > /dev/null
  "${recur[@]}" ingest test --project "$work/$v" --json > /dev/null
  "${recur[@]}" train --project "$work/$v" --json > "$work/$v.train.json" 2> "$work/$v.train.err" || { cat "$work/$v.train.err" >&2; exit 1; }
  python3 - "$work/$v.train.json" "$v" <<'PY' >> "$work/served.txt"
import json, sys
t = json.load(open(sys.argv[1]))
chosen = next(c for c in t["candidates"] if c["chosen"])
print(sys.argv[2], chosen["trainer"].replace(" ", ""), t["candidate"]["auc"], "champion" if t.get("gate", {}).get("promote") else "not-promoted")
PY
done

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
  taskset -c 0 "${recur[@]}" serve --project "$work/$1" --port 0 --json > "$work/serve.json" 2> "$work/serve.log" &
  server=$!
  for _ in $(seq 300); do grep -q listening "$work/serve.json" 2>/dev/null && break; sleep 0.1; done
  url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["listening"])' "$work/serve.json")
  taskset -c 1 wrk -t1 -c4 -d3s -s "$work/post.lua" "$url/v1/models/adult-income:predict" > /dev/null   # warm-up
}
stop() { kill $server; wait $server 2>/dev/null || true; server=""; }

echo "load before: $(uptime)"
printf "%-10s %-6s %10s %10s %10s %8s\n" variant round "req/s" p50 p99 non-2xx
for r in $(seq "$rounds"); do
  for v in "${variants[@]}"; do
    start "$v"
    taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$url/v1/models/adult-income:predict" > "$work/wrk.txt"
    stop
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
    bad=$(awk '/Non-2xx/ {print $4}' "$work/wrk.txt")
    printf "%-10s %-6s %10s %10s %10s %8s\n" "$v" "$r" "$rps" "$p50" "$p99" "${bad:-0}"
    echo "$v $rps $p50 $p99" >> "$work/results.txt"
  done
done
echo "load after: $(uptime)"
python3 - "$work/results.txt" "$work/served.txt" <<'PY'
import re, statistics, sys
def ms(text):
    value, unit = re.match(r"([0-9.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rows = [l.split() for l in open(sys.argv[1])]
served = {l.split()[0]: l.split()[1:] for l in open(sys.argv[2])}
variants = list(dict.fromkeys(r[0] for r in rows))
m = {v: [statistics.median(float(r[1]) for r in rows if r[0] == v),
         statistics.median(ms(r[2]) for r in rows if r[0] == v),
         statistics.median(ms(r[3]) for r in rows if r[0] == v)] for v in variants}
print(f"\n{'variant':10} {'served trainer':44} {'test AUC':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'p50 x':>6} {'p99 x':>6}")
for v in variants:
    s = m[v]
    print(f"{v:10} {served[v][0]:44} {float(served[v][1]):8.4f} {s[0]:8.0f} {s[1]:8.3f} {s[2]:8.3f} {s[1] / m['single'][1]:6.2f} {s[2] / m['single'][2]:6.2f}")
PY
