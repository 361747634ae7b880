#!/usr/bin/env bash
# The benchmark in one command (see bench/README.md): builds Release, generates the five-province scale database
# (or reuses bench/out/bench.db; --regenerate to rebuild it), then measures the public mix uncached, cached and
# against an in-memory ceiling with wrk over loopback.
#   bench/run.sh [--regenerate] [--seconds 15]
set -euo pipefail
cd "$(dirname "$0")/.."

regenerate=()
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --regenerate) regenerate=(--force); shift ;;
    *) pass+=("$1"); shift ;;
  esac
done

need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v redis-server >/dev/null || need_apt+=(redis-server)
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== Installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
command -v node >/dev/null || { echo "Node.js 20 is required" >&2; exit 1; }

echo "== Building (Release)"
dotnet build -c Release src/OpenAid.Api -v q -nologo
dotnet build -c Release bench/Generator -v q -nologo

echo "== Scale database"
mkdir -p bench/out
dotnet bench/Generator/bin/Release/net10.0/OpenAid.Bench.Generator.dll --db bench/out/bench.db "${regenerate[@]}"

echo "== Benchmark"
node bench/bench.mjs --db bench/out/bench.db "${pass[@]}"
