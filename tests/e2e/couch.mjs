// A CouchDB-compatible server for the sync tests: pouchdb-server 4.2.0 (tools/couch, installed
// by scripts/install-tools.sh), in memory on a free loopback port, in a temporary directory (it
// writes its config and log where it runs). Like scripts/couch-server.sh, for node tests.
//
//   const couch = await startCouch();           // { url, admin(method, path, body), close() }
//   await couch.user('vanphong_a', 'mật khẩu');
//   await couch.database('phoihop', ['vanphong_a', 'vanphong_b']);
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.join(here, '..', '..', 'tools', 'couch', 'node_modules', '.bin', 'pouchdb-server');
const ADMIN = { name: 'admin', password: 'secret' };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startCouch() {
  await fs.access(BIN).catch(() => {
    throw new Error(`${BIN} is missing: run scripts/install-tools.sh`);
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phoihop-couch-'));
  const port = await freePort();
  const log = await fs.open(path.join(dir, 'server.log'), 'w');
  const child = spawn(BIN, ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir, stdio: ['ignore', log.fd, log.fd],
  });
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    await log.close();
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`pouchdb-server exited: ${await fs.readFile(path.join(dir, 'server.log'), 'utf8')}`);
      const up = await fetch(url + '/').then((r) => r.ok, () => false);
      if (up) break;
      if (i > 300) throw new Error('pouchdb-server did not answer in 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const put = await fetch(`${url}/_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
    if (!put.ok) throw new Error(`admin: ${put.status}`);
  } catch (e) {
    await close();
    throw e;
  }
  const auth = 'Basic ' + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64');
  const admin = async (method, p, body) => {
    const r = await fetch(url + p, {
      method, headers: { authorization: auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${text}`);
    return JSON.parse(text);
  };
  return {
    url,
    admin,
    close,
    user: (name, password) => admin('PUT', `/_users/org.couchdb.user:${name}`, { name, password, roles: [], type: 'user' }),
    /** A database only its members may use. */
    database: async (name, members) => {
      await admin('PUT', `/${name}`);
      await admin('PUT', `/${name}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles: [] } });
    },
  };
}
