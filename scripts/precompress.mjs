// Precompressed copies of a build: beside every text or wasm file of dir, `<file>.br` (brotli,
// quality 11) and `<file>.gz` (gzip -9), each kept only when smaller than the file. A host that
// serves them (nginx gzip_static / brotli_static, Caddy `precompressed`, see README, Hosting)
// sends the smallest encoding the browser accepts without compressing per request, and at a
// level no per-request compression affords (brotli 11 is ~20% smaller than gzip -6 on the wasm).
// Run by scripts/post-build.mjs on a release build; alone: `node scripts/precompress.mjs dist`.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

// Images here are PNGs (already compressed); `_headers` is read by the host, not served.
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|webmanifest|json|txt)$/;

async function filesUnder(dir) {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(file)));
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) out.push(file);
  }
  return out;
}

/** Writes the .br and .gz of every compressible file under dir; returns their byte counts. */
export async function precompress(dir) {
  const totals = { raw: 0, br: 0, gz: 0, files: 0 };
  for (const file of await filesUnder(dir)) {
    const data = await fs.readFile(file);
    const [br, gz] = await Promise.all([
      brotli(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          ...(file.endsWith('.wasm') ? {} : { [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT }),
        },
      }),
      gzip(data, { level: 9 }),
    ]);
    totals.files += 1;
    totals.raw += data.length;
    // A stale copy of an earlier build must never be served for this file.
    for (const [ext, packed] of [['.br', br], ['.gz', gz]]) {
      if (packed.length < data.length) {
        await fs.writeFile(file + ext, packed);
        totals[ext.slice(1)] += packed.length;
      } else {
        await fs.rm(file + ext, { force: true });
        totals[ext.slice(1)] += data.length;
      }
    }
  }
  return totals;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/precompress.mjs <dir>');
    process.exit(2);
  }
  const t = await precompress(dir);
  console.log(`[precompress] ${t.files} files: ${t.raw} bytes, ${t.br} brotli, ${t.gz} gzip`);
}
