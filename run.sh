#!/usr/bin/env bash
# Runs OpenAid on the embedded default: SQLite in ./data, in-process cache, real places and demo data
# imported on first start. Prints where to open it. Set OPENAID_URLS to listen elsewhere.
#   ./run.sh                                   run the API, GraphiQL and the web app
#   ./run.sh token --role Publisher --region 451027 --org ORG-000001
#                                              print a development sign-in token for this database
#   ./run.sh verify <URL or dump.zip> [--against <earlier dump.zip>] [--key <PEM file>]
#                                              verify a published audit trail offline (no server, no database):
#                                              exit 0 when it verifies, 1 at the first broken place, 2 on bad input
#   ./run.sh rotate-audit-key                  rotate the audit trail's signing key (see README, The audit trail)
#   ./run.sh rebuild-summaries                 recompute the money summary from the transactions (after a bulk load)
set -euo pipefail
caller="$PWD"
cd "$(dirname "$0")"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# Development sign-in (the local signer, and with it `token`) is off unless asked for, and only ever in Development.
if [ "$ASPNETCORE_ENVIRONMENT" = Development ]; then
  export Auth__LocalSigner="${Auth__LocalSigner:-true}"
fi
database=(--Database:ConnectionString="Data Source=$PWD/data/openaid.db")

if [ "${1:-}" = verify ]; then
  # `dotnet run` starts the program in the project's folder: hand it the caller's files as absolute paths.
  shift
  files=()
  for arg in "$@"; do
    case "$arg" in
      --* | /* | http://* | https://*) files+=("$arg") ;;
      *) files+=("$caller/$arg") ;;
    esac
  done
  exec dotnet run --project src/OpenAid.Api -c Release -v q -- verify ${files[@]+"${files[@]}"}
fi

if [ "${1:-}" = token ] || [ "${1:-}" = rotate-audit-key ] || [ "${1:-}" = rebuild-summaries ]; then
  exec dotnet run --project src/OpenAid.Api -c Release -v q -- "$@" "${database[@]}"
fi

if [ -f web/package.json ]; then
  echo "== Building the web app (web/)"
  (cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build)
fi

echo "== Starting the API (the first start imports 104,672 villages and demo data)"
exec dotnet run --project src/OpenAid.Api -c Release -- \
  --urls "${OPENAID_URLS:-http://127.0.0.1:5000}" "${database[@]}"
