#!/usr/bin/env bash
# An S3-compatible object store for the object-storage tests: SeaweedFS built from the Go module
# proxy into a cache outside the repository, reused when present, and run as `weed server` (master,
# volume server, filer and S3 gateway in one process).
#   scripts/seaweedfs.sh build              → prints the binary's path (builds it once, ~3–4 min)
#   scripts/seaweedfs.sh start <dir> <port> → S3 on 127.0.0.1:<port>, data in <dir>; prints its pid
#   scripts/seaweedfs.sh stop <pid>
# The one identity's keys come from TEST_S3_ACCESS_KEY_ID / TEST_S3_SECRET_ACCESS_KEY (defaults
# below). The other components listen on loopback ports <port>+1 … <port>+15.
# `go install …@version` refuses a module whose go.mod has replace directives, so the source is
# copied out of the (read-only) module cache and built there.
set -euo pipefail
# shellcheck source=scripts/lib/go-build.sh
source "$(dirname "$0")/lib/go-build.sh"
VERSION=v0.0.0-20261109003541-7506e5f91cd6
CACHE="${PH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/practice-hub}"
BIN="${CACHE}/seaweedfs-${VERSION}/weed"
ACCESS_KEY="${TEST_S3_ACCESS_KEY_ID:-practicehubtest}"
SECRET_KEY="${TEST_S3_SECRET_ACCESS_KEY:-practice-hub-test-secret-2026}"

build() {
  go_build_cached seaweedfs "github.com/seaweedfs/seaweedfs@${VERSION}" ./weed "$BIN"
}

start() {
  local dir="$1" port="$2" bin
  bin="$(build)"
  mkdir -p "$dir/data"
  cat > "$dir/s3.json" << EOF
{"identities":[{"name":"practice-hub-test","credentials":[{"accessKey":"${ACCESS_KEY}","secretKey":"${SECRET_KEY}"}],"actions":["Admin","Read","Write","List","Tagging"]}]}
EOF
  # `weed server` rather than `weed mini`: mini sizes its volumes from the disk's free space and
  # makes them read-only below 1 % free (fixed in its code). On a shared 252 GB CI disk with a few
  # GB free that left no writable volume, and every upload failed with S3 InternalError. Here the
  # volume count and size are fixed (volumes are sparse files; the tests store a few MB) and the
  # server stops writing only when the disk has under 64 MiB left.
  env -u S3_BUCKET -u S3_TABLE_BUCKET -u S3_EXTERNAL_URL \
    "$bin" server -dir="$dir/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -master.port=$((port + 1)) -master.port.grpc=$((port + 11)) -master.telemetry=false \
    -master.volumeSizeLimitMB=16 \
    -volume.port=$((port + 2)) -volume.port.grpc=$((port + 12)) \
    -volume.max=64 -volume.minFreeSpace=64MiB -volume.preStopSeconds=0 \
    -filer -filer.port=$((port + 3)) -filer.port.grpc=$((port + 13)) \
    -filer.localSocket="$dir/filer.sock" \
    -s3 -s3.port="$port" -s3.port.grpc=$((port + 14)) -s3.config="$dir/s3.json" \
    -s3.port.iceberg=0 -s3.port.lance=0 -s3.localSocket="$dir/s3.sock" \
    > "${dir}/seaweedfs.log" 2>&1 &
  local pid=$!
  # The S3 gateway starts last (after the filer), so its port answering means all is up.
  for _ in $(seq 1 150); do
    if (echo > "/dev/tcp/127.0.0.1/${port}") 2> /dev/null; then
      echo "$pid"
      return
    fi
    kill -0 "$pid" 2> /dev/null || { cat "${dir}/seaweedfs.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "[seaweedfs] 启动超时 / did not start on port ${port}" >&2
  cat "${dir}/seaweedfs.log" >&2
  kill "$pid" 2> /dev/null || true
  exit 1
}

# The test data is thrown away, so the server gets 3 s after SIGTERM: `weed server` otherwise waits
# 15 s for its filer to flush a metadata log to a volume server that has already stopped.
stop() {
  local pid="$1"
  kill "$pid" 2> /dev/null || return 0
  for _ in $(seq 1 15); do
    kill -0 "$pid" 2> /dev/null || return 0
    sleep 0.2
  done
  kill -9 "$pid" 2> /dev/null || true
}

case "${1:-}" in
  build) build ;;
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 build | start <dir> <port> | stop <pid>" >&2; exit 2 ;;
esac
