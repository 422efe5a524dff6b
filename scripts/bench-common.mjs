// What the browser benchmarks (bench-load.mjs, bench-data.mjs) share: Chromium, medians, and
// waiting until the service worker has every file in its cache.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-dev-shm-usage';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

export const range = (xs, f) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? f(lo) : `${f(lo)}–${f(hi)}`;
};

/** "median (lo–hi)" of the numbers among `xs`, or — when there are none. */
export const summary = (xs, f) => {
  const ns = xs.filter((v) => typeof v === 'number' && !Number.isNaN(v));
  return ns.length ? `${f(median(ns))} (${range(ns, f)})` : '—';
};

export function playwright() {
  const require = createRequire(path.join(root, 'tools', 'node_modules', 'noop.js'));
  return require('playwright-core');
}

/**
 * A browser profile kept in a folder, as a clerk's browser keeps one: its own Chromium. Not
 * `browser.newContext()`, an incognito profile, where each new tab also loaded Chromium's own
 * omnibox page in a renderer of its own, taking CPU from the app: a repeat visit there measured
 * 0.89 against 0.63 s here, in one run (docs/benchmarks.md, session 13). `close()` also removes
 * the folder.
 */
export async function launchProfile() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phoihop-bench-profile-'));
  const context = await playwright().chromium.launchPersistentContext(dir, {
    executablePath: CHROME,
    headless: true,
    args: CHROME_FLAGS.split(' ').slice(1),
  });
  const closeContext = context.close.bind(context);
  return Object.assign(context, {
    close: async () => {
      await closeContext();
      await fs.rm(dir, { recursive: true, force: true });
    },
  });
}

/**
 * Resolves once the service worker controls `page` and holds every file of its precache list
 * (read from sw.js itself): from then on the app opens with no network at all.
 */
export async function waitPrecached(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 120_000 });
  await page.waitForFunction(
    async () => {
      const sw = await (await fetch('sw.js', { cache: 'no-store' })).text();
      const list = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
      const keys = await caches.keys();
      if (keys.length !== 1) return false;
      const cache = await caches.open(keys[0]);
      const hits = await Promise.all(list.map((p) => cache.match(new URL(p, location.href).href)));
      return hits.every(Boolean);
    },
    null,
    { timeout: 120_000, polling: 500 },
  );
}

/**
 * Opens the dashboard (`#/`) in a new tab of `context` under a CPU slowdown of `rate` (1: none)
 * and times, from the navigation's start, the tiles in the DOM and the first paint after them.
 * Returns the open page and its CDP session with the timings.
 */
export async function openDashboard(context, url, rate, beforeOpen = async () => {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await beforeOpen(cdp);
  await page.addInitScript(() => {
    const seen = () => document.querySelector('main .tiles');
    new MutationObserver((_, observer) => {
      if (window.__dashboardAt === undefined && seen()) {
        window.__dashboardAt = performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__dashboardPaintedAt = performance.now(); }, 0));
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${url}#/`);
  await page.waitForFunction(() => window.__dashboardPaintedAt !== undefined, null, { timeout: 120_000 });
  const t = await page.evaluate(() => ({
    dom: window.__dashboardAt,
    painted: window.__dashboardPaintedAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    fromCache: performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm'))
      .every((e) => e.transferSize === 0),
    // The app's own marks of its load steps (src/ui/state/storage.rs), when it sets them.
    marks: Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration])),
    // When the app's code began (its first mark): what came before is the wasm's fetch and start.
    appStart: performance.getEntriesByType('mark')[0]?.startTime,
  }));
  return { page, cdp, t };
}

/** `openDashboard`, closed again: the timings only. */
export async function timeDashboardOpen(context, url, rate) {
  const { page, cdp, t } = await openDashboard(context, url, rate);
  await cdp.detach();
  await page.close();
  return t;
}
