// A tiny static file server for dist/: what any static host does, and nothing more.
// Usage from code: `const srv = await serveStatic(dir)` → { url, close() }.
// Options (4th argument), for tests that play the host:
//   headers: { name: value } sent with every response (e.g. a Content-Security-Policy), or a
//            function (pathname) → such an object;
//   rewrite: (pathname, body) → a new body (Buffer or string), or undefined to leave it: a
//            changed deploy of one file (e.g. a new sw.js);
//   proxy:   { prefix: '/couch', target: 'http://127.0.0.1:5984' }: requests under the prefix
//            go to the target, prefix taken off (a CouchDB under the app's own origin, as
//            docs/sync.md recommends, so the CSP's connect-src 'self' allows it).
// From the shell: `node tests/e2e/server.mjs [dir] [port]` (port 0 = any free port).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export async function serveStatic(root, port = 0, host = '127.0.0.1', { headers = {}, rewrite, proxy } = {}) {
  root = path.resolve(root);
  await fs.access(path.join(root, 'index.html')); // fail early: build dist/ first
  const server = http.createServer(async (req, res) => {
    if (proxy && (req.url === proxy.prefix || req.url.startsWith(proxy.prefix + '/'))) {
      forward(req, res, proxy);
      return;
    }
    try {
      const { pathname } = new URL(req.url, 'http://x');
      const extra = typeof headers === 'function' ? headers(pathname) ?? {} : headers;
      for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
      let file = path.normalize(path.join(root, decodeURIComponent(pathname)));
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      let stat = await fs.stat(file).catch(() => null);
      if (stat?.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fs.stat(file).catch(() => null);
      }
      if (!stat) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      let body = await fs.readFile(file);
      const changed = await rewrite?.(pathname, body);
      if (changed !== undefined) body = Buffer.from(changed);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/** One request passed on to the proxy's target, streamed both ways (the long-poll too). */
function forward(req, res, { prefix, target }) {
  const base = new URL(target);
  const upstream = http.request({
    host: base.hostname,
    port: base.port,
    method: req.method,
    path: req.url.slice(prefix.length) || '/',
    headers: { ...req.headers, host: base.host },
  }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('bad gateway');
  });
  req.on('aborted', () => upstream.destroy());
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = process.argv[2] ?? path.join(here, '..', '..', 'dist');
  const srv = await serveStatic(dir, Number(process.argv[3] ?? 8080));
  console.log(`serving ${dir} at ${srv.url}/`);
}
