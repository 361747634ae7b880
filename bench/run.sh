#!/usr/bin/env bash
# The benchmark in one command (see bench/README.md): builds Release, generates the five-province scale database
# (or reuses bench/out/bench.db; --regenerate to rebuild it), then measures the public mix uncached, cached and
# against an in-memory ceiling with wrk over loopback.
#   bench/run.sh [--regenerate] [--seconds 15] [--factor 10]
# --factor N multiplies the volumes (bench/out/bench-Nx.db, results in bench/out/Nx/); bench/growth.mjs compares two runs.
set -euo pipefail
cd "$(dirname "$0")/.."

regenerate=()
pass=()
factor=1
while [ $# -gt 0 ]; do
  case "$1" in
    --regenerate) regenerate=(--force); shift ;;
    --factor) factor="$2"; shift 2 ;;
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
db=bench/out/bench.db
out=bench/out
if [ "$factor" != 1 ]; then db="bench/out/bench-${factor}x.db"; out="bench/out/${factor}x"; fi
mkdir -p "$out"
dotnet bench/Generator/bin/Release/net10.0/OpenAid.Bench.Generator.dll --db "$db" --factor "$factor" "${regenerate[@]}"

echo "== Benchmark"
node bench/bench.mjs --db "$db" --out "$out" "${pass[@]}"
