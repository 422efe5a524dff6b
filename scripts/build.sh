#!/usr/bin/env bash
# Release build into dist/ (static files: host them anywhere).
# Installs the tools first (skipped when present), then builds with Trunk, offline.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[build]\033[0m %s\n' "$*"; }

# The build itself needs no browser; test.sh installs it for the test layers.
NEED_BROWSER=${NEED_BROWSER:-0} bash scripts/install-tools.sh

# binaryen 132's wasm-opt from tools/ must come before Debian's (which breaks the wasm).
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

log "cargo fetch"
cargo fetch

log "trunk build --release --offline"
# One build at a time per target dir: two Trunk runs share dist/ and its staging directory, and
# checkouts that share a CARGO_TARGET_DIR share the wasm cargo writes.
target_dir=${CARGO_TARGET_DIR:-target}
mkdir -p "$target_dir"
exec 9>"$target_dir/.build.lock"
flock 9
trunk build --release --offline

# The first wasm (what index.html loads) and the parts that load later (src/ui/lazy.rs).
first=$(sed -n "s/.*module_or_path: '\.\/\([^']*\)'.*/\1/p" dist/index.html)
total=0
total_gz=0
for wasm in dist/*.wasm; do
  raw=$(wc -c <"$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  total=$((total + raw))
  total_gz=$((total_gz + gz))
  if [ "$(basename "$wasm")" = "$first" ]; then
    log "$(basename "$wasm") (first): $raw bytes, $gz bytes gzipped (gzip -9)"
  fi
done
log "all wasm ($(ls dist/*.wasm | wc -l) files): $total bytes, $total_gz bytes gzipped"
