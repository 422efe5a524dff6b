#!/usr/bin/env node
// Live sync benchmark: office A holds a generated store (2,000 agreements, 20,000 events and
// what they name), switches sync on and sends everything to an empty server (its first sync);
// office B, empty, switches sync on and takes everything in (its first sync); then one edit's
// round trip, from Lưu in A to the change painted in B. The release build in headless
// Chromium, pouchdb-server 4.2.0 in memory behind the app's origin at /couch (as
// tests/e2e/sync.test.mjs runs it). A benchmark, not a test: it prints medians and fails on no
// number. Results and how to read them: docs/benchmarks.md.
//
//   node scripts/bench-sync.mjs                     build dist/, 3 runs
//   node scripts/bench-sync.mjs --runs 1 --no-build --profile /tmp/sync-prof
//
// --events N / --agreements N size the store (default 20000 / 2000); --round-trips N edits per
// run (default 5); --profile DIR writes A's and B's first sync as .cpuprofile files there and
// prints the functions that took the most time.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../tests/e2e/server.mjs';
import { startCouch } from '../tests/e2e/couch.mjs';
import { startEmpty } from '../tests/e2e/flows.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const DB = 'phoihop_bench';
const PASSWORD = 'mật khẩu';
const SYNC_TIMEOUT = 30 * 60_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function parseArgs(argv) {
  const args = { runs: 3, build: true, events: 20_000, agreements: 2_000, roundTrips: 5, profile: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') args.runs = Number(value());
    else if (a === '--no-build') args.build = false;
    else if (a === '--events') args.events = Number(value());
    else if (a === '--agreements') args.agreements = Number(value());
    else if (a === '--round-trips') args.roundTrips = Number(value());
    else if (a === '--profile') args.profile = path.resolve(value());
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status})`);
}

/** The generated store as localStorage entries (examples/large_store.rs), cached in target/. */
function generatedStore(events, agreements) {
  const file = process.env.BENCH_STORE ?? path.join(root, 'target', 'bench', `store-${events}-${agreements}.json`);
  if (!existsSync(file)) {
    console.log(`[bench] generating a store of ${events} events and ${agreements} agreements`);
    const r = spawnSync('cargo', ['run', '--release', '--quiet', '--example', 'large_store', '--', String(events), String(agreements)], {
      cwd: root, maxBuffer: 256 << 20, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) throw new Error('large_store failed');
    spawnSync('mkdir', ['-p', path.dirname(file)]);
    return fs.writeFile(file, r.stdout).then(() => r.stdout);
  }
  return fs.readFile(file, 'utf8');
}

async function switchSyncOn(page, url, user) {
  await page.goto(`${url}#/settings`);
  const section = page.locator('#sync');
  await section.getByLabel('Địa chỉ máy chủ').fill(`${url}couch`);
  await section.getByLabel('Cơ sở dữ liệu').fill(DB);
  await section.getByLabel('Tên đăng nhập').fill(user);
  await section.getByLabel('Mật khẩu').fill(PASSWORD);
  await section.getByRole('button', { name: 'Bật đồng bộ' }).click();
}

/** Milliseconds from switching sync on to the header's "Đã đồng bộ lúc". */
async function firstSync(page, url, user, profile) {
  const cdp = profile && await page.context().newCDPSession(page);
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  const started = Date.now();
  await switchSyncOn(page, url, user);
  await page.locator('#sync-status').getByText(/^Đã đồng bộ lúc \d\d:\d\d$/).waitFor({ timeout: SYNC_TIMEOUT });
  const took = Date.now() - started;
  if (cdp) {
    const { profile: taken } = await cdp.send('Profiler.stop');
    await fs.mkdir(profile.dir, { recursive: true });
    await fs.writeFile(path.join(profile.dir, `${profile.name}.cpuprofile`), JSON.stringify(taken));
    console.log(`[bench] ${profile.name}: most self time`);
    for (const [name, ms] of selfTimes(taken).slice(0, 15)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
  return took;
}

/** Self time per function of a CPU profile, most first. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) : ''}`.trim();
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((x, y) => y[1] - x[1]);
}

/** What the sharing page says this office holds ("2 cơ quan, 0 cá nhân, …"). */
async function holdings(page, url) {
  await page.goto(`${url}#/sharing`);
  return (await page.getByText(/^Dữ liệu ở đây:/).innerText()).trim();
}

/** Milliseconds from the click on Lưu in A to B painting the organisation's new name. */
async function roundTrip(a, b, url, id, name) {
  await a.goto(`${url}#/organisations/${id}`);
  await a.getByLabel('Tên đầy đủ').fill(name);
  await b.goto(`${url}#/organisations/${id}`);
  await b.getByRole('heading', { level: 1 }).waitFor();
  // B's page shows the record; the time is taken at the first frame after the name appears.
  await b.evaluate((expected) => {
    window.benchPainted = new Promise((resolve) => {
      const seen = () => document.body.innerText.includes(expected);
      const observer = new MutationObserver(() => {
        if (!seen()) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, name);
  await a.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Lưu');
    button.addEventListener('click', () => { window.benchSaved = performance.timeOrigin + performance.now(); }, { capture: true, once: true });
  });
  await a.getByRole('button', { name: 'Lưu', exact: true }).click();
  const painted = await b.evaluate(() => window.benchPainted);
  const saved = await a.evaluate(() => window.benchSaved);
  return painted - saved;
}

async function oneRun(browser, dist, store, args, runNo) {
  const couch = await startCouch();
  let app;
  const contexts = [];
  try {
    await couch.user('office_a', PASSWORD);
    await couch.user('office_b', PASSWORD);
    await couch.database(DB, ['office_a', 'office_b']);
    app = await serveStatic(dist, 0, '127.0.0.1', { proxy: { prefix: '/couch', target: couch.url } });
    const url = `${app.url}/`;
    const open = async () => {
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 800 } });
      contexts.push(context);
      return context.newPage();
    };
    const profile = (name) => args.profile && { dir: args.profile, name: `${name}-run${runNo}` };

    const a = await open();
    await a.goto(url);
    await a.evaluate((json) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(JSON.parse(json))) localStorage.setItem(k, v);
    }, store);
    await a.reload();
    await a.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor({ timeout: 120_000 });
    const held = await holdings(a, url);
    const sendAll = await firstSync(a, url, 'office_a', profile('a-first-sync'));
    const docs = (await couch.admin('GET', `/${DB}`)).doc_count;

    const b = await open();
    await startEmpty(b, url, 'Văn phòng B');
    const takeAll = await firstSync(b, url, 'office_b', profile('b-first-sync'));
    const heldByB = await holdings(b, url);
    if (heldByB !== held) throw new Error(`B holds "${heldByB}", A "${held}"`);

    await a.goto(`${url}#/organisations`);
    const hrefs = await a.locator('main a[href*="#/organisations/"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    const id = hrefs.map((h) => h.match(/#\/organisations\/([0-9a-f-]{36})$/)?.[1]).find(Boolean);
    const trips = [];
    for (let i = 0; i < args.roundTrips; i++) trips.push(await roundTrip(a, b, url, id, `Cơ quan đổi tên lần ${runNo}.${i + 1}`));
    console.log(`[bench] run ${runNo}: ${held} → ${docs} documents; A sends all ${(sendAll / 1000).toFixed(1)} s, B takes all ${(takeAll / 1000).toFixed(1)} s, round trips ${trips.map((t) => t.toFixed(0)).join(', ')} ms`);
    return { sendAll, takeAll, roundTrip: median(trips), docs };
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
    await app?.close();
    await couch.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) run('bash', ['scripts/build.sh']);
  const dist = path.resolve(process.env.BENCH_DIST ?? path.join(root, 'dist'));
  const store = await generatedStore(args.events, args.agreements);
  const require = createRequire(path.join(root, 'tools', 'node_modules', 'noop.js'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const results = [];
  try {
    for (let i = 1; i <= args.runs; i++) results.push(await oneRun(browser, dist, store, args, i));
  } finally {
    await browser.close();
  }
  const col = (k) => results.map((r) => r[k]);
  const fmt = (xs, unit) => {
    const f = (x) => (unit === 's' ? (x / 1000).toFixed(1) : x.toFixed(0));
    return `${f(median(xs))} ${unit} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
  };
  console.log(`\n| median (range) of ${results.length} runs, ${results[0].docs} documents | |`);
  console.log('|---|---|');
  console.log(`| A's first sync: everything sent to an empty server | ${fmt(col('sendAll'), 's')} |`);
  console.log(`| B's first sync: everything taken in from the server | ${fmt(col('takeAll'), 's')} |`);
  console.log(`| one edit's round trip, Lưu in A → painted in B (median of ${args.roundTrips} per run) | ${fmt(col('roundTrip'), 'ms')} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
