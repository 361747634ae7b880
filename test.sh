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
dotnet test OpenAid.sln -c Release 2>&1 | tee "$log" || status=$?

# One closing line over all test projects, e.g. "Passed!  - Failed: 0, Passed: 60, ...".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || echo "A test project failed to build or to run: see the output above."
exit $status
