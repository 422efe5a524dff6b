#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there.
# Idempotent: safe to run on every serve/test.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
BINARYEN_VERSION=132           # Debian's binaryen 108 emits a wasm that crashes at start
WASM_SPLIT_VERSION=0.2.4       # wasm_split_cli_support: splits the wasm (scripts/post-build.mjs)

log() { printf '\033[1m[install]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_browser=${NEED_BROWSER:-1}

export PATH="$HOME/.cargo/bin:$PATH"

apt_install() {
  log "apt-get install $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

if ! command -v rustup >/dev/null || ! command -v cargo >/dev/null; then
  echo "rustup and a stable Rust toolchain are required (https://rustup.rs); not found on PATH" >&2
  exit 1
fi
# cargo install (trunk, wasm-bindgen-cli) compiles C code (ring, zstd…).
if ! command -v cc >/dev/null || ! command -v pkg-config >/dev/null; then
  apt_install build-essential pkg-config
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION (takes ~11 min on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one locked dependency is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The splitter cargo-leptos uses, as a command: cuts the lazily loaded parts out of the wasm.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

if [ ! -f tools/node_modules/.installed ] || [ tools/package.json -nt tools/node_modules/.installed ]; then
  log "npm install (binaryen $BINARYEN_VERSION, playwright-core) into tools/"
  (cd tools && npm install --no-audit --no-fund)
fi
touch tools/node_modules/.installed

# The CouchDB-compatible server the sync tests start on a loopback port (pouchdb-server 4.2.0).
if [ ! -f tools/couch/node_modules/.installed ] || [ tools/couch/package.json -nt tools/couch/node_modules/.installed ]; then
  log "npm install (pouchdb-server) into tools/couch/"
  # --ignore-scripts: the in-memory server needs no native build, and leveldown's install
  # script would fetch a prebuilt binary from GitHub.
  (cd tools/couch && npm install --no-audit --no-fund --ignore-scripts)
  touch tools/couch/node_modules/.installed
fi

if [ "$need_browser" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
fi
# The office clients the exports are checked with (scripts/test.sh, phase "office files"):
# LibreOffice converts .xlsx to CSV and .docx to PDF, pdftoppm makes PNG pages to look at, and
# a venv under tools/ holds the pinned Python readers (openpyxl, icalendar, python-docx).
need_office=${NEED_OFFICE:-$need_browser}
if [ "$need_office" = 1 ]; then
  if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null \
    || ! /usr/bin/python3 -c 'import ensurepip' 2>/dev/null; then
    apt_install --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui \
      poppler-utils python3-venv fonts-liberation
  fi
  venv=tools/office/venv
  if [ ! -f "$venv/.installed" ] || [ tools/office/requirements.txt -nt "$venv/.installed" ]; then
    log "python venv with openpyxl, icalendar, python-docx into $venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r tools/office/requirements.txt
    touch "$venv/.installed"
  fi
fi
log "tools ready"
