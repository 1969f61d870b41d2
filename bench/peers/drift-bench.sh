#!/usr/bin/env bash
# Drift, side by side in one run (issue 14): 1M reference rows x 50 columns (40 numeric, 10 categorical) against
# 100k current rows shifted on some columns (bench/peers/gen_drift_data.py, seeded; written once to DATA).
#   - scipy: bench/peers/drift_peer.py — ks_2samp and wasserstein_distance on every numeric column, chisquare and
#            jensenshannon on every categorical column, timed with the data already in memory (pandas read not timed)
#   - recur: recur drift reference.csv current.csv --all-tests --json — the same statistics on the raw samples (plus
#            PSI and binned Jensen–Shannon), its statistics timed the same way (files already read); also the whole
#            command's wall time (reading and typing both CSVs included) and peak memory
# Prints both timings (wall and CPU), the ratio scipy / recur, and the largest relative gap between the two sides'
# statistics. Usage: [DATA=dir] [RECUR="dotnet .build/cli/recur.dll"] bash bench/peers/drift-bench.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
py=/usr/bin/python3
read -r -a recur <<< "${RECUR:-$here/recur}"
data="${DATA:-${TMPDIR:-/tmp}/recur-drift-bench}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$data/reference.csv" ] || [ ! -f "$data/current.csv" ]; then
  echo "writing the workload to $data (once)..."
  "$py" "$here/bench/peers/gen_drift_data.py" "$data"
fi
echo "load before: $(uptime)"
echo "cores: $(nproc); reference $(stat -c %s "$data/reference.csv") bytes, current $(stat -c %s "$data/current.csv") bytes"

"$py" "$here/bench/peers/drift_peer.py" "$data/reference.csv" "$data/current.csv" > "$work/peer.json"
(cd "$work" && /usr/bin/time -v "${recur[@]}" drift "$data/reference.csv" "$data/current.csv" --all-tests --json > "$work/recur.json" 2> "$work/recur.err") \
  || { cat "$work/recur.err"; exit 1; }

"$py" - "$work/peer.json" "$work/recur.json" "$work/recur.err" <<'PY'
import json, re, sys
peer = json.load(open(sys.argv[1])); rec = json.load(open(sys.argv[2])); err = open(sys.argv[3]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1).split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
pairs = {"ks": ("ks", "statistic"), "ks_p": ("ks", "p_value"), "wasserstein_normed": ("wasserstein_normed", "statistic"),
         "chi_square": ("chi_square", "statistic"), "chi_square_p": ("chi_square", "p_value"), "jensen_shannon": ("jensen_shannon", "statistic")}
gaps = {}
for column in rec["columns"]:
    stats = {s["test"]: s for s in column["statistics"]}
    for key, value in peer["columns"][column["column"]].items():
        if key not in pairs:
            continue
        test, field = pairs[key]
        mine = stats[test][field]
        gap = abs(mine - value) / max(abs(value), 1e-300) if value != 0 else abs(mine)
        gaps[key] = max(gaps.get(key, 0.0), gap)
s = rec["seconds"]
print(f"scipy {peer['scipy']}: statistics {peer['seconds']:.2f} s wall, {peer['cpu_seconds']:.2f} s CPU")
print(f"recur: statistics {s['statistics']:.2f} s wall, {s['statistics_cpu']:.2f} s CPU (columns in parallel); "
      f"reading both files {s['read']:.2f} s; whole command {wall:.1f} s wall, peak {rss:.0f} MB")
print(f"ratio scipy / recur, statistics: {peer['seconds'] / s['statistics']:.1f}x wall, {peer['cpu_seconds'] / s['statistics_cpu']:.1f}x CPU")
print("largest relative gap recur vs scipy: " + ", ".join(f"{k} {v:.1e}" for k, v in sorted(gaps.items())))
print(f"verdict: {rec['verdict']}, drift share {rec['drift_share']:.2f} ({rec['drifted']} of {rec['judged']} columns)")
PY
echo "load after:  $(uptime)"
