#!/usr/bin/env bash
# Browser tests: a fresh seeded SQLite database, a production build, then Playwright driving
# Debian's Chromium against `next start`. Screenshots land in tests/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d -t practice-hub-e2e-XXXXXX)"
mongo_work=""
# The runs' folders (database, uploads, static site, build and server logs) go when the run
# passed; after a failure, or with KEEP_TEST_DIRS=1, they stay to look at or to rerun against.
remove_work() {
  local status=$?
  if [[ $status -eq 0 && "${KEEP_TEST_DIRS:-0}" != 1 ]]; then
    rm -rf "$work" ${mongo_work:+"$mongo_work"}
  else
    echo "[e2e] 测试文件夹保留在 kept: $work ${mongo_work}"
  fi
}
trap remove_work EXIT
export DATABASE_URI="file:${work}/e2e.db"
export MEDIA_DIR="${work}/media"
export PAYLOAD_SECRET="practice-hub-e2e-secret"
export NEXT_TELEMETRY_DISABLED=1
export JOBS_AUTORUN=0
# The worker lease changes hands within 6 s + 1.5 s (20 s + 5 s by default), so the two-server
# project need not wait long for the lease the single server left behind.
export WORKER_LEASE_TTL_MS=6000
export SITE_URL="http://127.0.0.1:${E2E_PORT:-3100}"

# Migrates and seeds DATABASE_URI with the demo county, then builds the app from it (pages are
# prerendered from the database, so each database gets its own build). $1: folder for the log.
seed_and_build() {
  echo "[e2e] 数据库 database: ${DATABASE_URI%%@*}"
  npm run --silent payload -- migrate
  npm run --silent payload -- run src/seed/run.ts | tail -n 1
  echo "[e2e] next build…"
  NODE_OPTIONS=--no-deprecation npx next build > "$1/build.log" 2>&1 || { cat "$1/build.log"; exit 1; }
}

# The app server's log (Playwright starts the server; see playwright.config.ts). When a run fails,
# its warnings and errors are printed after Playwright's report, the last of them last.
server_errors() {
  [ -f "$E2E_SERVER_LOG" ] || return 0
  local lines
  # Each warning or error with up to six of its continuation lines (a broken-link list, a stack).
  lines="$(sed 's/\x1b\[[0-9;]*m//g' "$E2E_SERVER_LOG" | awk '
    /^\[[0-9:]+\] / { keep = /WARN|ERROR|FATAL/ && !/No email adapter/; more = 6; if (keep) print; next }
    /Error/ { print; next }
    keep && more-- > 0 { print }' | tail -n 40)"
  [ -n "$lines" ] || return 0
  echo "[e2e] 应用服务器日志中的警告与错误 server warnings and errors (${E2E_SERVER_LOG}):"
  echo "$lines"
}
# Runs Playwright; on failure prints the server's errors and stops with Playwright's status.
playwright() {
  npx playwright test "$@" || {
    local status=$?
    server_errors
    exit "$status"
  }
}

seed_and_build "$work"
export E2E_SERVER_LOG="${work}/server.log"
rm -rf tests/artifacts && mkdir -p tests/artifacts
# Static publishing on for the app server, as in production: it keeps ${work}/static current and
# tests/e2e/static.e2e.spec.ts serves that folder with nginx on E2E_PORT + 7.
export STATIC_SITE_DIR="${work}/static"
export STATIC_RENDER_ORIGIN="${SITE_URL}"
export STATIC_PUBLIC_URL="http://127.0.0.1:$(( ${E2E_PORT:-3100} + 7 ))"
playwright "$@"
# The load test reuses this build and database: 10 s in CI (60 s is the documented full run).
# Skipped when only some specs or projects were asked for (any argument not starting with --),
# unless RUN_LOAD=1.
selected=0
for arg in "$@"; do [[ "$arg" == --* ]] || selected=1; done
if [ "$selected" = 0 ] || [ "${RUN_LOAD:-0}" = 1 ]; then
  echo "[e2e] 压力测试 load test…"
  LOAD_DURATION="${LOAD_DURATION:-10}" npm run --silent test:load
fi

# Two app servers of the same build on the same database (tests/e2e/cluster.e2e.spec.ts starts
# them itself, so Playwright's single server is off). $1: suffix of the JSON report.
run_cluster() {
  echo "[e2e] 两台应用服务器 two app servers, one database"
  local report="${PLAYWRIGHT_JSON_OUTPUT_NAME:-}"
  E2E_SERVER_LOG="" E2E_CLUSTER=1 PLAYWRIGHT_JSON_OUTPUT_NAME="${report:+${report%.json}-$1.json}" \
    playwright --project=cluster "${reporter_args[@]}"
}
# Only the reporter flags of the caller's arguments apply to the cluster run.
reporter_args=()
for arg in "$@"; do [[ "$arg" == --reporter* ]] && reporter_args+=("$arg"); done
if [ "$selected" = 0 ]; then run_cluster cluster; fi

# The production path on the MongoDB adapter: a new database on the Mongo-wire server that
# scripts/test-all.sh started (E2E_MONGO_URI, with MONGO_COMPAT), the demo county seeded into it,
# a production build from it, then the portal, leak and live-publishing specs against it.
if [[ -n "${E2E_MONGO_URI:-}" && "$selected" = 0 ]]; then
  mongo_work="$(mktemp -d -t practice-hub-e2e-mongo-XXXXXX)"
  export DATABASE_URI="${E2E_MONGO_URI%/}/ph_e2e_$(date +%s)"
  export MEDIA_DIR="${mongo_work}/media"
  export STATIC_SITE_DIR="${mongo_work}/static"
  export E2E_SERVER_LOG="${mongo_work}/server.log"
  echo "[e2e] MongoDB 适配器 adapter (${MONGO_COMPAT:-mongodb})"
  seed_and_build "$mongo_work"
  report="${PLAYWRIGHT_JSON_OUTPUT_NAME:-}"
  PLAYWRIGHT_JSON_OUTPUT_NAME="${report:+${report%.json}-mongo-portal.json}" \
    playwright --project=desktop --project=phone \
    tests/e2e/portal.e2e.spec.ts tests/e2e/leak.e2e.spec.ts "$@"
  PLAYWRIGHT_JSON_OUTPUT_NAME="${report:+${report%.json}-mongo-live.json}" \
    playwright --project=live --no-deps "$@"
  run_cluster mongo-cluster
fi
