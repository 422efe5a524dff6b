// End-to-end harness: serves dist/ on a free port, drives headless Chromium through
// playwright-core (from tools/node_modules, no package.json here), gives every test a fresh
// browser context (so a fresh, empty localStorage), fails a test on any console error or
// uncaught exception, and saves a screenshot to tests/e2e/artifacts/ when a test fails.
//
//   import { e2e } from './harness.mjs';
//   e2e('opens', async ({ page, url }) => { await page.goto(url); ... });
//
// Environment: E2E_DIST (default dist/), E2E_BASE_URL (test a running server instead, e.g.
// `trunk serve`), CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT_MS (per test, default 60000).
import { test, after } from 'node:test';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'tools', 'node_modules', 'noop.js'));
const { chromium } = require('playwright-core');

export const ARTIFACTS = path.join(here, 'artifacts');
const DIST = path.resolve(process.env.E2E_DIST ?? path.join(root, 'dist'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 60_000);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// A private copy of dist/ for this test file, so a build finishing meanwhile cannot swap files
// mid-test. Tests that play the host themselves (serveStatic with headers, a changed sw.js)
// serve it too.
let snapshot;
export async function distSnapshot() {
  snapshot ??= (async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phoihop-dist-'));
    await fs.cp(DIST, dir, { recursive: true });
    return dir;
  })();
  return snapshot;
}

// One server and one browser per test file (node --test runs each file in its own process);
// playwright gives the browser a fresh temporary --user-data-dir, and each test its own context.
let shared;
async function sharedSetup() {
  shared ??= (async () => {
    const server = process.env.E2E_BASE_URL ? null : await serveStatic(await distSnapshot());
    const url = (process.env.E2E_BASE_URL ?? server.url).replace(/\/$/, '') + '/';
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    return { server, browser, url };
  })();
  return shared;
}

after(async () => {
  if (shared) {
    const { server, browser } = await shared;
    await browser.close();
    await server?.close();
  }
  if (snapshot) await fs.rm(await snapshot, { recursive: true, force: true });
});

function slug(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '').toLowerCase().slice(0, 80) || 'test';
}

/**
 * Registers one end-to-end test. `fn` receives { page, context, browser, url, errors }.
 * `errors` lists console errors and uncaught exceptions so far; the test fails if any remain
 * at its end. A test that expects one can empty the array (errors.length = 0).
 */
export function e2e(name, fn, { timeout = TIMEOUT } = {}) {
  return test(name, { timeout }, async () => {
    const { browser, url } = await sharedSetup();
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    const errors = [];
    // Every page of the context, including those a test opens itself (context.newPage()).
    context.on('page', (p) => {
      p.on('console', (msg) => {
        if (msg.type() === 'error') {
          const loc = msg.location();
          errors.push(`console.error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
        }
      });
      p.on('pageerror', (err) => errors.push(`uncaught: ${err.stack ?? err}`));
      p.on('crash', () => errors.push('page crashed'));
    });
    const page = await context.newPage();
    let failure;
    try {
      await fn({ page, context, browser, url, errors });
      // Let late errors surface before judging: one more frame and task of every open page
      // (a closed page has nothing left to report).
      for (const p of context.pages()) {
        await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
          .catch(() => {});
      }
      if (errors.length) {
        throw new Error(`page reported ${errors.length} error(s):\n  ${errors.join('\n  ')}`);
      }
    } catch (e) {
      failure = e;
      await fs.mkdir(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `${slug(name)}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
        e.message += `\nscreenshot: ${path.relative(root, file)}`;
      } catch (shotError) {
        e.message += `\n(no screenshot: ${shotError.message})`;
      }
      if (errors.length && !e.message.includes('page reported')) {
        e.message += `\npage errors:\n  ${errors.join('\n  ')}`;
      }
    } finally {
      await context.close().catch(() => {});
    }
    if (failure) throw failure;
  });
}
