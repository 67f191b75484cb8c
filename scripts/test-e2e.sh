#!/usr/bin/env bash
# Browser tests: a fresh seeded SQLite database, a production build, then Playwright driving
# Debian's Chromium against `next start`. Screenshots land in tests/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d -t practice-hub-e2e-XXXXXX)"
export DATABASE_URI="file:${work}/e2e.db"
export MEDIA_DIR="${work}/media"
export PAYLOAD_SECRET="practice-hub-e2e-secret"
export NEXT_TELEMETRY_DISABLED=1
export JOBS_AUTORUN=0
export SITE_URL="http://127.0.0.1:${E2E_PORT:-3100}"


echo "[e2e] 数据库 database: ${DATABASE_URI}"
npm run --silent payload -- migrate
npm run --silent payload -- run src/seed/run.ts | tail -n 1
echo "[e2e] next build…"
NODE_OPTIONS=--no-deprecation npx next build > "${work}/build.log" 2>&1 || { cat "${work}/build.log"; exit 1; }
rm -rf tests/artifacts && mkdir -p tests/artifacts
# Static publishing on for the app server, as in production: it keeps ${work}/static current and
# tests/e2e/static.e2e.spec.ts serves that folder with nginx on E2E_PORT + 7.
export STATIC_SITE_DIR="${work}/static"
export STATIC_RENDER_ORIGIN="${SITE_URL}"
export STATIC_PUBLIC_URL="http://127.0.0.1:$(( ${E2E_PORT:-3100} + 7 ))"
npx playwright test "$@"
# The load test reuses this build and database: 10 s in CI (60 s is the documented full run).
# Skipped when only some specs or projects were asked for (any argument not starting with --),
# unless RUN_LOAD=1.
selected=0
for arg in "$@"; do [[ "$arg" == --* ]] || selected=1; done
if [ "$selected" = 0 ] || [ "${RUN_LOAD:-0}" = 1 ]; then
  echo "[e2e] 压力测试 load test…"
  LOAD_DURATION="${LOAD_DURATION:-10}" npm run --silent test:load
fi
