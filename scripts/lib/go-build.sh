# Sourced by scripts/ferretdb.sh and scripts/seaweedfs.sh: builds a Go program from the module
# proxy once into the cache outside the repository.
#   go_build_cached <label> <module@version> <package> <binary> [prepare-function]
# `go install module@version` cannot be used for these modules (a replace directive in go.mod, or a
# generated file missing from the module zip), so the source is copied out of the read-only module
# cache into a scratch folder, optionally prepared there by <prepare-function> (run in that
# folder), and built. Prints the binary's path; reuses it when present.
go_build_cached() {
  local label="$1" module="$2" package="$3" bin="$4" prepare="${5:-}"
  if [[ -x "$bin" ]]; then
    echo "$bin"
    return
  fi
  command -v go > /dev/null || { echo "[${label}] 需要 Go 工具链 / Go is required to build ${label}" >&2; exit 1; }
  echo "[${label}] 首次构建 ${module}（需几分钟）/ building ${module} once…" >&2
  local module_dir work
  module_dir="$(go mod download -json "$module" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "$module_dir" ]] || { echo "[${label}] 模块下载失败 / module download failed" >&2; exit 1; }
  work="$(mktemp -d -t "${label}-src-XXXXXX")"
  cp -r "$module_dir/." "$work/"
  chmod -R u+w "$work"
  if [[ -n "$prepare" ]]; then (cd "$work" && "$prepare"); fi
  mkdir -p "$(dirname "$bin")"
  (cd "$work" && go build -o "$bin.tmp" "$package") >&2
  mv "$bin.tmp" "$bin"
  rm -rf "$work"
  echo "$bin"
}
