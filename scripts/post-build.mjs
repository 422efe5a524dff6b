// Trunk post_build hook (Trunk.toml [[hooks]]): finishes the staged build before Trunk moves it
// to dist/. Runs for `trunk build` and `trunk serve` alike; needs only node.
//
//  1. The Content-Security-Policy. Trunk's loader is an inline module script; its sha256 goes
//     into the policy, which is written to `_headers` (Netlify / Cloudflare Pages format, and the
//     header to copy into any other server's config) and, in release builds, into index.html as
//     a <meta http-equiv> so a host that sends no header still enforces it. (`trunk serve` adds
//     its own inline reload script at serve time, so debug builds get no meta.)
//  2. The service worker: assets/sw.js with the list of every staged file (their hashed names)
//     and a version hash of their contents, written as sw.js.
//  3. Release builds: a .br and a .gz beside every text and wasm file (scripts/precompress.mjs),
//     for hosts that serve precompressed files (README, Hosting). Never precached: the worker
//     stores what the server sent, already decoded.
//
// Usage outside Trunk: `TRUNK_STAGING_DIR=dist node scripts/post-build.mjs --check` prints the
// policy of an existing build without changing it.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === 'release';
const checkOnly = process.argv.includes('--check');

// Written here, so never in the precache list.
const OWN_OUTPUTS = new Set(['sw.js', '_headers']);

const sha256 = (data) => crypto.createHash('sha256').update(data).digest();

/** The inline scripts of a page, as the browser hashes them (text between the tags). */
function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(m[1])) continue;
    out.push(m[2]);
  }
  return out;
}

/** The policy; `meta` leaves out what a <meta> element cannot carry. */
function contentSecurityPolicy(scriptHashes, { meta = false } = {}) {
  const directives = [
    "default-src 'self'",
    // wasm needs 'wasm-unsafe-eval' (WebAssembly.instantiate), not 'unsafe-eval'.
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  if (!meta) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // Trunk's own .stage, editors' dotfiles
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel + '/')));
    else if (entry.isFile() && !OWN_OUTPUTS.has(rel) && !/\.(br|gz)$/.test(rel)) out.push(rel);
  }
  return out.sort();
}

const indexPath = path.join(staging, 'index.html');
let html = await fs.readFile(indexPath, 'utf8');
// `trunk serve` injects its reload script with placeholders it fills per request: no stable hash.
const scripts = inlineScripts(html).filter((s) => !s.includes('{{__TRUNK'));
const hashes = scripts.map((s) => sha256(s).toString('base64'));
const header = contentSecurityPolicy(hashes);
if (checkOnly) {
  console.log(`Content-Security-Policy: ${header}`);
  process.exit(0);
}

// 1. CSP
const META_MARK = 'data-phoihop-csp';
html = html.replace(new RegExp(`\\s*<meta [^>]*${META_MARK}[^>]*>`, 'g'), '');
if (release) {
  const meta = `<meta http-equiv="Content-Security-Policy" ${META_MARK} content="${contentSecurityPolicy(hashes, { meta: true })}">`;
  // Before any script or stylesheet: a meta policy governs only what follows it.
  html = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n  ${meta}`);
  if (!html.includes(META_MARK)) throw new Error('post-build: no <meta charset="utf-8"> in index.html');
  await fs.writeFile(indexPath, html);
}
await fs.writeFile(
  path.join(staging, '_headers'),
  [
    '# Response headers for dist/ (Netlify / Cloudflare Pages format; written by scripts/post-build.mjs).',
    '# Other servers: send the same Content-Security-Policy with every response (see README, Hosting).',
    '/*',
    `  Content-Security-Policy: ${header}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '/sw.js',
    '  Cache-Control: no-cache',
    '',
  ].join('\n'),
);

// 2. Service worker
const files = await listFiles(staging);
if (!files.includes('index.html')) throw new Error('post-build: index.html is not staged');
const template = await fs.readFile(path.join(root, 'assets', 'sw.js'), 'utf8');
const digest = crypto.createHash('sha256').update(template);
for (const file of files) {
  digest.update(`\0${file}\0`);
  digest.update(await fs.readFile(path.join(staging, file)));
}
const version = digest.digest('hex').slice(0, 16);
const worker = template
  .replace("'__PHOIHOP_VERSION__'", () => JSON.stringify(version))
  .replace("['__PHOIHOP_PRECACHE__']", () => JSON.stringify(files, null, 2));
if (worker === template) throw new Error('post-build: assets/sw.js has lost its placeholders');
await fs.writeFile(path.join(staging, 'sw.js'), worker);

console.log(`[post-build] sw.js version ${version}: ${files.length} files precached`);
console.log(`[post-build] Content-Security-Policy: ${header}`);

// 3. Precompressed copies (last: of the files as they are served, sw.js and index.html included).
if (release) {
  const t = await precompress(staging);
  console.log(`[post-build] precompressed ${t.files} files: ${t.raw} bytes, ${t.br} as brotli, ${t.gz} as gzip`);
}
