// Live sync between offices through a CouchDB-compatible server (docs/sync.md): pouchdb-server
// started here (tests/e2e/couch.mjs) and served under the app's own origin at /couch (the
// proxy of tests/e2e/server.mjs), as docs/sync.md recommends, so the page's CSP
// (connect-src 'self') stays as it is. Two browser contexts are two offices.
import assert from 'node:assert/strict';
import path from 'node:path';
import { e2e, ARTIFACTS, distSnapshot } from './harness.mjs';
import { startEmpty, storageSnapshot } from './flows.mjs';
import { serveStatic } from './server.mjs';
import { startCouch } from './couch.mjs';

const PASSWORD = 'mật khẩu 1';
const DB = 'phoihop_travinh';

/** pouchdb-server and the app under one origin; `run(url, couch)`, both stopped after. */
async function withServer(run) {
  const couch = await startCouch();
  let app;
  try {
    await couch.user('vanphong_a', PASSWORD);
    await couch.user('vanphong_b', PASSWORD);
    await couch.database(DB, ['vanphong_a', 'vanphong_b']);
    app = await serveStatic(await distSnapshot(), 0, '127.0.0.1', { proxy: { prefix: '/couch', target: couch.url } });
    await run(`${app.url}/`, couch);
  } finally {
    await app?.close();
    await couch.close();
  }
}

/** The browser's own console line for an HTTP error status of a request to the sync server
 * (a 401 of a wrong password, the 404 of a first checkpoint): the network's log, not the app's. */
function dropServerStatusLines(errors) {
  const kept = errors.filter((e) => !(/Failed to load resource/.test(e) && /\/couch\//.test(e)));
  errors.length = 0;
  errors.push(...kept);
}

/** A second office: its own context (cookies, localStorage), errors collected like the first. */
async function secondOffice(browser, errors) {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  context.on('page', (p) => {
    p.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`B console.error: ${msg.text()} (${msg.location()?.url ?? ''})`);
    });
    p.on('pageerror', (err) => errors.push(`B uncaught: ${err.stack ?? err}`));
  });
  return { context, page: await context.newPage() };
}

async function fillSync(page, url, user, password) {
  await page.goto(`${url}#/settings`);
  const section = page.locator('#sync');
  await section.getByLabel('Địa chỉ máy chủ').fill(`${url}couch`);
  await section.getByLabel('Cơ sở dữ liệu').fill(DB);
  await section.getByLabel('Tên đăng nhập').fill(user);
  await section.getByLabel('Mật khẩu').fill(password);
  return section;
}

async function turnSyncOn(page, url, user) {
  const section = await fillSync(page, url, user, PASSWORD);
  await section.getByRole('button', { name: 'Bật đồng bộ' }).click();
  await section.getByText(/Kết nối được: đã đăng nhập.*Đã bật đồng bộ\./).waitFor();
  await synced(page);
}

const status = (page) => page.locator('#sync-status');
/** Until the header says everything is taken in and sent. */
const synced = (page) => status(page).getByText(/^Đã đồng bộ lúc \d\d:\d\d$/).waitFor({ timeout: 30_000 });

async function newOrganisation(page, url, name) {
  await page.goto(`${url}#/organisations/new`);
  await page.getByLabel('Tên đầy đủ').fill(name);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return page.url().match(/#\/organisations\/([0-9a-f-]{36})$/)[1];
}

async function editOrganisation(page, url, id, { name, notes }) {
  await page.goto(`${url}#/organisations/${id}`);
  if (name !== undefined) await page.getByLabel('Tên đầy đủ').fill(name);
  if (notes !== undefined) await page.getByLabel('Ghi chú', { exact: true }).fill(notes);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.locator('.toast').getByText(/Đã lưu/).waitFor();
}

/** The server's copy of a record (its winning revision). */
async function onServer(couch, id) {
  return couch.admin('GET', `/${DB}/${id}?conflicts=true`);
}

async function waitFor(what, check) {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never: ${what}`);
}

e2e('two offices sync through the server: edits, deletes, a concurrent edit as a conflict, an offline edit sent when back', async ({ page: a, browser, errors }) => {
  await withServer(async (url, couch) => {
    const office = await secondOffice(browser, errors);
    const b = office.page;
    try {
      await startEmpty(a, url, 'Văn phòng UBND tỉnh Trà Vinh');
      await startEmpty(b, url, 'Tỉnh Đoàn Trà Vinh');
      await turnSyncOn(a, url, 'vanphong_a');
      await turnSyncOn(b, url, 'vanphong_b');
      // The password is nowhere in storage.
      for (const p of [a, b]) {
        const stored = JSON.stringify(await storageSnapshot(p));
        assert.ok(!stored.includes(PASSWORD) && !stored.includes('mật khẩu'), 'the password is not stored');
        assert.match(stored, /phoihop\/sync\/config/);
      }

      // A creates a record: B sees it, without reloading.
      const name = 'Sở Tư pháp tỉnh Trà Vinh';
      const id = await newOrganisation(a, url, name);
      await b.goto(`${url}#/organisations`);
      await b.getByRole('link', { name, exact: true }).waitFor({ timeout: 30_000 });
      // A edits it: B's list follows.
      await editOrganisation(a, url, id, { name: `${name} (đổi tên)` });
      await b.getByRole('link', { name: `${name} (đổi tên)`, exact: true }).waitFor({ timeout: 30_000 });

      // B goes offline and edits the same field A edits meanwhile: a concurrent edit.
      await synced(b);
      await office.context.setOffline(true);
      await status(b).getByText('Ngoại tuyến').waitFor();
      await editOrganisation(a, url, id, { notes: 'Ghi chú của Văn phòng' });
      await waitFor('A\'s edit on the server', async () => (await onServer(couch, id)).record.notes === 'Ghi chú của Văn phòng');
      await editOrganisation(b, url, id, { notes: 'Ghi chú của Tỉnh Đoàn' });
      await status(b).getByText('Ngoại tuyến · 1 thay đổi chờ gửi').waitFor();
      for (const width of [1024, 1366, 1920]) {
        await b.setViewportSize({ width, height: 800 });
        await b.screenshot({ path: path.join(ARTIFACTS, `sync-header-offline-${width}.png`) });
      }
      await b.setViewportSize({ width: 1280, height: 800 });
      // Back online: B's edit is sent, and both offices are asked; each keeps its own meanwhile.
      await office.context.setOffline(false);
      for (const [p, theirs] of [[b, 'Ghi chú của Văn phòng'], [a, 'Ghi chú của Tỉnh Đoàn']]) {
        const banner = p.locator('#sync-conflicts');
        await banner.getByText(theirs, { exact: true }).waitFor({ timeout: 30_000 });
        await status(p).getByText(/1 xung đột$/).waitFor();
      }
      assert.equal(await b.getByLabel('Ghi chú', { exact: true }).inputValue(), 'Ghi chú của Tỉnh Đoàn');
      for (const width of [1024, 1366, 1920]) {
        await a.setViewportSize({ width, height: 900 });
        await a.screenshot({ path: path.join(ARTIFACTS, `sync-conflict-${width}.png`) });
      }
      await a.setViewportSize({ width: 1280, height: 800 });
      // B decides for the other office's text: every office takes the decision.
      await b.locator('#sync-conflicts').getByRole('button', { name: 'Giữ bản của đơn vị khác' }).click();
      for (const p of [a, b]) await p.locator('#sync-conflicts').waitFor({ state: 'detached', timeout: 30_000 });
      for (const p of [a, b]) {
        // Opened afresh (an open form keeps what it showed, as between tabs).
        await p.goto(`${url}#/organisations`);
        await p.goto(`${url}#/organisations/${id}`);
        await p.getByLabel('Ghi chú', { exact: true }).waitFor();
        assert.equal(await p.getByLabel('Ghi chú', { exact: true }).inputValue(), 'Ghi chú của Văn phòng');
      }
      await waitFor('one live revision left on the server', async () => {
        const doc = await onServer(couch, id);
        return doc.record.notes === 'Ghi chú của Văn phòng' && !doc._conflicts;
      });

      // A, offline, adds a record: it waits, and is sent once A is back.
      await synced(a);
      await a.context().setOffline(true);
      await status(a).getByText('Ngoại tuyến').waitFor();
      const offline = 'Sở Nội vụ tỉnh Trà Vinh (thêm khi mất mạng)';
      await newOrganisation(a, url, offline);
      await status(a).getByText('Ngoại tuyến · 1 thay đổi chờ gửi').waitFor();
      await a.context().setOffline(false);
      await synced(a);
      await b.goto(`${url}#/organisations`);
      await b.getByRole('link', { name: offline, exact: true }).waitFor({ timeout: 30_000 });

      // A deletes the first record: it leaves B's list too.
      await a.goto(`${url}#/organisations/${id}`);
      await a.getByRole('button', { name: 'Xóa', exact: true }).click();
      await a.getByRole('heading', { level: 1, name: /Cơ quan/ }).waitFor();
      await b.getByRole('link', { name: `${name} (đổi tên)`, exact: true }).waitFor({ state: 'detached', timeout: 30_000 });
      assert.equal((await onServer(couch, id)).record.deleted, true, 'a tombstone, as in files');
      await synced(b);

      for (const width of [1024, 1366, 1920]) {
        await b.setViewportSize({ width, height: 1000 });
        await b.goto(`${url}#/settings`);
        await b.locator('#sync').scrollIntoViewIfNeeded();
        await b.screenshot({ path: path.join(ARTIFACTS, `sync-settings-${width}.png`) });
      }
      await b.setViewportSize({ width: 1280, height: 800 });

      // The login ends (the session cookie is gone): the sync stops and says so; the change
      // made meanwhile waits, and goes once the user logs in again.
      await a.context().clearCookies();
      const afterLogin = 'Sở Tài chính tỉnh Trà Vinh';
      await newOrganisation(a, url, afterLogin);
      await status(a).getByText('Lỗi đồng bộ: phiên đăng nhập đã hết, hãy đăng nhập lại trong Cài đặt · 1 thay đổi chờ gửi').waitFor();
      for (const width of [1024, 1366, 1920]) {
        await a.setViewportSize({ width, height: 800 });
        await a.goto(`${url}#/settings`);
        await a.locator('#sync').scrollIntoViewIfNeeded();
        await a.screenshot({ path: path.join(ARTIFACTS, `sync-login-needed-${width}.png`) });
      }
      await a.setViewportSize({ width: 1280, height: 800 });
      await a.locator('#sync').getByLabel('Mật khẩu').fill(PASSWORD);
      await a.locator('#sync').getByRole('button', { name: 'Đăng nhập lại và đồng bộ' }).click();
      await synced(a);
      await b.goto(`${url}#/organisations`);
      await b.getByRole('link', { name: afterLogin, exact: true }).waitFor({ timeout: 30_000 });

      // Switched off, the sync stops (its long-poll too) and the header says so.
      await a.goto(`${url}#/settings`);
      await a.locator('#sync').getByRole('button', { name: 'Tắt đồng bộ' }).click();
      await status(a).getByText('Đồng bộ đang tắt').waitFor();
      await a.locator('#sync').getByText(/^Đã tắt đồng bộ\./).waitFor();
    } finally {
      await office.context.close();
    }
  });
  dropServerStatusLines(errors);
}, { timeout: 240_000 });

e2e('the connection test says a wrong password plainly, and sync stays off', async ({ page, errors }) => {
  await withServer(async (url) => {
    await startEmpty(page, url, 'Văn phòng UBND tỉnh Trà Vinh');
    const section = await fillSync(page, url, 'vanphong_a', 'không đúng');
    await section.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await section.getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();
    // Switching on tries the login again, which fails the same way: nothing is stored.
    const login = page.waitForResponse((r) => r.url().endsWith('/couch/_session'));
    await section.getByRole('button', { name: 'Bật đồng bộ' }).click();
    assert.equal((await login).status(), 401);
    await section.getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();
    const stored = await storageSnapshot(page);
    assert.deepEqual(Object.keys(stored).filter((k) => k.startsWith('phoihop/sync/')), []);
    assert.equal(await page.locator('#sync-status').count(), 0, 'no status: sync is not set up');
    await page.setViewportSize({ width: 1366, height: 900 });
    await section.screenshot({ path: path.join(ARTIFACTS, 'sync-wrong-password.png') });
  });
  dropServerStatusLines(errors);
});
