#!/usr/bin/env bash
# Runs OpenAid on the embedded default: SQLite in ./data, in-process cache, real places and demo data
# imported on first start. Prints where to open it. Set OPENAID_URLS to listen elsewhere.
set -euo pipefail
cd "$(dirname "$0")"

if [ -f web/package.json ]; then
  echo "== Building the web app (web/)"
  (cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
fi

echo "== Starting the API (first start imports 104,672 villages and demo data)"
exec dotnet run --project src/OpenAid.Api -c Release -- \
  --urls "${OPENAID_URLS:-http://127.0.0.1:5000}" \
  --Database:ConnectionString="Data Source=$PWD/data/openaid.db"
