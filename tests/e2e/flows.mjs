// Steps that many end-to-end tests share, written as a user does them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from './harness.mjs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** First run: name the office, then load the sample. Ends on the agreement register. */
export async function startWithSample(page, url, officeName = 'Văn phòng UBND tỉnh Trà Vinh') {
  await page.goto(url);
  await page.getByLabel('Tên cơ quan / đơn vị của bạn').fill(officeName);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('button', { name: /Nạp dữ liệu mẫu/ }).click();
  await page.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
  await page.getByText('23 văn bản').waitFor();
}

/** Drops `name` (with `content`) on the page's main area, as a user drags a file in. */
export async function dropFile(page, name, content) {
  const dataTransfer = await page.evaluateHandle(
    ([name, content]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: 'application/json' }));
      return dt;
    },
    [name, content],
  );
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

/** Names the office and starts empty; returns once the office is stored (the register shows). */
export async function startEmpty(page, url, officeName) {
  await page.goto(url);
  await page.getByLabel('Tên cơ quan / đơn vị của bạn').fill(officeName);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('button', { name: /Bắt đầu trống/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Văn bản phối hợp' }).waitFor();
}

/** Every localStorage entry, to prove that a refused action wrote nothing. Taken once every
 *  write queued so far under the store's lock has run: a write still waiting for the lock (the
 *  day's backup holds it at the start) would otherwise land after "before", or be missed by
 *  "after". */
export async function storageSnapshot(page) {
  await storeWritesDone(page);
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      // The day's backup is taken a few seconds after the start, whenever the machine gets to
      // it, and counts as a write under the lock: upkeep, not what a test guards.
      if (key.endsWith('/daily') || key === 'phoihop-seq') continue;
      // A form's draft is its input kept as typed (until saved or discarded), not data.
      if (key.startsWith('phoihop/draft/')) continue;
      out[key] = localStorage.getItem(key);
    }
    return out;
  });
}

export async function searchAgreements(page, text) {
  await page.getByLabel('Tìm kiếm văn bản').fill(text);
}

export function assertSameStorage(before, after) {
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
  for (const key of Object.keys(before)) assert.equal(after[key], before[key], key);
}

/** The Web Lock the app takes around every read-compare-write of localStorage. */
export const STORE_LOCK = 'phoihop/storage'; // src/web/lock.rs NAME

/**
 * Resolves once `to` (another page of the same origin) has heard every localStorage write that
 * `from` made so far, and any write `from` has queued under the store's lock: a marker written
 * by `from` under that lock reaches `to` as a storage event after them (events arrive in write
 * order). The positive signal to wait for before asserting that a tab did NOT write something.
 */
export async function storageSettled(from, to) {
  const token = `${Date.now()}-${Math.random()}`;
  await to.evaluate((t) => {
    window.e2eSettled = new Promise((resolve) => {
      const heard = (e) => {
        if (e.key === 'e2e-settled' && e.newValue === t) {
          removeEventListener('storage', heard);
          resolve();
        }
      };
      addEventListener('storage', heard);
    });
  }, token);
  await from.evaluate(([t, lock]) => {
    const write = () => localStorage.setItem('e2e-settled', t);
    return navigator.locks ? navigator.locks.request(lock, write) : write();
  }, [token, STORE_LOCK]);
  await to.evaluate(() => window.e2eSettled);
  await from.evaluate(() => localStorage.removeItem('e2e-settled'));
}

/** Screenshots at the three widths offices use, into tests/e2e/artifacts/. */
export async function shots(page, name, { fullPage = true } = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * Chooses in a picker of organisations or people (src/ui/picker.rs) as a user does: types into
 * the box labelled `label`, then clicks the choice named `name` (default: what was typed).
 * `scope`: the page, or a part of it holding the box.
 */
export async function pick(scope, label, typed, name = typed) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.fill(typed);
  const picker = box.locator('xpath=..');
  await picker.getByRole('option', { name, exact: true }).click();
  // Chosen: the list closes.
  await picker.locator('[role=combobox][aria-expanded=false]').waitFor();
}

// Sharing between offices (two browser contexts, two localStorages).

/** Opens a second office: its own browser context, so its own localStorage. */
export async function otherOffice(browser, errors) {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.location()?.url?.endsWith('/favicon.ico')) errors.push(`B console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`B uncaught: ${err.stack ?? err}`));
  return { context, page };
}

export async function openSharing(page) {
  await nav(page, 'Trao đổi dữ liệu').click();
  await page.getByRole('heading', { level: 1, name: 'Trao đổi dữ liệu' }).waitFor();
}

/** Exports everything; returns the downloaded file's path and name. */
export async function exportAll(page, label) {
  await openSharing(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click(),
  ]);
  const name = download.suggestedFilename();
  assert.match(name, /^phoihop-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(ARTIFACTS, `${label}-${name}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await download.saveAs(file);
  return file;
}

/** Resolves once every write `page` has queued under the store's lock so far has run: a lock
 *  request made now is granted after them. */
async function storeWritesDone(page) {
  await page.evaluate((lock) => navigator.locks?.request(lock, () => {}), STORE_LOCK);
}

/** The office's records as its own export writes them (storage encodes them; the file does
 *  not), after a reload so what is compared is what was stored. Header fields are left out. */
export async function storedData(page, label) {
  await page.reload();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
  const file = await exportAll(page, label);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const key of ['exported_at', 'office', 'offices', 'app_version', 'scope']) delete data[key];
  return data;
}

/** Opens a file in the picker; waits for its preview. */
export async function previewFile(page, file) {
  await openSharing(page);
  await page.locator('#import-file').setInputFiles(file);
  await page.getByRole('heading', { name: /^Xem trước:/ }).waitFor();
}


export async function confirmImport(page) {
  await page.getByRole('button', { name: /^Nhập \d+ thay đổi$/ }).click();
  await page.getByRole('heading', { name: /^Đã nhập tệp của / }).waitFor();
}


/** A link of the main navigation (pages have links with the same names). */
export function nav(page, name) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true });
}

export async function editTitle(page, search, newTitle) {
  await nav(page, 'Văn bản').click();
  await searchAgreements(page, search);
  await page.locator('table.register tbody tr').first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await page.getByLabel('Tên văn bản').fill(newTitle);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
}

/**
 * A layout-2 store of `events` generated events and `agreements` agreements as JSON (key →
 * value), from `examples/large_store.rs`; built once, kept in target/e2e/.
 */
export function generatedStore(events, agreements) {
  const file = path.join(root, 'target', 'e2e', `large-store-${events}-${agreements}.json`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const run = spawnSync('cargo', ['run', '--release', '--quiet', '--example', 'large_store', '--', String(events), String(agreements)], {
      cwd: root, maxBuffer: 256 << 20, encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    fs.writeFileSync(file, run.stdout);
  }
  return fs.readFileSync(file, 'utf8');
}

/** Replaces the origin's localStorage with the entries of `json` (a `generatedStore`). */
export async function putStore(page, url, json) {
  await page.goto(url);
  // The app running (index.html's placeholder gone) has marked its history entry: a navigation
  // the caller makes next cannot be taken for that mark. Without the wait, under load, Playwright
  // counted the app's mark as the caller's goto to a #/page, and the reload after it opened the
  // dashboard.
  await page.waitForFunction(() => !document.getElementById('loading'));
  await page.evaluate((text) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(JSON.parse(text))) localStorage.setItem(k, v);
  }, json);
}

/** Waits until the form's draft stored under `key` has `value` at `path` (["texts",
 * "deadline"]), or until there is no draft (`path` null). */
export async function draftStored(page, key, path, value) {
  await page.waitForFunction(([k, p, v]) => {
    const raw = localStorage.getItem(k);
    if (p === null) return raw === null;
    if (raw === null) return false;
    let at = JSON.parse(raw);
    for (const step of p) at = at?.[step];
    return at === v;
  }, [key, path, value]);
}

/** Holds every request for the files matching `pattern` until the function returned is called. */
export async function holdBack(context, pattern) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await context.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
