#!/usr/bin/env bash
# The whole suite: static checks, integration tests on SQLite and on a Mongo-wire server (FerretDB,
# or the MongoDB that TEST_DATABASE_URI names), both with a real S3 server (SeaweedFS, or the one
# TEST_S3_ENDPOINT names), then browser tests against a production build.
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

# Servers this script starts, stopped (and their data removed) on any exit, and the reports.
ferret_pid="" ferret_dir="" seaweed_pid="" seaweed_dir=""
stop_servers() {
  if [[ -n "$seaweed_pid" ]]; then bash scripts/seaweedfs.sh stop "$seaweed_pid" || true; fi
  if [[ -n "$ferret_pid" ]]; then bash scripts/ferretdb.sh stop "$ferret_pid" || true; fi
  if [[ -n "$seaweed_dir" ]]; then rm -rf "$seaweed_dir"; fi
  if [[ -n "$ferret_dir" ]]; then rm -rf "$ferret_dir"; fi
  rm -rf "$reports"
}
trap stop_servers EXIT

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
  mongo_uri="mongodb://127.0.0.1:${ferret_port}/"
  mongo_compat="ferretdb"
  mongo_label="FerretDB v1.24.2 (127.0.0.1:${ferret_port})"
fi

# Object storage (uploads through @payloadcms/storage-s3, the static site's bucket sync) is tested
# against a real S3 server in both integration runs: TEST_S3_ENDPOINT (with TEST_S3_ACCESS_KEY_ID
# and TEST_S3_SECRET_ACCESS_KEY) when set, otherwise SeaweedFS built from the Go module proxy into
# the same cache (scripts/seaweedfs.sh). The test files make and remove buckets of their own.
if [[ -z "${TEST_S3_ENDPOINT:-}" ]]; then
  export TEST_S3_ACCESS_KEY_ID="${TEST_S3_ACCESS_KEY_ID:-practicehubtest}"
  export TEST_S3_SECRET_ACCESS_KEY="${TEST_S3_SECRET_ACCESS_KEY:-practice-hub-test-secret-2026}"
  seaweed_dir="$(mktemp -d -t practice-hub-seaweedfs-XXXXXX)"
  seaweed_port="${SEAWEEDFS_PORT:-$(( ${E2E_PORT:-3100} + 25000 ))}"
  seaweed_pid="$(bash scripts/seaweedfs.sh start "$seaweed_dir" "$seaweed_port")"
  export TEST_S3_ENDPOINT="http://127.0.0.1:${seaweed_port}"
fi
echo "[s3] ${TEST_S3_ENDPOINT}"

step "integration tests · SQLite"
# TEST_MONGO_URI lets the backup test also restore SQLite → MongoDB.
TEST_DATABASE_URI= TEST_MONGO_URI="$mongo_uri" MONGO_COMPAT="$mongo_compat" \
  npm run --silent test:int -- --reporter=default --reporter=json \
  --outputFile.json="${reports}/vitest-sqlite.json"

step "integration tests · ${mongo_label}"
TEST_DATABASE_URI="$mongo_uri" MONGO_COMPAT="$mongo_compat" \
  npm run --silent test:int -- --reporter=default --reporter=json \
  --outputFile.json="${reports}/vitest-mongo.json"

# The browser tests use no object store: stop SeaweedFS now rather than at exit.
if [[ -n "$seaweed_pid" ]]; then
  bash scripts/seaweedfs.sh stop "$seaweed_pid"
  seaweed_pid=""
fi

step "browser tests · Chromium"
# After the SQLite run, test-e2e.sh builds once more on the Mongo-wire server and runs the
# portal, leak and live-publishing specs there.
PLAYWRIGHT_JSON_OUTPUT_NAME="${reports}/playwright.json" E2E_MONGO_URI="$mongo_uri" \
  MONGO_COMPAT="$mongo_compat" bash scripts/test-e2e.sh --reporter=list,json

step "summary"
node scripts/summarize-tests.mjs "${reports}" "$((SECONDS - started))"
