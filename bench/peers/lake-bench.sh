#!/usr/bin/env bash
# Lake benchmark, side by side in one run on the same generated 1M-row x 20-column CSV:
#   ingest:  recur ingest (CSV -> content-addressed Parquet snapshot)
#            vs DuckDB read_csv -> Parquet COPY (DuckDB.NET, bench/peers/DuckDbPeer)
#            vs pandas read_csv (+ to_parquet when pyarrow is installed; Debian 12 has none, so parse only)
#   profile: recur profile vs pandas describe() + value_counts() per column (and DuckDB SUMMARIZE)
# Wall time and peak RSS from /usr/bin/time. Usage: [REPEAT=3] [BIG=1] bash bench/peers/lake-bench.sh [rows]
# With BIG=1 it also ingests a 2 GB CSV (the generated file repeated 16 times) with recur and DuckDB,
# to show that memory stays bounded.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-1000000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3

"$py" "$here/bench/peers/gen_wide_csv.py" "$work/wide.csv" "$rows"
size=$(stat -c %s "$work/wide.csv")
dotnet build "$here/bench/peers/DuckDbPeer/DuckDbPeer.csproj" -c Release -o "$work/duck" -nologo -v quiet -clp:ErrorsOnly >&2
"$here/recur" --help > /dev/null
mkdir -p "$work/p" && printf 'name: bench\nlabel: t0\n' > "$work/p/recur.yaml"

# Each command runs REPEAT times (default 1); the median wall time and the largest peak are reported,
# with every run's time in brackets. Commands that write a lake get a fresh one per run (reset).
repeat="${REPEAT:-1}"
reset=
measure() { # name, command...
  local name=$1; shift
  local times=() peak=0
  for _ in $(seq 1 "$repeat"); do
    [ -n "$reset" ] && eval "$reset"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r secs kb < "$work/time"
    times+=("$secs"); [ "$kb" -gt "$peak" ] && peak=$kb
  done
  local median; median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  printf '%-34s %8.2f s %9.1f MB/s %10.0f rows/s %8.0f MB peak' "$name" "$median" "$(echo "$size / 1048576 / $median" | bc -l)" "$(echo "$rows / $median" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
  [ "$repeat" -gt 1 ] && printf '   [%s]' "${times[*]}"
  printf '\n'
}

echo "input: $rows rows, $((size / 1048576)) MB"
reset='rm -rf "$work/p/.recur"'
measure "recur ingest" "$here/recur" ingest "$work/wide.csv" --dataset wide --project "$work/p" --json
reset=
measure "duckdb read_csv -> parquet" "$work/duck/DuckDbPeer" copy "$work/wide.csv" "$work/duck.parquet"
if "$py" -c "import pyarrow" 2>/dev/null; then
  measure "pandas read_csv + to_parquet" "$py" -c "import pandas as pd; pd.read_csv('$work/wide.csv').to_parquet('$work/pd.parquet')"
else
  measure "pandas read_csv (no pyarrow)" "$py" -c "import pandas as pd; pd.read_csv('$work/wide.csv')"
fi
reset='rm -f "$work"/p/.recur/lake/*.profile.json'
measure "recur profile (from snapshot)" "$here/recur" profile wide --project "$work/p" --json
reset=
measure "pandas read_csv+describe+counts" "$py" -c "
import pandas as pd
df = pd.read_csv('$work/wide.csv')
df.describe(include='all')
for c in df.columns: df[c].value_counts()"
measure "duckdb summarize (from csv)" "$work/duck/DuckDbPeer" profile "$work/wide.csv"

if [ "${BIG:-0}" = "1" ]; then
  (head -1 "$work/wide.csv"; for _ in $(seq 1 16); do tail -n +2 "$work/wide.csv"; done) > "$work/big.csv"
  size=$(stat -c %s "$work/big.csv"); rows=$((rows * 16))
  echo "input: $rows rows, $((size / 1048576)) MB"
  reset='rm -rf "$work/p/.recur"'
  measure "recur ingest (2 GB)" "$here/recur" ingest "$work/big.csv" --dataset big --project "$work/p" --json
  reset=
  measure "duckdb read_csv -> parquet (2 GB)" "$work/duck/DuckDbPeer" copy "$work/big.csv" "$work/big.parquet"
fi
