# Sourced by scripts that need a CouchDB-compatible server: starts pouchdb-server 4.2.0
# (tools/couch) in memory on a free loopback port, in a temporary directory (it writes its
# config and log where it runs), makes an admin, and stops it all on exit.
# Sets COUCH (http://127.0.0.1:<port>) and COUCH_ADMIN (the same with admin:secret@).
couch_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
couch_bin=$couch_root/tools/couch/node_modules/.bin/pouchdb-server
if [ ! -x "$couch_bin" ]; then
  echo "pouchdb-server is not installed: run scripts/install-tools.sh" >&2
  exit 1
fi
couch_work=$(mktemp -d)
couch_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
(cd "$couch_work" && exec "$couch_bin" --in-memory --host 127.0.0.1 --port "$couch_port" >"$couch_work/server.log" 2>&1) &
couch_pid=$!
trap 'kill $couch_pid 2>/dev/null; wait $couch_pid 2>/dev/null; rm -rf "$couch_work"' EXIT
COUCH=http://127.0.0.1:$couch_port
COUCH_ADMIN=http://admin:secret@127.0.0.1:$couch_port
for _ in $(seq 1 150); do curl -sf "$COUCH/" >/dev/null && break; sleep 0.2; done
curl -sf "$COUCH/" >/dev/null || { cat "$couch_work/server.log" >&2; exit 1; }
curl -sf -X PUT "$COUCH/_config/admins/admin" -d '"secret"' >/dev/null

# couch_put PATH JSON: a PUT as the admin, failing loudly.
couch_put() {
  curl -sf -X PUT "$COUCH_ADMIN$1" -H 'Content-Type: application/json' -d "$2" >/dev/null \
    || { echo "PUT $1 failed" >&2; exit 1; }
}
# couch_user NAME PASSWORD
couch_user() {
  couch_put "/_users/org.couchdb.user:$1" "{\"name\":\"$1\",\"password\":\"$2\",\"roles\":[],\"type\":\"user\"}"
}
# couch_db NAME [MEMBER…]: a database only its members may use (none: anyone may).
couch_db() {
  local db=$1; shift
  couch_put "/$db" ''
  if [ $# -gt 0 ]; then
    local names
    names=$(printf '"%s",' "$@")
    couch_put "/$db/_security" "{\"admins\":{\"names\":[],\"roles\":[]},\"members\":{\"names\":[${names%,}],\"roles\":[]}}"
  fi
}
