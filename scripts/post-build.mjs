// Trunk post_build hook (Trunk.toml [[hooks]]): finishes the staged build before Trunk moves it
// to dist/. Runs for `trunk build` and `trunk serve` alike; needs node, and for the split the
// tools scripts/install-tools.sh installs (wasm-split-cli, wasm-bindgen, wasm-opt).
//
//  0. The split (src/ui/lazy.rs). Trunk builds with the `split` feature, so the wasm cargo linked
//     (target/wasm32-unknown-unknown/<profile>/phoihop.wasm, with its relocations) has split
//     points. wasm-split-cli (wasm_split_cli_support, the splitter cargo-leptos runs) cuts it into
//     the first wasm and one file per lazily loaded part (plus files of code that parts share)
//     and writes their loader; wasm-bindgen then makes the first wasm's JS glue, wasm-opt
//     shrinks every file (release: Trunk's own wasm-opt is off, index.html's data-wasm-opt="0"),
//     and they replace the single wasm and glue Trunk staged. Every name carries a hash of all
//     of them, so a host's cache can never mix two builds.
//     The words of index.html's first-run card (`data-tr="key"`) are filled in from locales/vi,
//     and its stylesheets joined into one file (`oneStylesheet`).
//  1. The Content-Security-Policy. Trunk's loader and index.html's choice of placeholder are
//     inline scripts; their sha256 goes into the policy, which is written to `_headers`
//     (Netlify / Cloudflare Pages format, and the header to copy into any other server's
//     config) and, in release builds, into index.html as
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
//
// PHOIHOP_CONNECT_ORIGINS="https://couch.example.gov.vn:6984 …" adds other origins the page may
// connect to (a CouchDB server not proxied under the app's own origin, docs/sync.md): each must
// be an http(s) origin alone, no path, query or login; anything else stops the build.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
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
const connectOrigins = parseOrigins(process.env.PHOIHOP_CONNECT_ORIGINS ?? '');

/** The origins of PHOIHOP_CONNECT_ORIGINS (space or comma separated), or the build stops. */
function parseOrigins(text) {
  const origins = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    let url;
    try {
      url = new URL(item);
    } catch {
      fail(`"${item}" is not an address`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`"${item}" is not http or https`);
    if (url.username || url.password) fail(`"${item}" carries a login; the page logs in itself`);
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
      fail(`"${item}" has a path; give the origin alone (${url.origin})`);
    }
    origins.push(url.origin);
  }
  return origins;
  function fail(why) {
    console.error(`post-build: PHOIHOP_CONNECT_ORIGINS: ${why}. Example: PHOIHOP_CONNECT_ORIGINS="https://couch.example.gov.vn:6984"`);
    process.exit(2);
  }
}

// Written here, so never in the precache list.
const OWN_OUTPUTS = new Set(['sw.js', '_headers']);

const sha256 = (data) => crypto.createHash('sha256').update(data).digest();

// wasm-opt's level for every wasm of a release build (Trunk's is off: it would only shrink the
// unsplit wasm this step replaces). "z": the app is mostly views, built for size.
const WASM_OPT_LEVEL = '-Oz';
// PHOIHOP_WASM_NAMES=1 keeps the functions' names (wasm-opt -g) so that a CPU profile of the
// release build names them (docs/benchmarks.md); the files are then larger: never to ship.
const WASM_OPT_ARGS = process.env.PHOIHOP_WASM_NAMES === '1' ? [WASM_OPT_LEVEL, '-g'] : [WASM_OPT_LEVEL];
// What the linked wasm imports its parts' loaders from, until the splitter links them.
const SPLIT_MARK = '__wasm_split_placeholder__';

function tool(name, args) {
  try {
    return execFileSync(name, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } catch (e) {
    const why = e.code === 'ENOENT' ? 'not found on PATH (run scripts/install-tools.sh)' : e.stderr?.toString();
    throw new Error(`post-build: ${name} ${args.join(' ')}: ${why}`);
  }
}

/** Where cargo put the wasm it linked for this build. */
function linkedWasm() {
  const targetDir =
    process.env.CARGO_TARGET_DIR ??
    JSON.parse(tool('cargo', ['metadata', '--no-deps', '--format-version', '1']).toString()).target_directory;
  return path.resolve(root, targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'phoihop.wasm');
}

/**
 * Step 0: replaces Trunk's staged wasm and glue (`./<stem>.js`, `./<stem>_bg.wasm`, named in
 * index.html's loader) by the split build. Returns the new html.
 */
async function split(html) {
  const glue = html.match(/from '\.\/(phoihop-[0-9a-f]+)\.js'/)?.[1];
  if (!glue || !html.includes(`./${glue}_bg.wasm`)) throw new Error('post-build: no Trunk loader in index.html');
  const stagedWasm = path.join(staging, `${glue}_bg.wasm`);
  const linked = linkedWasm();
  const input = await fs.readFile(linked);
  if (!input.includes(SPLIT_MARK)) {
    // Built without split points (no `split` feature): one wasm, as Trunk made it.
    if (release) tool('wasm-opt', [...WASM_OPT_ARGS, stagedWasm, '-o', stagedWasm]);
    console.log(`[post-build] no split points in ${linked}: one wasm`);
    return html;
  }
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'phoihop-split-'));
  try {
    const parts = path.join(work, 'split');
    const bound = path.join(work, 'bindgen');
    tool('wasm-split-cli', [linked, parts, '--target', 'web', '--out-name', 'phoihop']);
    tool('wasm-bindgen', [
      '--target=web',
      '--no-typescript',
      // The parts import the first wasm's own exports (stack pointer, table, functions).
      '--keep-lld-exports',
      `--out-dir=${bound}`,
      '--out-name=phoihop',
      path.join(parts, 'phoihop.wasm'),
    ]);
    const chunks = (await fs.readdir(parts)).filter((f) => f.endsWith('.wasm') && f !== 'phoihop.wasm').sort();
    const wasmFiles = [path.join(bound, 'phoihop_bg.wasm'), ...chunks.map((f) => path.join(parts, f))];
    if (release) for (const file of wasmFiles) tool('wasm-opt', [...WASM_OPT_ARGS, file, '-o', file]);

    // One hash of everything that runs, in every name (this script too: it rewrites the loader).
    const digest = crypto.createHash('sha256').update(await fs.readFile(fileURLToPath(import.meta.url)));
    for (const file of [path.join(bound, 'phoihop.js'), path.join(parts, '__wasm_split.js'), ...wasmFiles]) {
      digest.update(`\0${path.basename(file)}\0`).update(await fs.readFile(file));
    }
    const stem = `phoihop-${digest.digest('hex').slice(0, 16)}`;
    const replaceAll = (text, pairs) => {
      for (const [from, to] of pairs) {
        if (!text.includes(from)) throw new Error(`post-build: ${from} not found where expected`);
        text = text.split(from).join(to);
      }
      return text;
    };
    const partName = (f) => `${stem}-${f}`;
    let js = await fs.readFile(path.join(bound, 'phoihop.js'), 'utf8');
    js = replaceAll(js, [
      // The module the glue imports, not the import object's key (the wasm's import name).
      ['from "./__wasm_split.js"', `from "./${stem}-split.js"`],
      ["'phoihop_bg.wasm'", `'${stem}_bg.wasm'`],
    ]);
    let loader = await fs.readFile(path.join(parts, '__wasm_split.js'), 'utf8');
    loader = replaceAll(loader, [
      ['"./phoihop.js"', `"./${stem}.js"`],
      ...chunks.map((f) => [`"./${f}"`, `"./${partName(f)}"`]),
    ]);

    ({ html, loader } = earlyParts(html, loader, chunks.length));

    await fs.rm(path.join(staging, `${glue}.js`));
    await fs.rm(stagedWasm);
    await fs.rm(path.join(staging, 'snippets'), { recursive: true, force: true });
    await fs.cp(path.join(bound, 'snippets'), path.join(staging, 'snippets'), { recursive: true }).catch((e) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await fs.writeFile(path.join(staging, `${stem}.js`), js);
    await fs.writeFile(path.join(staging, `${stem}-split.js`), loader);
    await fs.copyFile(path.join(bound, 'phoihop_bg.wasm'), path.join(staging, `${stem}_bg.wasm`));
    for (const f of chunks) await fs.copyFile(path.join(parts, f), path.join(staging, partName(f)));

    html = replaceAll(html, [
      [`./${glue}_bg.wasm`, `./${stem}_bg.wasm`],
      [`./${glue}.js`, `./${stem}.js`],
    ]);
    // The loader of the parts is imported by the glue: fetch it beside it.
    html = html.replace(
      /(<link rel="modulepreload" href="\.\/[^"]+\.js"[^>]*>)/,
      (m) => `${m}<link rel="modulepreload" href="./${stem}-split.js" crossorigin="anonymous" integrity="sha384-">`,
    );
    const sizes = await Promise.all(wasmFiles.map(async (f) => (await fs.stat(f)).size));
    console.log(
      `[post-build] split: ${stem}_bg.wasm ${sizes[0]} bytes, ${chunks.length} parts ` +
        `${sizes.slice(1).reduce((a, b) => a + b, 0)} bytes`,
    );
    return html;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** The app part's files compiled as the page opens when an office is stored: index.html's script
 *  gets their names (in place of its empty list) and starts `WebAssembly.compileStreaming` on
 *  each, and the loader takes the compiled module instead of fetching the file when the part is
 *  asked for. On a repeat visit at 4× CPU slowdown the app then starts 40–90 ms sooner: its file is
 *  fetched and compiled beside the first wasm, not after it (docs/benchmarks.md). A compile that
 *  failed (the line dropped) is not the part's failure: the loader fetches the file again. */
function earlyParts(html, loader, partCount) {
  const list = '[/* the app part\'s files */]';
  if (!html.includes(list)) throw new Error("post-build: index.html has no list of the app part's files");
  // Each part's loader, as wasm_split_cli_support writes it: its file, and the parts it needs first.
  const shape =
    /(?:export )?const (\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("(\.\/[^"]+)", import\.meta\.url\)\);\n\s*src\.catch\(\(\) => \{\}\);\n\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, \[([^\]]*)\]\)/g;
  const loads = new Map([...loader.matchAll(shape)].map(([, name, file, deps]) => [name, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) }]));
  if (loads.size !== partCount) throw new Error(`post-build: the parts' loader has ${loads.size} loads of the expected shape, for ${partCount} files`);
  const files = [];
  const need = (name) => {
    const load = loads.get(name);
    if (!load) throw new Error(`post-build: the parts' loader has no ${name}`);
    load.deps.forEach(need);
    if (!files.includes(load.file)) files.push(load.file);
  };
  need('__wasm_split_load_app');
  html = html.replace(list, JSON.stringify(files));
  for (const { file } of loads.values()) {
    const fetchIt = `fetch(new URL(${JSON.stringify(file)}, import.meta.url))`;
    loader = loader.replace(
      `const src = ${fetchIt};`,
      () => `const early = takeEarly(${JSON.stringify(file)});
    if (early) return async (imports) => early.then(
        (module) => WebAssembly.instantiate(module, imports).then((instance) => ({ module, instance })),
        () => WebAssembly.instantiateStreaming(${fetchIt}, imports));
    const src = ${fetchIt};`,
    );
  }
  loader += `
/** A file index.html's script compiled early (post-build.mjs, earlyParts), taken once: a load
 *  tried again fetches the file anew. */
function takeEarly(file) {
    const early = globalThis.phoihopEarly;
    const compiled = early && early[file];
    if (compiled) delete early[file];
    return compiled;
}
`;
  console.log(`[post-build] compiled early when an office is stored: ${files.join(', ')}`);
  return { html, loader };
}

/** index.html's stylesheets (style/*.css, one `<link data-trunk rel="css">` each, so each
 *  stays a file of its own theme) joined into one file, in their order: on a repeat visit at 4×
 *  CPU slowdown each file the page asks for costs its request and its load on the main thread,
 *  and eight files took ~75 ms more than one (docs/benchmarks.md). Its integrity is filled in
 *  by `refreshIntegrity`. */
async function oneStylesheet(html) {
  const links = [...html.matchAll(/[ \t]*<link rel="stylesheet" ([^>]*?)\s*\/?>\n?/g)];
  if (links.length < 2) return html;
  const names = links.map(([link, attributes]) => {
    // Only plain links can be joined: a media or other attribute would change what the rules mean.
    const m = /^href="\.\/([^"/]+\.css)"(?: integrity="[^"]*")?\s*$/.exec(attributes.trim());
    if (!m) throw new Error(`post-build: a stylesheet link that cannot be joined with the others: ${link.trim()}`);
    return m[1];
  });
  const texts = await Promise.all(names.map((name) => fs.readFile(path.join(staging, name), 'utf8')));
  texts.forEach((text, i) => {
    // Both must come first in a stylesheet: in the middle of the joined file they would be dropped.
    if (/@(import|charset)\b/.test(text)) throw new Error(`post-build: ${names[i]} has an @import or @charset`);
  });
  // Each part headed by its source (style/main.css), not its hashed name.
  const source = (name) => `style/${name.replace(/-[0-9a-f]{16}\.css$/, '.css')}`;
  const joined = texts.map((text, i) => `/* ${source(names[i])} */\n${text.trimEnd()}\n`).join('\n');
  const name = `style-${sha256(joined).toString('hex').slice(0, 16)}.css`;
  await fs.writeFile(path.join(staging, name), joined);
  await Promise.all(names.map((n) => fs.rm(path.join(staging, n))));
  links.forEach(([link], i) => {
    html = html.replace(link, i === 0 ? `  <link rel="stylesheet" href="./${name}" integrity=""/>\n` : '');
  });
  console.log(`[post-build] ${names.length} stylesheets joined into ${name} (${joined.length} bytes)`);
  return html;
}

/** Every `integrity` of a staged file, computed again (files replaced by the split). */
async function refreshIntegrity(html) {
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
  for (const link of links) {
    const href = link.match(/href="\.\/([^"]+)"/)?.[1];
    if (!href || !/integrity="/.test(link)) continue;
    const data = await fs.readFile(path.join(staging, href));
    const sri = `sha384-${crypto.createHash('sha384').update(data).digest('base64')}`;
    html = html.replace(link, link.replace(/integrity="[^"]*"/, `integrity="${sri}"`));
  }
  return html;
}

/** Every simple message of locales/vi (`key = text` on one line, no placeable): the words of
 *  index.html's first-run card, so they have one source with the app's. */
async function vietnameseWords() {
  const dir = path.join(root, 'locales', 'vi');
  const words = new Map();
  for (const name of (await fs.readdir(dir)).filter((n) => n.endsWith('.ftl')).sort()) {
    const lines = (await fs.readFile(path.join(dir, name), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      const m = /^([a-z][a-z0-9-]*)\s*=\s*(.*)$/.exec(line);
      const continued = i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]);
      if (m && m[2] !== '' && !m[2].includes('{') && !continued) words.set(m[1], m[2].trim());
    });
  }
  return words;
}

/** index.html's `data-tr="key"` (the element's text) and `data-tr-<attribute>="key"` filled in
 *  from `words`; a key that is not a simple message stops the build. */
function fillWords(html, words) {
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const word = (key) => {
    if (!words.has(key)) throw new Error(`post-build: index.html asks for "${key}", not a one-line message without placeables in locales/vi`);
    return escape(words.get(key));
  };
  html = html.replace(/ data-tr-([a-z]+)="([^"]+)"/g, (_, attribute, key) => ` ${attribute}="${word(key)}"`);
  html = html.replace(/<([a-z0-9]+)([^>]*) data-tr="([^"]+)"([^>]*)><\/\1>/g, (_, tag, before, key, after) => `<${tag}${before}${after}>${word(key)}</${tag}>`);
  if (/ data-tr(-[a-z]+)?=/.test(html)) throw new Error('post-build: a data-tr in index.html was not filled (only on an empty element)');
  return html;
}

/** On a first visit (index.html's script shows the first-run card and sets
 *  `phoihopFirstVisit`), the first wasm is fetched only after the card has painted: on a slow
 *  line its 700 KB would otherwise share the line with the page's CSS before the first paint.
 *  Trunk's preload of the wasm goes (it would start the download from the <head>); the loader
 *  waits for the card's paint on a first visit only (not in a hidden tab, which paints none),
 *  so an office's own visit starts at once. */
function firstVisitWasmAfterPaint(html) {
  const preload = /\s*<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/;
  if (!preload.test(html)) throw new Error("post-build: Trunk's preload of the wasm is not in index.html");
  html = html.replace(preload, '');
  const start = 'const wasm = await init(';
  if (!html.includes(start)) throw new Error("post-build: Trunk's loader has no `const wasm = await init(`");
  // Waits for the browser's own word that the card has painted: its largest-contentful-paint
  // entry (what Lighthouse takes for the LCP), else its first paint, reported once the frame is on
  // screen; a frame then a task where neither is reported. A frame alone was not enough: under
  // load the fetch started a millisecond before the paint showed, and Lighthouse then counts the
  // wasm's download in the LCP. The second's timer keeps a missing report from holding the app.
  const wait = `if (window.phoihopFirstVisit && document.visibilityState !== 'hidden') await new Promise((go) => {
  const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  const type = ['largest-contentful-paint', 'paint'].find((t) => types.includes(t));
  if (!type) return requestAnimationFrame(() => setTimeout(go, 0));
  new PerformanceObserver((_, observer) => { observer.disconnect(); go(); }).observe({ type, buffered: true });
  setTimeout(go, 1000);
});
`;
  return html.replace(start, () => wait + start);
}

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
    ["connect-src 'self'", ...connectOrigins].join(' '),
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
if (!checkOnly) {
  html = firstVisitWasmAfterPaint(await refreshIntegrity(await oneStylesheet(await split(fillWords(html, await vietnameseWords())))));
  await fs.writeFile(indexPath, html);
}
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
