#!/usr/bin/env bash
# Every test layer, in order, stopping at the first failure:
#   1. native: `cargo test` (the pure core; src/ui and src/web are wasm32-only)
#   2. in-browser: tests/browser_*.rs on wasm32 in headless Chromium (wasm-bindgen-test-runner)
#   3. release build (scripts/build.sh), then end-to-end: tests/e2e/*.test.mjs, driving headless
#      Chromium through playwright-core against dist/ served on 127.0.0.1
# Logs of each layer go to target/test-logs/; the runners' summary lines are repeated at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

logs=target/test-logs
mkdir -p "$logs"
rm -f "$logs"/*.log

declare -a timings=()
phase_start=0
phase() { printf '\n\033[1m==> %s\033[0m\n' "$*"; phase_name=$*; phase_start=$SECONDS; }
phase_end() {
  timings+=("$(printf '%-24s %4ds' "$phase_name" $((SECONDS - phase_start)))")
  printf '\033[1m<== %s: %ds\033[0m\n' "$phase_name" $((SECONDS - phase_start))
  phase_name=
}
# On a failure, say where, after how long (the runners' own output above says why).
trap 'rc=$?; if [ $rc -ne 0 ] && [ -n "${phase_name:-}" ]; then
  printf "\n\033[1;31m==> FAILED in %s after %ds (exit %d)\033[0m\n" "$phase_name" $((SECONDS - phase_start)) $rc; fi' EXIT

phase "install tools"
NEED_BROWSER=1 bash scripts/install-tools.sh
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch
phase_end

phase "native tests"
cargo test 2>&1 | tee "$logs/1-native.log"
phase_end

phase "office files"
# The sample's files, written natively (tests/office_files.rs) and opened by the real clients:
# LibreOffice, openpyxl, icalendar, python-docx (scripts/check-office-files.py). The .docx
# pages are left as PNGs in target/office-files/pages/ to look at.
office=$root/target/office-files
rm -rf "$office"
OFFICE_FILES_DIR=$office cargo test --test office_files 2>&1 | tee "$logs/1-office.log"
check_office() { tools/office/venv/bin/python scripts/check-office-files.py "$@" 2>&1 | tee -a "$logs/1-office.log"; }
for lang in vi en; do
  check_office "$office/$lang/agreements.xlsx" "$office/$lang/agreements.csv" --hostile-json "$office/hostile.json"
  check_office "$office/$lang"/{events,recommendations,directory,agreement-2013-2017,agreement-2018-2022}.xlsx \
    "$office/$lang/recommendations.csv" "$office/$lang"/*.ics
done
check_office "$office"/*.docx --png-dir "$office/pages"
phase_end

phase "in-browser tests"
browser_tests=()
for f in tests/browser_*.rs; do
  [ -e "$f" ] || continue
  browser_tests+=(--test "$(basename "$f" .rs)")
done
if [ ${#browser_tests[@]} -gt 0 ]; then
  # The runner starts chromedriver, which starts /usr/bin/chromium with the flags in
  # webdriver.json (and a fresh temporary profile).
  CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120} \
    cargo test --target wasm32-unknown-unknown "${browser_tests[@]}" 2>&1 | tee "$logs/2-browser.log"
else
  echo "no tests/browser_*.rs"
fi
phase_end

phase "release build"
bash scripts/build.sh 2>&1 | tee "$logs/3-build.log"
# The storage e2e test runs this example (a large store); built here, not inside that test's
# five minutes (the core's writers made the native release build longer).
cargo build --release --quiet --example large_store 2>&1 | tee -a "$logs/3-build.log"
phase_end

phase "end-to-end tests"
rm -rf tests/e2e/artifacts
# The harness serves dist/ on a free port of 127.0.0.1 and launches /usr/bin/chromium.
node --test --test-reporter=tap tests/e2e/ 2>&1 | tee "$logs/4-e2e.log"
phase_end

printf '\n\033[1m==> timings\033[0m\n'
printf '  %s\n' "${timings[@]}"
grep -h 'gzipped' "$logs/3-build.log" | sed -e $'s/\x1b\\[[0-9;]*m//g' -e 's/^/  /' || true
printf '\n\033[1m==> summary\033[0m\n'
grep -hE '^[0-9]+ passed, [0-9]+ failed' "$logs/1-office.log" || true
for log in "$logs"/1-native.log "$logs"/2-browser.log; do
  [ -f "$log" ] && grep -E '^test result:' "$log" || true
done
grep -E '^# (tests|pass|fail|cancelled|skipped|todo) ' "$logs/4-e2e.log"
