#!/usr/bin/env bash
# A Mongo-wire server for the MongoDB adapter's tests: FerretDB v1.24.2 built from the Go module
# proxy (the only version it serves) into a cache outside the repository, reused when present.
#   scripts/ferretdb.sh build            → prints the binary's path (builds it once, ~2 min)
#   scripts/ferretdb.sh start <dir> <port> → starts it on 127.0.0.1:<port>, data in <dir>; prints its pid
#   scripts/ferretdb.sh stop <pid>
# The module zip lacks a generated build/version/version.txt (the binary panics at start without
# it), so the source is copied out of the module cache and built there.
set -euo pipefail
VERSION=v1.24.2
CACHE="${PH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/practice-hub}"
BIN="${CACHE}/ferretdb-${VERSION}/ferretdb"

build() {
  if [[ -x "$BIN" ]]; then
    echo "$BIN"
    return
  fi
  command -v go > /dev/null || { echo "[ferretdb] 需要 Go 工具链 / Go is required to build FerretDB" >&2; exit 1; }
  echo "[ferretdb] 构建 FerretDB ${VERSION}（首次约 2 分钟）/ building FerretDB ${VERSION} once…" >&2
  local module_dir work
  module_dir="$(go mod download -json "github.com/FerretDB/FerretDB@${VERSION}" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "$module_dir" ]] || { echo "[ferretdb] 模块下载失败 / module download failed" >&2; exit 1; }
  work="$(mktemp -d -t ferretdb-src-XXXXXX)"
  cp -r "$module_dir/." "$work/"
  chmod -R u+w "$work"
  echo "$VERSION" > "$work/build/version/version.txt"
  mkdir -p "$(dirname "$BIN")"
  (cd "$work" && go build -o "$BIN.tmp" ./cmd/ferretdb) >&2
  mv "$BIN.tmp" "$BIN"
  rm -rf "$work"
  echo "$BIN"
}

start() {
  local dir="$1" port="$2" bin
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
