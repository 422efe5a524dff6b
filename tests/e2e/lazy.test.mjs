// Parts that load later (src/ui/lazy.rs): the first wasm holds the first-run card alone; the
// app itself (the storage load, every page) is the part `app`, the .xlsx/.docx writers the part
// `writers`. A first-run choice waits for the app's part ("Đang tải…"); an office stored here
// keeps index.html's header bar until that part has come; a part that cannot come is said so
// plainly, with a way to try again. The files of a part are held back or refused by the browser
// context, which sees the page's and the service worker's requests alike.
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { holdBack, otherOffice, startWithSample, storageSnapshot } from './flows.mjs';

const APP_PART = /-split_app\.wasm$/;

/** The console lines a refused part's file leaves (its name, the network's and the worker's
 *  words) are expected; any other fails the test. All are cleared for the harness's own check. */
function assertOnlyRefusalErrors(errors, part) {
  const expected = new RegExp(`${part}|ERR_INTERNET_DISCONNECTED|Failed to fetch|service ?worker|addAll|Request failed`, 'i');
  assert.deepEqual(errors.filter((e) => !expected.test(e)), []);
  errors.length = 0;
}

/** The first-run card up to its choice, in a fresh profile. */
async function nameTheOffice(page, url) {
  await page.goto(url);
  await page.getByLabel('Tên cơ quan / đơn vị của bạn').fill('Văn phòng UBND tỉnh Trà Vinh');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
}

e2e('a first visit loads only the first wasm; the choice waits for the app ("Đang tải…"), then opens the register', async ({ page, context, url }) => {
  const release = await holdBack(context, APP_PART);
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  await nameTheOffice(page, url);
  // The card works before the app's part is here (held back since the start).
  assert.equal(asked.some((u) => APP_PART.test(u)), false, 'the page asks for the app only once it is needed');
  await page.getByRole('button', { name: /Nạp dữ liệu mẫu/ }).click();
  await page.getByRole('status').filter({ hasText: 'Đang tải…' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Văn bản phối hợp' }).count(), 0);
  release();
  await page.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
  await page.getByText('23 văn bản').waitFor();
  assert.equal(await page.getByText('Đang tải…').count(), 0);
});

e2e('a first-run choice whose app cannot be fetched is said so and stores nothing; made again, it starts', async ({ page, context, url, errors }) => {
  let refusing = true;
  await context.route(APP_PART, (route) => (refusing ? route.abort('internetdisconnected') : route.continue()));
  await nameTheOffice(page, url);
  await page.getByRole('button', { name: /Bắt đầu trống/ }).click();
  await page.getByRole('alert').filter({ hasText: 'Phần này của ứng dụng chưa có trên máy' }).waitFor();
  // Nothing of the office's (the language chosen is the interface's, kept apart).
  assert.deepEqual(Object.keys(await storageSnapshot(page)).filter((k) => k.startsWith('phoihop/')), []);

  refusing = false;
  await page.getByRole('button', { name: /Bắt đầu trống/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Văn bản phối hợp' }).waitFor();
  const stored = await storageSnapshot(page);
  assert.match(stored['phoihop/office'], /Văn phòng UBND tỉnh Trà Vinh/);

  assertOnlyRefusalErrors(errors, 'split_app');
});

/** A second profile holding `page`'s storage, and a page in it (not yet opened). */
async function sameDataElsewhere(page, browser, errors) {
  const stored = await storageSnapshot(page);
  const other = await otherOffice(browser, errors);
  await other.context.addInitScript((entries) => {
    if (localStorage.length === 0) for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, stored);
  return other;
}

e2e('an office stored here keeps the header bar until the app has come, then opens on its data', async ({ page, browser, url, errors }) => {
  await startWithSample(page, url);
  const { context, page: again } = await sameDataElsewhere(page, browser, errors);
  const release = await holdBack(context, APP_PART);
  await again.goto(url);
  const placeholder = again.locator('#loading-shell');
  await placeholder.getByText('Đang mở Phối hợp…').waitFor();
  assert.equal(await again.locator('#loading-first-run').isVisible(), false, 'not the first-run card');
  release();
  await again.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  assert.equal(await again.locator('#loading').count(), 0);
  assert.equal(await again.getByRole('button', { name: /Nạp dữ liệu mẫu/ }).count(), 0);
  await context.close();
});

/** When the page asked for each wasm file (ms since it opened), and how many times. */
async function wasmRequests(page) {
  return page.evaluate(() => {
    const out = {};
    for (const e of performance.getEntriesByType('resource')) {
      const kind = /(_bg|-split_app|-split_writers|-chunk_\d+)\.wasm$/.exec(e.name)?.[1];
      if (kind) (out[kind] ??= []).push(e.startTime);
    }
    return out;
  });
}

e2e('an office stored here has the app compiled as the page opens, beside the first wasm, fetched once', async ({ page, browser, url, errors }) => {
  await startWithSample(page, url);
  const { context, page: again } = await sameDataElsewhere(page, browser, errors);
  await again.goto(url);
  await again.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  const asked = await wasmRequests(again);
  assert.equal(asked['-split_app']?.length, 1, 'the app part fetched once');
  assert.equal(asked._bg?.length, 1);
  // index.html's script asks for it before Trunk's loader asks for the first wasm.
  assert.ok(asked['-split_app'][0] < asked._bg[0], `app part at ${asked['-split_app'][0]} ms, first wasm at ${asked._bg[0]} ms`);
  assert.equal(asked['-split_writers'], undefined, 'the writers wait for their first export');
  await context.close();
});

e2e('an early compile of the app that fails is tried again by the loader: the office opens', async ({ page, browser, url, errors }) => {
  await startWithSample(page, url);
  const { context, page: again } = await sameDataElsewhere(page, browser, errors);
  let refused = 0;
  await context.route(APP_PART, (route) => (refused++ === 0 ? route.abort('internetdisconnected') : route.continue()));
  await again.goto(url);
  await again.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  assert.equal(refused >= 2, true, 'refused once, then fetched again');
  assert.equal(await again.getByText('Chưa tải được trang này').count(), 0);
  assert.equal((await wasmRequests(again))['-split_app'].length, 2);
  await context.close();
  assertOnlyRefusalErrors(errors, 'split_app');
});

e2e('stored data whose app cannot be fetched says so, and "Thử lại" opens it', async ({ page, browser, url, errors }) => {
  await startWithSample(page, url);
  const { context, page: again } = await sameDataElsewhere(page, browser, errors);
  let refusing = true;
  await context.route(APP_PART, (route) => (refusing ? route.abort('internetdisconnected') : route.continue()));
  await again.goto(url);
  const alert = again.getByRole('alert').filter({ hasText: 'Chưa tải được trang này' });
  await alert.waitFor();
  assert.equal(await again.locator('#loading').count(), 0, 'the placeholder gives way to the message');
  refusing = false;
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await again.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  assert.equal(await alert.count(), 0);
  await context.close();
  assertOnlyRefusalErrors(errors, 'split_app');
});

e2e('a workbook asked for while its writer cannot be fetched says why; pressed again, it downloads', async ({ page, context, url, errors }) => {
  let refusing = true;
  await context.route(/-split_writers\.wasm$/, (route) => (refusing ? route.abort('internetdisconnected') : route.continue()));
  await startWithSample(page, url);
  const excel = page.locator('.export-bar').getByRole('button', { name: 'Tải Excel', exact: true });
  await excel.click();
  await page.getByText(/^Không tạo được tệp: phần tạo tệp của ứng dụng chưa có trên máy/).waitFor();

  refusing = false;
  const [file] = await Promise.all([page.waitForEvent('download'), excel.click()]);
  assert.match(file.suggestedFilename(), /\.xlsx$/);
  assertOnlyRefusalErrors(errors, 'split_writers');
});
