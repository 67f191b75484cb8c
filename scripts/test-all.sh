#!/usr/bin/env bash
# The whole suite: static checks, integration tests on SQLite (and on a Mongo-wire server when
# TEST_DATABASE_URI is set), then browser tests against a production build.
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

step "integration tests · SQLite"
TEST_DATABASE_URI= npm run --silent test:int -- --reporter=default --reporter=json \
  --outputFile.json="${reports}/vitest-sqlite.json"

if [[ "${TEST_DATABASE_URI:-}" == mongodb* ]]; then
  step "integration tests · MongoDB (${TEST_DATABASE_URI%%@*})"
  npm run --silent test:int -- --reporter=default --reporter=json \
    --outputFile.json="${reports}/vitest-mongo.json"
fi

step "browser tests · Chromium"
PLAYWRIGHT_JSON_OUTPUT_NAME="${reports}/playwright.json" \
  bash scripts/test-e2e.sh --reporter=list,json

step "summary"
node scripts/summarize-tests.mjs "${reports}" "$((SECONDS - started))"
