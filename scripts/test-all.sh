#!/usr/bin/env bash
# The whole suite: static checks, integration tests on SQLite and on a Mongo-wire server (FerretDB,
# or the MongoDB that TEST_DATABASE_URI names), then browser tests against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
reports="$(mktemp -d -t practice-hub-reports-XXXXXX)"
started=$SECONDS

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

step "lint · typecheck · format"
npx eslint . --max-warnings 0
npx tsc --noEmit
npx prettier --check . > /dev/null

# The MongoDB adapter's suite runs always: against TEST_DATABASE_URI when it names a real
# MongoDB, otherwise against FerretDB (a Mongo-wire server built from the Go module proxy into a
# cache outside the repository, see scripts/ferretdb.sh) with its compatibility settings.
if [[ "${TEST_DATABASE_URI:-}" == mongodb* ]]; then
  mongo_uri="$TEST_DATABASE_URI"
  mongo_compat="${MONGO_COMPAT:-}"
  mongo_label="MongoDB (${TEST_DATABASE_URI%%@*})"
else
  ferret_dir="$(mktemp -d -t practice-hub-ferretdb-XXXXXX)"
  ferret_port="${FERRETDB_PORT:-$(( ${E2E_PORT:-3100} + 24000 ))}"
  ferret_pid="$(bash scripts/ferretdb.sh start "$ferret_dir" "$ferret_port")"
  trap 'bash scripts/ferretdb.sh stop "$ferret_pid"; rm -rf "$ferret_dir"' EXIT
  mongo_uri="mongodb://127.0.0.1:${ferret_port}/"
  mongo_compat="ferretdb"
  mongo_label="FerretDB v1.24.2 (127.0.0.1:${ferret_port})"
fi

step "integration tests · SQLite"
# TEST_MONGO_URI lets the backup test also restore SQLite → MongoDB.
TEST_DATABASE_URI= TEST_MONGO_URI="$mongo_uri" MONGO_COMPAT="$mongo_compat" \
  npm run --silent test:int -- --reporter=default --reporter=json \
  --outputFile.json="${reports}/vitest-sqlite.json"

step "integration tests · ${mongo_label}"
TEST_DATABASE_URI="$mongo_uri" MONGO_COMPAT="$mongo_compat" \
  npm run --silent test:int -- --reporter=default --reporter=json \
  --outputFile.json="${reports}/vitest-mongo.json"

step "browser tests · Chromium"
# After the SQLite run, test-e2e.sh builds once more on the Mongo-wire server and runs the
# portal, leak and live-publishing specs there.
PLAYWRIGHT_JSON_OUTPUT_NAME="${reports}/playwright.json" E2E_MONGO_URI="$mongo_uri" \
  MONGO_COMPAT="$mongo_compat" bash scripts/test-e2e.sh --reporter=list,json

step "summary"
node scripts/summarize-tests.mjs "${reports}" "$((SECONDS - started))"
