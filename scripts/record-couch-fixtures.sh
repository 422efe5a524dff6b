#!/usr/bin/env bash
# Records the answers the sync protocol's native tests replay (tests/fixtures/couch/*.json)
# from a real server: pouchdb-server 4.2.0 on a loopback port, started and stopped here. Run
# after changing what the sync sends; review the fixtures' diff like code.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
source scripts/couch-server.sh

password='mật khẩu 1' # tests: sync_protocol/tests/mod.rs, PASSWORD
couch_user vanphong_a "$password"
couch_user vanphong_b "$password"
couch_user khach "$password"
for db in first_sync conflict resume private; do
  couch_db "$db" vanphong_a vanphong_b
done
couch_db congkhai

rm -f tests/fixtures/couch/*.json
PHOIHOP_COUCH=$COUCH cargo test -p phoihop-core sync_protocol::tests -- --test-threads=1
git status --short tests/fixtures/couch
