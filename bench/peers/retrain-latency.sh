#!/usr/bin/env bash
# Serving latency while a retrain runs (issue 17): one recur serve replica pinned to core 0, sequential single-row
# predictions; p50 before the retrain and while it runs, with loop.retrain_in: worker (the retrain in recur worker,
# pinned to core 1) and with loop.retrain_in: process (inside the serving replica). Prints one line per mode with the
# ratio during/before. Runs the e2e test that asserts the worker ratio stays under 1.5x.
# Usage: bash bench/peers/retrain-latency.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dotnet build "$here/tests/Recur.EndToEnd.Tests" -c Release > /dev/null
dotnet test "$here/tests/Recur.EndToEnd.Tests" -c Release --no-build --filter "FullyQualifiedName~RetrainLatencyTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "retrain_in (worker|process):|Passed|Failed" || true
