#!/usr/bin/env node
// Load benchmark (issue 18): how fast the first visit opens on a slow line, measured by
// Lighthouse's mobile profile (simulated slow 4G, 4× CPU slowdown) on the release build served
// from a loopback port with compression, as a real host serves it, beside Actual Budget's web
// build on the same server in the same run; and how fast a repeat visit draws the dashboard
// from the service worker's cache under a 4× CPU slowdown. A benchmark, not a test: it prints
// medians and fails on no number. See docs/benchmarks.md for results and how to read them.
//
//   node scripts/bench-load.mjs                      build dist/, 5 runs of each site
//   node scripts/bench-load.mjs --runs 3 --no-build  measure the dist/ already built
//   node scripts/bench-load.mjs --site before=/tmp/dist-main:gzip --site after=dist \
//        --no-actual --json /tmp/load.json           compare builds kept aside, in turn
//
// Sites: `--site label=dir[:compression]`, compression one of gzip (per request, zlib's default
// level: what `gzip on` does), precompressed (the build's .br/.gz beside each file, else gzip
// per request; the default for a dir that has .br files), none. Without --site: dist/ and, unless
// --no-actual, Actual Budget's build (the npm package @actual-app/web, `build/`) served gzip.
// --no-repeat skips the repeat visits; --repeat-runs N (default 7) sets their number, the sites
// taking turns; --runs 0 times the repeat visits alone.
//
// Installs what it needs (idempotent, pinned): tools/bench/ (Lighthouse 12.2.3, @actual-app/web
// 26.9.0) with npm; the build tools through scripts/build.sh. Needs /usr/bin/chromium
// (scripts/install-tools.sh installs it), or CHROME_PATH.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../tests/e2e/server.mjs';
import { CHROME, CHROME_FLAGS, root, median, range, launchProfile, waitPrecached, timeDashboardOpen } from './bench-common.mjs';

const BENCH_TOOLS = path.join(root, 'tools', 'bench');

function parseArgs(argv) {
  const args = { runs: 5, build: true, actual: true, repeat: true, repeatRuns: 7, sites: [], json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') args.runs = Number(value());
    else if (a === '--repeat-runs') args.repeatRuns = Number(value());
    else if (a === '--no-build') args.build = false;
    else if (a === '--no-actual') args.actual = false;
    else if (a === '--no-repeat') args.repeat = false;
    else if (a === '--json') args.json = value();
    else if (a === '--site') args.sites.push(value());
    else if (a === '--help' || a === '-h') {
      console.log(
        (spawnSync('sed', ['-n', '2,24p', fileURLToPath(import.meta.url)]).stdout ?? '').toString(),
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status})`);
}

/** tools/bench/node_modules at the pinned versions (package.json there), installed once. */
function installBenchTools() {
  const stamp = path.join(BENCH_TOOLS, 'node_modules', '.installed');
  const manifest = path.join(BENCH_TOOLS, 'package.json');
  if (existsSync(stamp) && spawnSync('test', [manifest, '-ot', stamp]).status === 0) return;
  console.log('[bench] npm install (lighthouse, @actual-app/web) into tools/bench');
  // Actual's package runs no script we need; its static build is in build/.
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: BENCH_TOOLS });
  run('touch', [stamp]);
}

function hasPrecompressed(dir) {
  return readdirSync(dir).some((f) => f.endsWith('.wasm.br'));
}

/** `label=dir[:compression]` → a site to serve. */
function parseSite(spec) {
  const eq = spec.indexOf('=');
  if (eq < 1) throw new Error(`--site ${spec}: expected label=dir[:compression]`);
  const label = spec.slice(0, eq);
  let dir = spec.slice(eq + 1);
  let compression;
  const m = dir.match(/^(.*):(gzip|precompressed|none)$/);
  if (m) [, dir, compression] = m;
  dir = path.resolve(root, dir);
  compression ??= hasPrecompressed(dir) ? 'precompressed' : 'gzip';
  return { label, dir, compression, phoihop: existsSync(path.join(dir, 'sw.js')) && !label.startsWith('actual') };
}


/** One Lighthouse run (a fresh Chromium profile each time: a first visit). */
async function lighthouse(url) {
  const out = path.join(os.tmpdir(), `phoihop-lh-${process.pid}-${Date.now()}.json`);
  const cli = path.join(BENCH_TOOLS, 'node_modules', 'lighthouse', 'cli', 'index.js');
  await new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        cli,
        url,
        '--quiet',
        '--only-categories=performance',
        '--output=json',
        `--output-path=${out}`,
        `--chrome-flags=${CHROME_FLAGS}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: CHROME } },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited ${code}`))));
  });
  const report = JSON.parse(await fs.readFile(out, 'utf8'));
  await fs.rm(out, { force: true });
  const audit = (id) => report.audits[id]?.numericValue;
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  return {
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tti: audit('interactive'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si: audit('speed-index'),
    score: report.categories.performance.score,
    bytes: audit('total-byte-weight'),
    requests: report.audits['network-requests']?.details?.items?.length,
    lcpElement: firstNode(report.audits['largest-contentful-paint-element']?.details)?.snippet,
  };
}

/** The first `node` in an audit's details (their nesting differs between audits and versions). */
function firstNode(details) {
  if (Array.isArray(details)) {
    for (const item of details) {
      const node = firstNode(item);
      if (node) return node;
    }
  } else if (details && typeof details === 'object') {
    if (details.node) return details.node;
    for (const value of Object.values(details)) {
      const node = firstNode(value);
      if (node) return node;
    }
  }
  return null;
}

/**
 * Repeat visits: for each site one visit sets the office up (sample data) and lets the service
 * worker cache everything, in a browser profile of its own kept in a folder as a clerk's is (not
 * incognito: `launchProfile`); then the sites' runs take turns (a slow
 * spell of the machine then falls on every site alike, not on one site's runs), each opening the
 * dashboard in a new tab of its site's profile under a 4× CPU slowdown, with no network at all
 * (every file from the worker's cache), timed from the navigation's start to the dashboard's
 * tiles in the DOM, and to its first paint after them.
 */
async function repeatVisits(sites, runs) {
  const { startWithSample } = await import('../tests/e2e/flows.mjs');
  const results = Object.fromEntries(sites.map((site) => [site.label, []]));
  const contexts = [];
  try {
    for (const site of sites) {
      const context = await launchProfile();
      contexts.push(context);
      const setup = await context.newPage();
      await startWithSample(setup, site.url);
      await waitPrecached(setup);
      await setup.close();
      await context.setOffline(true);
    }
    for (let i = 0; i < runs; i++) {
      for (const [k, site] of sites.entries()) {
        results[site.label].push(await timeDashboardOpen(contexts[k], site.url, 4));
      }
    }
  } finally {
    for (const context of contexts) await context.close();
  }
  return results;
}

const fmtS = (ms) => (ms / 1000).toFixed(2) + ' s';

function table(sites, results) {
  const rows = [
    ['Largest Contentful Paint', (r) => r.lcp, fmtS],
    ['Time to Interactive', (r) => r.tti, fmtS],
    ['First Contentful Paint', (r) => r.fcp, fmtS],
    ['Total Blocking Time', (r) => r.tbt, (v) => `${Math.round(v)} ms`],
    ['Cumulative Layout Shift', (r) => r.cls, (v) => v.toFixed(3)],
    ['performance score', (r) => r.score, (v) => v.toFixed(2)],
    ['bytes transferred', (r) => r.bytes, (v) => `${Math.round(v / 1024).toLocaleString('en')} KiB`],
    ['requests', (r) => r.requests, (v) => String(v)],
  ];
  const head = `| median (range) of ${results[sites[0].label].length} runs | ${sites.map((s) => `${s.label} (${s.compression})`).join(' | ')} |`;
  const lines = [head, `|---|${sites.map(() => '---').join('|')}|`];
  for (const [name, get, f] of rows) {
    const cells = sites.map((s) => {
      const xs = results[s.label].map(get).filter((v) => typeof v === 'number');
      return xs.length ? `${f(median(xs))} (${range(xs, f)})` : '—';
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  installBenchTools();
  if (args.build) run('bash', [path.join(root, 'scripts', 'build.sh')], { cwd: root });

  const specs = args.sites.length ? [...args.sites] : ['phoihop=dist'];
  if (args.actual) {
    specs.push(`actual=${path.join(BENCH_TOOLS, 'node_modules', '@actual-app', 'web', 'build')}:gzip`);
  }
  const sites = specs.map(parseSite);
  // Each site from a private copy: a build finishing meanwhile cannot swap files mid-run.
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'phoihop-bench-'));
  const servers = [];
  try {
    for (const site of sites) {
      const copy = path.join(work, site.label);
      await fs.cp(site.dir, copy, { recursive: true });
      const server = await serveStatic(copy, 0, '127.0.0.1', { compression: site.compression });
      servers.push(server);
      site.url = `${server.url}/`;
    }
    const results = Object.fromEntries(sites.map((s) => [s.label, []]));
    // In turn, so that whatever else the machine does falls on every site alike.
    for (let i = 0; i < args.runs; i++) {
      for (const site of sites) {
        const r = await lighthouse(site.url);
        results[site.label].push(r);
        console.log(
          `[bench] run ${i + 1}/${args.runs} ${site.label}: LCP ${fmtS(r.lcp)}, TTI ${fmtS(r.tti)}, ` +
            `score ${r.score}, ${Math.round(r.bytes / 1024)} KiB, CLS ${r.cls.toFixed(3)}`,
        );
      }
    }
    let repeat = {};
    if (args.repeat) {
      repeat = await repeatVisits(sites.filter((s) => s.phoihop), args.repeatRuns);
      for (const [label, rs] of Object.entries(repeat)) {
        console.log(`[bench] repeat visits ${label}: ${rs.map((r) => fmtS(r.painted)).join(', ')}`);
      }
    }

    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    console.log(`\nFirst visit, Lighthouse 12.2.3 mobile (simulated slow 4G, 4× CPU), ${when} UTC, ${os.cpus().length} cores\n`);
    console.log(table(sites, results));
    for (const site of sites) {
      const el = results[site.label].map((r) => r.lcpElement).find(Boolean);
      if (el) console.log(`\nLCP element (${site.label}): ${el}`);
    }
    if (Object.keys(repeat).length) {
      console.log(`\nRepeat visit, dashboard from the service worker's cache, 4× CPU slowdown, offline`);
      console.log(`| median (range) of ${args.repeatRuns} runs | ${Object.keys(repeat).join(' | ')} |`);
      console.log(`|---|${Object.keys(repeat).map(() => '---').join('|')}|`);
      const rows = [
        ['first paint (FCP)', 'fcp'],
        ["the app's first step (its first mark)", 'appStart'],
        ['dashboard in the DOM', 'dom'],
        ['dashboard painted', 'painted'],
      ];
      for (const [name, key] of rows) {
        const cells = Object.values(repeat).map((rs) => {
          const xs = rs.map((r) => r[key]).filter((v) => typeof v === 'number');
          return xs.length ? `${fmtS(median(xs))} (${range(xs, fmtS)})` : '—';
        });
        console.log(`| ${name} | ${cells.join(' | ')} |`);
      }
      for (const [label, rs] of Object.entries(repeat)) {
        if (!rs.every((r) => r.fromCache)) console.log(`(warning: ${label}: some wasm came from the network)`);
      }
    }
    if (args.json) {
      await fs.writeFile(args.json, JSON.stringify({ when, sites, results, repeat }, null, 2));
      console.log(`\n[bench] raw results in ${args.json}`);
    }
  } finally {
    for (const s of servers) await s.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

await main();
