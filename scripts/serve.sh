#!/usr/bin/env bash
# Serves the app at http://127.0.0.1:8080 and rebuilds on change (trunk serve, debug build:
# it starts fastest). A fresh browser sees the first-run screen, which offers the sample data.
set -euo pipefail
cd "$(dirname "$0")/.."

# Serving needs no test browser.
NEED_BROWSER=${NEED_BROWSER:-0} bash scripts/install-tools.sh

export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch
echo "Phối hợp: http://127.0.0.1:8080  (Ctrl-C to stop)"
exec trunk serve --offline "$@"
