// A tiny static file server for dist/: what any static host does, and nothing more.
// Usage from code: `const srv = await serveStatic(dir)` → { url, close() }.
// Options (4th argument), for tests that play the host:
//   headers: { name: value } sent with every response (e.g. a Content-Security-Policy), or a
//            function (pathname) → such an object;
//   rewrite: (pathname, body) → a new body (Buffer or string), or undefined to leave it: a
//            changed deploy of one file (e.g. a new sw.js);
//   compression: what a real host does with text and wasm (the load benchmark plays each):
//            'none' (default: the tests read plain bodies), 'gzip' (compressed per request,
//            zlib's default level, as nginx's `gzip on` or a CDN does), 'precompressed' (the
//            build's .br / .gz beside each file, as nginx's gzip_static / brotli_static serve
//            them; a file without one is gzipped per request);
//   proxy:   { prefix: '/couch', target: 'http://127.0.0.1:5984' }: requests under the prefix
//            go to the target, prefix taken off (a CouchDB under the app's own origin, as
//            docs/sync.md recommends, so the CSP's connect-src 'self' allows it). With
//            `tap: ({ method, path, body }) => mode` (body: the request's bytes), each request
//            is shown to the test first, which plays the line to the server: mode 'pass' (or
//            nothing) forwards it; 'refuse' closes the connection unanswered (the server gone);
//            'bad-gateway' answers 502 as nginx does when the server behind it is down;
//            'lose-answer' forwards it, then breaks the connection halfway through the answer
//            (the server did the work, the answer never arrived).
// From the shell: `node tests/e2e/server.mjs [dir] [port] [compression]` (port 0 = any free port).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const gzip = promisify(zlib.gzip);

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
// Worth compressing (images here are PNGs, already compressed).
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|manifest\+json)|image\/svg)/;

/** Which encodings the request accepts, by name (q=0 excluded). */
function accepted(req) {
  const out = new Set();
  for (const part of String(req.headers['accept-encoding'] ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue;
    if (name) out.add(name.toLowerCase());
  }
  return out;
}

/** The body to send and its Content-Encoding (undefined: as stored). */
async function encode(req, file, body, type, compression) {
  if (compression === 'none' || !COMPRESSIBLE.test(type)) return { body };
  const accepts = accepted(req);
  if (compression === 'precompressed') {
    for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepts.has(encoding)) continue;
      const stored = await fs.readFile(file + ext).catch(() => null);
      if (stored) return { body: stored, encoding };
    }
  }
  if (accepts.has('gzip')) return { body: await gzip(body), encoding: 'gzip' };
  return { body };
}

export async function serveStatic(
  root,
  port = 0,
  host = '127.0.0.1',
  { headers = {}, rewrite, compression = 'none', proxy } = {},
) {
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
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      // A rewritten body has no stored compressed copy.
      const mode = changed !== undefined && compression === 'precompressed' ? 'gzip' : compression;
      const sent = await encode(req, file, body, type, mode);
      res.writeHead(200, {
        'content-type': type,
        'content-length': sent.body.length,
        'cache-control': 'no-store',
        ...(sent.encoding ? { 'content-encoding': sent.encoding } : {}),
        ...(compression === 'none' ? {} : { vary: 'Accept-Encoding' }),
      });
      res.end(req.method === 'HEAD' ? undefined : sent.body);
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
function forward(req, res, proxy) {
  if (!proxy.tap) {
    pass(req, res, proxy, req);
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const mode = proxy.tap({ method: req.method, path: req.url.slice(proxy.prefix.length) || '/', body }) ?? 'pass';
    if (mode === 'refuse') {
      req.socket.destroy();
      return;
    }
    if (mode === 'bad-gateway') {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    if (mode === 'lose-answer') {
      // Headers and half the body, then the line drops (a browser does not ask again once
      // an answer has begun).
      const upstream = request(req, proxy, (answer) => {
        const got = [];
        answer.on('data', (c) => got.push(c));
        answer.on('end', () => {
          const whole = Buffer.concat(got);
          const { 'transfer-encoding': _, ...headers } = answer.headers;
          res.writeHead(answer.statusCode, { ...headers, 'content-length': whole.length });
          res.write(whole.subarray(0, whole.length >> 1), () => req.socket.destroy());
        });
      });
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
      return;
    }
    pass(req, res, proxy, body);
  });
}

function request(req, { prefix, target }, answered) {
  const base = new URL(target);
  return http.request({
    host: base.hostname,
    port: base.port,
    method: req.method,
    path: req.url.slice(prefix.length) || '/',
    headers: { ...req.headers, host: base.host },
  }, answered);
}

/** Forwards `req` (its body: the stream itself, or the bytes already read) and its answer. */
function pass(req, res, proxy, body) {
  const upstream = request(req, proxy, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('bad gateway');
  });
  req.on('aborted', () => upstream.destroy());
  res.on('close', () => upstream.destroy());
  if (Buffer.isBuffer(body)) upstream.end(body);
  else req.pipe(upstream);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = process.argv[2] ?? path.join(here, '..', '..', 'dist');
  const compression = process.argv[4] ?? 'none';
  const srv = await serveStatic(dir, Number(process.argv[3] ?? 8080), '127.0.0.1', { compression });
  console.log(`serving ${dir} at ${srv.url}/ (compression: ${compression})`);
}
