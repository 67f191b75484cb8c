#!/usr/bin/env bash
# A Mongo-wire server for the MongoDB adapter's tests: FerretDB v1.24.2 built from the Go module
# proxy (the only version it serves) into a cache outside the repository, reused when present.
#   scripts/ferretdb.sh build            → prints the binary's path (builds it once, ~2 min)
#   scripts/ferretdb.sh start <dir> <port> → starts it on 127.0.0.1:<port>, data in <dir>; prints its pid
#   scripts/ferretdb.sh stop <pid>
# The module zip lacks a generated build/version/version.txt (the binary panics at start without
# it), so the source is copied out of the module cache and built there.
set -euo pipefail
# shellcheck source=scripts/lib/go-build.sh
source "$(dirname "$0")/lib/go-build.sh"
VERSION=v1.24.2
CACHE="${PH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/practice-hub}"
BIN="${CACHE}/ferretdb-${VERSION}/ferretdb"

# The module zip lacks this generated file; the binary panics at start without it.
write_version() { echo "$VERSION" > build/version/version.txt; }

build() {
  go_build_cached ferretdb "github.com/FerretDB/FerretDB@${VERSION}" ./cmd/ferretdb "$BIN" write_version
}

start() {
  local dir="$1" port="$2" bin
  if (echo > "/dev/tcp/127.0.0.1/${port}") 2> /dev/null; then
    echo "[ferretdb] 端口 ${port} 已被占用 / port ${port} is already in use" >&2
    exit 1
  fi
  bin="$(build)"
  mkdir -p "$dir"
  "$bin" --handler=sqlite --sqlite-url="file:${dir}/" --listen-addr="127.0.0.1:${port}" \
    --state-dir="$dir" --telemetry=disable --debug-addr=- --log-level=warn \
    > "${dir}/ferretdb.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 50); do
    if (echo > "/dev/tcp/127.0.0.1/${port}") 2> /dev/null; then
      echo "$pid"
      return
    fi
    kill -0 "$pid" 2> /dev/null || { cat "${dir}/ferretdb.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "[ferretdb] 启动超时 / did not start on port ${port}" >&2
  cat "${dir}/ferretdb.log" >&2
  exit 1
}

case "${1:-}" in
  build) build ;;
  start) start "$2" "$3" ;;
  stop) kill "$2" 2> /dev/null || true ;;
  *) echo "usage: $0 build | start <dir> <port> | stop <pid>" >&2; exit 2 ;;
esac
