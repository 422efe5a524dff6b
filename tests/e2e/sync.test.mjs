// Live sync between offices through a CouchDB-compatible server (docs/sync.md): pouchdb-server
// started here (tests/e2e/couch.mjs) and served under the app's own origin at /couch (the
// proxy of tests/e2e/server.mjs), as docs/sync.md recommends, so the page's CSP
// (connect-src 'self') stays as it is. Two browser contexts are two offices.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2e, ARTIFACTS, distSnapshot } from './harness.mjs';
import { startEmpty, storageSnapshot, previewFile, confirmImport, exportAll, storedData } from './flows.mjs';
import { serveStatic } from './server.mjs';
import { startCouch } from './couch.mjs';

const PASSWORD = 'mật khẩu 1';
const DB = 'phoihop_travinh';

/** pouchdb-server and the app under one origin; `run(url, couch)`, both stopped after. The
 * proxy shows every request to `line` (a Line) if one is given. */
async function withServer(run, line) {
  const couch = await startCouch();
  let app;
  try {
    await couch.user('vanphong_a', PASSWORD);
    await couch.user('vanphong_b', PASSWORD);
    await couch.database(DB, ['vanphong_a', 'vanphong_b']);
    app = await serveStatic(await distSnapshot(), 0, '127.0.0.1', { proxy: { prefix: '/couch', target: couch.url, tap: line?.tap } });
    await run(`${app.url}/`, couch);
  } finally {
    await app?.close();
    await couch.close();
  }
}

/** The browser's own console line for an HTTP error status or a refused connection of a
 * request to the sync server (a 401 of a wrong password, the 404 of a first checkpoint, the
 * long-poll cut when the test's server closes): the network's log, not the app's. Dropped from
 * `errors` now and from then on (such a line can come at any moment, up to the test's end). */
function dropServerStatusLines(errors) {
  const isServerLine = (e) => /Failed to load resource/.test(e) && /\/couch\//.test(e);
  const kept = errors.filter((e) => !isServerLine(e));
  errors.length = 0;
  Array.prototype.push.apply(errors, kept);
  if (!errors.dropsServerLines) {
    errors.push = (...lines) => Array.prototype.push.apply(errors, lines.filter((e) => !isServerLine(e)));
    errors.dropsServerLines = true;
  }
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

async function switchSyncOn(page, url, user) {
  const section = await fillSync(page, url, user, PASSWORD);
  await section.getByRole('button', { name: 'Bật đồng bộ' }).click();
  await section.getByText(/Kết nối được: đã đăng nhập.*Đã bật đồng bộ\./).waitFor();
}

async function turnSyncOn(page, url, user) {
  await switchSyncOn(page, url, user);
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

/** The line between the offices and the server, played by the proxy: the test cuts it and
 * restores it, and it notes what reached the server. */
class Line {
  /** `<_id> <_rev>` of every record's edition a `_bulk_docs` brought to the server. */
  sent = [];
  /** Requests refused while the server was gone. */
  refused = 0;
  #down = null;
  #cut = null;

  /** `<_id> <_rev>` of the losing branches closed (CouchDB's `_deleted`). */
  closed = [];
  tap = ({ method, path: at, body }) => {
    if (this.#down) {
      this.refused++;
      return this.#down;
    }
    if (method === 'POST' && /\/_bulk_docs$/.test(at)) {
      for (const d of JSON.parse(body).docs) (d._deleted ? this.closed : this.sent).push(`${d._id} ${d._rev}`);
    }
    if (this.#cut?.({ method, path: at })) {
      this.#cut = null;
      this.#down = 'refuse';
      return 'lose-answer';
    }
    return 'pass';
  };

  /** The first request `when` picks reaches the server, its answer is lost, and the server
   * is gone from then on, until `restore()`. */
  cutAt(when) {
    this.#cut = when;
  }

  /** The server gone: connections closed unanswered ('refuse'), or a proxy's 502. */
  down(mode = 'refuse') {
    this.#down = mode;
  }

  restore() {
    this.#down = null;
  }
}

/** A file exported by a third office holding `count` organisations (ids in order, as
 *  exports write them). */
async function organisationsFile(count) {
  const office = '4f1c2a9e-7b3d-4e8a-9c21-0d5e6f7a8b9c';
  const at = '2024-03-01T02:00:00Z';
  const organisations = Array.from({ length: count }, (_, i) => {
    const h = createHash('sha256').update(`organisation ${i}`).digest('hex');
    return {
      id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
      created: at, updated: at, version: { [office]: 1 },
      name: `Phòng thử nghiệm số ${i + 1}`, short_name: `P${i + 1}`, kind: 'department', parent: null, notes: '',
    };
  }).sort((x, y) => (x.id < y.id ? -1 : 1));
  const file = path.join(ARTIFACTS, `sync-${count}-organisations.json`);
  await fs.mkdir(ARTIFACTS, { recursive: true });
  await fs.writeFile(file, JSON.stringify({
    format: 'phoihop', schema_version: 1, app_version: '0.1.0', exported_at: at,
    office: { id: office, name: 'Sở Thử nghiệm' }, scope: 'all',
    organisations, people: [], agreements: [], events: [], recommendations: [],
  }));
  return file;
}

/** Every document on the server (its winning revision, with its conflicts). */
async function serverDocs(couch) {
  const all = await couch.admin('GET', `/${DB}/_all_docs?include_docs=true&conflicts=true`);
  return all.rows.map((r) => r.doc);
}

const gone = /^Lỗi đồng bộ: không kết nối được máy chủ \(.+\), sẽ tự thử lại/;

async function waitFor(what, check) {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never: ${what}`);
}

e2e('two offices sync through the server: edits, deletes, a concurrent edit as a conflict, an offline edit sent when back', async ({ page: a, browser, errors }) => {
  dropServerStatusLines(errors);
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
      // B's form, open beside the banner with nothing unsaved, shows what B chose, not its own
      // text from before.
      await waitFor('B\'s open form showing the decision', async () =>
        (await b.getByLabel('Ghi chú', { exact: true }).inputValue()) === 'Ghi chú của Văn phòng');
      await b.screenshot({ path: path.join(ARTIFACTS, 'sync-decided-1280.png'), fullPage: true });
      for (const p of [a, b]) {
        // Opened afresh until it shows the decision (an open form keeps what it showed, as between
        // tabs). Under load a reopened form has shown the former text for a moment after the
        // decision, cause not found (docs/sync.md, "Known, not yet understood").
        await waitFor('the decision in each office', async () => {
          await p.goto(`${url}#/organisations`);
          await p.goto(`${url}#/organisations/${id}`);
          await p.getByLabel('Ghi chú', { exact: true }).waitFor();
          return (await p.getByLabel('Ghi chú', { exact: true }).inputValue()) === 'Ghi chú của Văn phòng';
        });
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
  dropServerStatusLines(errors);
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

e2e('the server gone in the middle of a first sync of 600 records, then back: nothing lost, nothing sent twice', async ({ page: a, browser, errors }) => {
  dropServerStatusLines(errors);
  const line = new Line();
  await withServer(async (url, couch) => {
    const office = await secondOffice(browser, errors);
    const b = office.page;
    try {
      await startEmpty(a, url, 'Văn phòng UBND tỉnh Trà Vinh');
      await startEmpty(b, url, 'Tỉnh Đoàn Trà Vinh');
      await previewFile(a, await organisationsFile(600));
      await confirmImport(a);

      // A sends 600 documents, 250 at a time: the second batch reaches the server, its answer
      // never comes back, and the server is gone until the header has said so.
      let batches = 0;
      line.cutAt(({ path: at }) => /\/_bulk_docs$/.test(at) && ++batches === 2);
      await switchSyncOn(a, url, 'vanphong_a');
      await status(a).getByText(gone).waitFor({ timeout: 30_000 });
      await waitFor('A\'s requests refused while the server is gone', () => line.refused > 0);
      line.restore();
      await synced(a);
      assert.equal(line.sent.length, 600, 'every edition reached the server once');
      assert.equal(new Set(line.sent).size, 600, 'none sent twice');

      // B's first sync takes the 600 in, 500 a time: the second batch's answer is lost.
      let gets = 0;
      line.cutAt(({ path: at }) => /\/_bulk_get/.test(at) && ++gets === 2);
      await switchSyncOn(b, url, 'vanphong_b');
      await status(b).getByText(gone).waitFor({ timeout: 30_000 });
      const refused = line.refused;
      await waitFor('B\'s requests refused while the server is gone', () => line.refused > refused);
      line.restore();
      await synced(b);
      assert.equal(line.sent.length, 600, 'B sends back nothing it took in');
      assert.deepEqual(line.closed, [], 'no branch to close');

      // The server holds each record once, at its first revision, without conflicts.
      const docs = await serverDocs(couch);
      assert.equal(docs.length, 600);
      for (const doc of docs) {
        assert.match(doc._rev, /^1-/, doc._id);
        assert.equal(doc._conflicts, undefined, doc._id);
      }
      // Both offices hold the same 600 records, as the server does.
      const [ours, theirs] = [await storedData(a, 'sync-outage-a'), await storedData(b, 'sync-outage-b')];
      assert.equal(ours.organisations.length, 600);
      assert.deepEqual(theirs, ours);
      const byId = (x, y) => (x.id < y.id ? -1 : 1);
      assert.deepEqual(
        docs.map((d) => [d._id, d.record.name, d.record.version]),
        ours.organisations.sort(byId).map((o) => [o.id, o.name, o.version]),
      );
    } finally {
      await office.context.close();
    }
  }, line);
  dropServerStatusLines(errors);
}, { timeout: 240_000 });

e2e('the connection test says when the server cannot be reached, and sync stays off', async ({ page, errors }) => {
  dropServerStatusLines(errors);
  const line = new Line();
  await withServer(async (url) => {
    await startEmpty(page, url, 'Văn phòng UBND tỉnh Trà Vinh');
    const section = await fillSync(page, url, 'vanphong_a', PASSWORD);
    // The web server in front answers for a CouchDB that is down.
    line.down('bad-gateway');
    await section.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await section.getByText('Không kết nối được máy chủ (HTTP 502). Hãy kiểm tra địa chỉ và đường mạng.').waitFor();
    // Nothing answers at all.
    line.down('refuse');
    await section.getByRole('button', { name: 'Bật đồng bộ' }).click();
    await section.getByText(/^Không kết nối được máy chủ \((?!HTTP 502).+\)\. Hãy kiểm tra địa chỉ và đường mạng\.$/).waitFor();
    const stored = await storageSnapshot(page);
    assert.deepEqual(Object.keys(stored).filter((k) => k.startsWith('phoihop/sync/')), []);
    assert.equal(await page.locator('#sync-status').count(), 0, 'no status: sync is not set up');
    await page.setViewportSize({ width: 1366, height: 900 });
    await section.screenshot({ path: path.join(ARTIFACTS, 'sync-unreachable.png') });
  }, line);
  dropServerStatusLines(errors);
});

e2e('sync and a file of the same changes agree: no conflict, nothing sent twice, the same records', async ({ page: a, browser, errors }) => {
  dropServerStatusLines(errors);
  const line = new Line();
  await withServer(async (url, couch) => {
    const office = await secondOffice(browser, errors);
    const b = office.page;
    try {
      await startEmpty(a, url, 'Văn phòng UBND tỉnh Trà Vinh');
      await startEmpty(b, url, 'Tỉnh Đoàn Trà Vinh');
      await turnSyncOn(a, url, 'vanphong_a');
      await turnSyncOn(b, url, 'vanphong_b');
      const first = 'Sở Y tế tỉnh Trà Vinh';
      const id = await newOrganisation(a, url, first);
      await b.goto(`${url}#/organisations`);
      await b.getByRole('link', { name: first, exact: true }).waitFor({ timeout: 30_000 });

      // B is offline while A renames the first, adds a second, and exports a file of it all.
      await synced(b);
      await office.context.setOffline(true);
      await status(b).getByText('Ngoại tuyến').waitFor();
      await editOrganisation(a, url, id, { name: `${first} (tên mới)` });
      const second = 'Sở Giáo dục và Đào tạo tỉnh Trà Vinh';
      const secondId = await newOrganisation(a, url, second);
      await synced(a);
      await waitFor('A\'s changes on the server', async () => (await serverDocs(couch)).length === 2);
      const file = await exportAll(a, 'sync-and-file-a');
      const sentByA = line.sent.length;

      // B imports the file, then renames the second: only that edit is B's to send.
      await previewFile(b, file);
      await confirmImport(b);
      await editOrganisation(b, url, secondId, { name: `${second} (Tỉnh Đoàn sửa)` });
      // Offline, B cannot know the server has the file's rename already: it counts it too.
      await status(b).getByText('Ngoại tuyến · 2 thay đổi chờ gửi').waitFor();
      await office.context.setOffline(false);
      await synced(b);
      await a.goto(`${url}#/organisations`);
      await a.getByRole('link', { name: `${second} (Tỉnh Đoàn sửa)`, exact: true }).waitFor({ timeout: 30_000 });
      await synced(a);

      assert.deepEqual(line.sent.slice(sentByA).map((s) => s.split(' ')[0]), [secondId], 'B sent its own edit alone');
      // B's edit of a record it has from the file, not from the server, is sent as a new
      // branch (B knows no revision to put it on); taking A's branch in, B closes it, as its
      // edit has seen A's: no conflict is left or asked.
      assert.deepEqual(line.closed.map((s) => s.split(' ')[0]), [secondId]);
      for (const p of [a, b]) {
        assert.equal(await p.locator('#sync-conflicts').count(), 0, 'no conflict');
        assert.doesNotMatch(await status(p).innerText(), /xung đột/);
      }
      const docs = await serverDocs(couch);
      assert.equal(docs.length, 2);
      for (const doc of docs) assert.equal(doc._conflicts, undefined, doc._id);
      const ours = await storedData(a, 'sync-and-file-a');
      assert.equal(ours.organisations.length, 2);
      assert.deepEqual(await storedData(b, 'sync-and-file-b'), ours);
    } finally {
      await office.context.close();
    }
  }, line);
  dropServerStatusLines(errors);
}, { timeout: 180_000 });
