#!/usr/bin/env bash
# Installs what the tests need and runs all of them: unit, integration over real HTTP against real
# SQLite, the GraphQL-over-HTTP audit and the browser tests. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v node >/dev/null || { echo "Node.js 20 is required" >&2; exit 1; }
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# Screenshots of the Chinese pages need a CJK font.
[ -d /usr/share/fonts/truetype/wqy ] || need_apt+=(fonts-wqy-microhei)
# The cache tests start their own redis-server (tests/OpenAid.Api.Tests/Caching).
command -v redis-server >/dev/null || need_apt+=(redis-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== Installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

for package in tests/audit web; do
  if [ -f "$package/package.json" ]; then
    echo "== npm ci in $package"
    (cd "$package" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
if [ -f web/package.json ]; then
  echo "== Building the web app"
  (cd web && npm run build)
fi

echo "== dotnet test"
log=$(mktemp)
status=0
# Normal verbosity names each test as it ends, with its time: progress while it runs, and the slowest listed below.
dotnet test OpenAid.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

echo "== Slowest tests (their own time; a server a class shares starts outside it)"
grep -E '^ +(Passed|Failed) .* \[[0-9 hmsn]+\]$' "$log" \
  | awk '{ match($0, /\[[^]]*\]$/); n = split(substr($0, RSTART + 1, RLENGTH - 2), part, " "); seconds = 0
           for (i = 1; i < n; i += 2) seconds += part[i] * (part[i+1] == "h" ? 3600 : part[i+1] == "m" ? 60 : part[i+1] == "s" ? 1 : 0.001)
           printf "%8.1f s %s\n", seconds, substr($0, 1, RSTART - 2) }' \
  | sort -rn | head -15 || true

# One closing line over all test projects, from each project's "Passed: N" and "Failed: N".
# A project without failures prints no "Failed: N": grep then finds nothing, which is no error here.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || echo "A test project failed to build or to run: see the output above."
exit $status
