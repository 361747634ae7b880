#!/usr/bin/env bash
# Runs OpenAid on the embedded default: SQLite in ./data, in-process cache, real places and demo data
# imported on first start. Prints where to open it. Set OPENAID_URLS to listen elsewhere.
#   ./run.sh                                   run the API, GraphiQL and the web app
#   ./run.sh token --role Publisher --region 451027 --org ORG-000001
#                                              print a development sign-in token for this database
#   ./run.sh rotate-audit-key                  rotate the audit trail's signing key (see README, The audit trail)
set -euo pipefail
cd "$(dirname "$0")"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# Development sign-in (the local signer, and with it `token`) is off unless asked for, and only ever in Development.
if [ "$ASPNETCORE_ENVIRONMENT" = Development ]; then
  export Auth__LocalSigner="${Auth__LocalSigner:-true}"
fi
database=(--Database:ConnectionString="Data Source=$PWD/data/openaid.db")

if [ "${1:-}" = token ] || [ "${1:-}" = rotate-audit-key ]; then
  exec dotnet run --project src/OpenAid.Api -c Release -v q -- "$@" "${database[@]}"
fi

if [ -f web/package.json ]; then
  echo "== Building the web app (web/)"
  (cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build)
fi

echo "== Starting the API (the first start imports 104,672 villages and demo data)"
exec dotnet run --project src/OpenAid.Api -c Release -- \
  --urls "${OPENAID_URLS:-http://127.0.0.1:5000}" "${database[@]}"
