// Offline: after one visit the page works with no network at all (service worker, sw.js from
// scripts/post-build.mjs), it can be installed, and a new deploy is offered with a banner but
// never loaded by itself. Each test serves dist/ itself, so it can pull the cable (close the
// server) or deploy a new sw.js.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2e, ARTIFACTS, distSnapshot } from './harness.mjs';
import { startWithSample, searchAgreements } from './flows.mjs';
import { serveStatic } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TITLE_2018 = /giai đoạn 2018 - 2022$/;
const { chromium } = createRequire(path.join(here, '..', '..', 'tools', 'node_modules', 'noop.js'))('playwright-core');

/** Until the service worker controls the page: by then every file is precached. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

/** The id of the 2018–2022 regulation, from its page's address. */
async function agreement2018Id(page) {
  await searchAgreements(page, 'quy che 2018');
  await page.locator('table.register tbody tr').first().getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: TITLE_2018 }).waitFor();
  const id = page.url().match(/#\/agreements\/([0-9a-f-]{36})$/)?.[1];
  assert.ok(id, page.url());
  await page.goBack();
  await page.getByText('23 văn bản').waitFor();
  return id;
}

e2e('after one visit the app works with no network: reload, deep links, a new record', async ({ page, context }) => {
  const server = await serveStatic(await distSnapshot());
  const url = `${server.url}/`;
  let serverOpen = true;
  try {
    await startWithSample(page, url);
    await waitForServiceWorker(page);
    const id = await agreement2018Id(page);

    // Pull the cable: the browser is offline and the server is gone too.
    await context.setOffline(true);
    await server.close();
    serverOpen = false;

    await page.reload();
    await page.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
    await page.getByText('23 văn bản').waitFor();

    // Deep links, each a fresh load in a new tab.
    const tab = await context.newPage();
    await tab.goto(`${url}#/agreements/${id}`);
    await tab.getByRole('heading', { level: 1, name: TITLE_2018 }).waitFor();
    await tab.goto(`${url}index.html#/settings`);
    await tab.getByRole('heading', { level: 1, name: 'Cài đặt' }).waitFor();
    await tab.goto(`${url}?from=bookmark#/organisations`);
    await tab.getByRole('heading', { level: 1, name: /Cơ quan/ }).waitFor();
    // A path that is no page of the app leads to the app, fragment kept.
    await tab.goto(`${url}agreements/old-link#/settings`);
    await tab.getByRole('heading', { level: 1, name: 'Cài đặt' }).waitFor();
    assert.equal(tab.url(), `${url}#/settings`);
    await tab.close();

    // A new record, offline, survives a reload.
    const name = 'Sở Thông tin và Truyền thông tỉnh Trà Vinh (thêm khi mất mạng)';
    await page.goto(`${url}#/organisations/new`);
    await page.getByLabel('Tên đầy đủ').fill(name);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goto(`${url}#/organisations`);
    await page.getByRole('link', { name }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'offline-organisations.png') });
  } finally {
    if (serverOpen) await server.close();
  }
});

e2e('a new deploy shows the update banner and never reloads the page by itself', async ({ page }) => {
  let deployed = null; // the version of sw.js the "server" hands out after the deploy
  const server = await serveStatic(await distSnapshot(), 0, '127.0.0.1', {
    rewrite: (pathname, body) => {
      if (pathname !== '/sw.js' || !deployed) return undefined;
      const text = body.toString();
      const changed = text.replace(/^const VERSION = "[0-9a-f]+";$/m, `const VERSION = "${deployed}";`);
      assert.notEqual(changed, text, 'sw.js has a VERSION line to change');
      return changed;
    },
  });
  const url = `${server.url}/`;
  try {
    await startWithSample(page, url);
    await waitForServiceWorker(page);
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1, `one cache: ${before}`);

    // Unsaved input in the agreement form, and a mark that only this very document carries.
    await page.getByRole('link', { name: '+ Thêm văn bản' }).click();
    await page.getByLabel('Tên văn bản').fill('Quy chế đang soạn dở');
    await page.evaluate(() => { window.sameDocument = true; });

    // The deploy, found by the page's periodic check (here: at once).
    deployed = 'feedfacecafebeef';
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const bar = page.locator('.update-bar');
    await bar.getByText('Đã có phiên bản mới. Tải lại để dùng.').waitFor({ timeout: 30_000 });
    const reload = bar.getByRole('button', { name: 'Tải lại' });
    assert.equal(await reload.isDisabled(), true, 'no reload while the form holds unsaved input');
    await bar.getByText(/Có biểu mẫu chưa lưu/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'update-banner-unsaved.png') });
    // A reload would follow the new worker's taking over, which only the button asks for: it
    // still waits, installed, behind the running one.
    assert.equal(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state),
      'installed',
      'the new version waits',
    );
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page did not reload');
    assert.equal(await page.getByLabel('Tên văn bản').inputValue(), 'Quy chế đang soạn dở');

    // Leaving the form frees the button; still no reload until it is pressed.
    await page.getByRole('link', { name: 'Hủy', exact: true }).click();
    await page.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
    await page.waitForFunction(() => document.querySelector('.update-bar button')?.disabled === false);
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page did not reload');

    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await page.getByText('23 văn bản').waitFor();
    assert.equal(await page.evaluate(() => window.sameDocument), undefined, 'the page reloaded');
    assert.equal(await page.locator('.update-bar').count(), 0);
    // The new version controls the page; the old cache is gone.
    const after = await page.evaluate(() => caches.keys());
    assert.equal(after.length, 1, `one cache: ${after}`);
    assert.ok(after[0].endsWith(':feedfacecafebeef'), after[0]);
  } finally {
    await server.close();
  }
});

e2e('Chromium offers to install the app: manifest, icons, service worker', async () => {
  // The harness's contexts are incognito ones, where Chromium installs nothing: this test runs
  // its own browser with a profile on disk, as a user's is.
  const server = await serveStatic(await distSnapshot());
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'phoihop-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(`${server.url}/`);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${server.url}/manifest.webmanifest`);
    assert.deepEqual(manifest.errors, [], 'manifest errors');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'installability errors');
    assert.deepEqual(errors, [], 'page errors');
  } finally {
    await context.close();
    await server.close();
    await fs.rm(profile, { recursive: true, force: true });
  }
});
