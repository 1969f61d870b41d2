#!/usr/bin/env bash
# Packs the recur tool (Recur.Cli) and the library packages into artifacts/packages (or $1), at the one version in
# Directory.Build.props. Install the tool from there (docs/packages.md):
#   dotnet tool install --tool-path ~/.recur-tool --add-source artifacts/packages Recur.Cli
# RECUR_PACK_NO_BUILD=1 packs what the last Release build left (dotnet build Recur.slnx -c Release), without building again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/artifacts/packages}"
mkdir -p "$out"
build=()
if [ "${RECUR_PACK_NO_BUILD:-0}" = 1 ]; then build=(--no-build); fi
# Every project under src/ is a package (src/Directory.Build.props) except the server host; packing the tool does not pack the
# libraries it uses, so each is packed on its own (the first pack builds, the others find their build up to date).
for project in "$here"/src/*/*.csproj; do
  case "$project" in */Recur.Server.csproj) continue ;; esac   # the host ships inside the tool, not as a package
  dotnet pack "$project" -c Release -o "$out" "${build[@]}" -nologo -v quiet -tl:off -p:ContinuousIntegrationBuild=true >&2
done
ls -1 "$out"/*.nupkg
