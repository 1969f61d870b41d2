#!/usr/bin/env bash
# Prediction-log throughput (records/s) into SQLite and PostgreSQL, side by side in one run, in batches of 1, 64
# and 2048 (one transaction per batch, as the log writer does). PostgreSQL is a private cluster started here with
# default durability (fsync on, synchronous_commit on) on a free port, and stopped at the end; SQLite is a WAL file
# with synchronous=NORMAL, as shipped. Prints a markdown table for docs/benchmarks.md.
# Usage: bash bench/peers/log-throughput.sh [records]      (PostgreSQL 15 binaries: RECUR_TEST_POSTGRES_BIN)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
records="${1:-20000}"
pgbin="${RECUR_TEST_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
as_pg() { if [ "$(id -u)" = "0" ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
work=$(mktemp -d)
[ "$(id -u)" = "0" ] && chown postgres "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'as_pg "$pgbin/pg_ctl -D $work/data -m fast -w stop >/dev/null 2>&1" || true; rm -rf "$work"' EXIT
as_pg "$pgbin/initdb -D $work/data -U recur --auth=trust -E UTF8 >$work/init.log 2>&1" || { cat "$work/init.log"; exit 1; }
as_pg "$pgbin/pg_ctl -D $work/data -o '-p $port -k $work -c listen_addresses=127.0.0.1' -l $work/server.log -w start >/dev/null"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on port $port: fsync=$(as_pg "$pgbin/psql -h 127.0.0.1 -p $port -U recur -d postgres -Atc 'show fsync'"), synchronous_commit=$(as_pg "$pgbin/psql -h 127.0.0.1 -p $port -U recur -d postgres -Atc 'show synchronous_commit'")" >&2
dotnet run -c Release --project "$here/bench/Recur.LogThroughput" -- "Host=127.0.0.1;Port=$port;Username=recur;Database=postgres" "$records"
