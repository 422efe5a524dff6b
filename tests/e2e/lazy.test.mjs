// Parts that load later (src/ui/lazy.rs): the first wasm holds the shell and the dashboard;
// a page of another part says "Đang tải…" while its file comes, and says plainly when it cannot
// come (the line dropped before the service worker had every file), with a button that tries
// again. The files of a part are held back or refused by the browser context, which sees the
// page's and the service worker's requests alike.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2e } from './harness.mjs';
import { dropFile, holdBack, startWithSample } from './flows.mjs';

// The sharing page's own part (the export and the import): not loaded by the first-run flow.
const SHARING_PART = /-split_sharing\.wasm$/;

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

async function openSharing(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Trao đổi dữ liệu' }).click();
}

e2e('a page whose part is still coming says "Đang tải…", then shows the page', async ({ page, context, url }) => {
  const release = await holdBack(context, SHARING_PART);
  await startWithSample(page, url);
  await openSharing(page);
  await page.getByRole('status').filter({ hasText: 'Đang tải…' }).waitFor();
  release();
  await page.getByRole('heading', { level: 1, name: 'Trao đổi dữ liệu' }).waitFor();
  assert.equal(await page.getByText('Đang tải…').count(), 0);
});

// The import is in the sharing part too: a file dropped on another page, before that part ever
// loaded, opens the sharing page at once ("Đang tải…"), then its preview.
e2e('a file dropped before the sharing part is loaded says "Đang tải…", then previews', async ({ page, context, url }) => {
  const release = await holdBack(context, SHARING_PART);
  await startWithSample(page, url);
  const text = await fs.readFile(path.join(FIXTURES, 'schema-v1.json'), 'utf8');
  await dropFile(page, 'schema-v1.json', text);
  await page.getByRole('status').filter({ hasText: 'Đang tải…' }).waitFor();
  assert.match(page.url(), /#\/sharing$/);
  release();
  await page.getByRole('heading', { name: 'Xem trước: schema-v1.json' }).waitFor();
});

e2e('a part that cannot be fetched is said so, and "Thử lại" opens the page once it can', async ({ page, context, url, errors }) => {
  let refusing = true;
  await context.route(SHARING_PART, (route) => (refusing ? route.abort('internetdisconnected') : route.continue()));
  await startWithSample(page, url);
  await openSharing(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Chưa tải được trang này' });
  await alert.waitFor();
  await alert.getByText('có thể mạng vừa bị ngắt').waitFor();
  // The rest of the app still works, with its data; the page is tried again when reopened.
  await page.getByRole('navigation').getByRole('link', { name: 'Văn bản', exact: true }).click();
  await page.getByText('23 văn bản').waitFor();
  await openSharing(page);
  await alert.waitFor();

  refusing = false;
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await page.getByRole('heading', { level: 1, name: 'Trao đổi dữ liệu' }).waitFor();
  assert.equal(await alert.count(), 0);

  // The refused requests were logged by the browser (and the service worker's install, which
  // needs every file, failed): expected here, and nothing else.
  const unexpected = errors.filter((e) => !/split_sharing|ERR_INTERNET_DISCONNECTED|Failed to fetch|service ?worker|addAll|Request failed/i.test(e));
  assert.deepEqual(unexpected, []);
  errors.length = 0;
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
  const unexpected = errors.filter((e) => !/split_writers|ERR_INTERNET_DISCONNECTED|Failed to fetch|service ?worker|addAll|Request failed/i.test(e));
  assert.deepEqual(unexpected, []);
  errors.length = 0;
});

// The export is a part of its own (the storage banner's "export everything" is in the first
// wasm): when it cannot be fetched the button says why, and it works once it can.
e2e('an export whose part cannot be fetched says so, and works once it can', async ({ page, context, url, errors }) => {
  let refusing = true;
  await context.route(/-split_export\.wasm$/, (route) => (refusing ? route.abort('internetdisconnected') : route.continue()));
  await startWithSample(page, url);
  await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt', exact: true }).click();
  const durability = page.locator('#storage-durability');
  const exportAll = durability.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' });
  await exportAll.click();
  await durability.getByText(/Không tạo được tệp: Phần này của ứng dụng chưa có trên máy/).waitFor();

  refusing = false;
  const [download] = await Promise.all([page.waitForEvent('download'), exportAll.click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await durability.getByText(/^Đã tạo tệp /).waitFor();

  const unexpected = errors.filter((e) => !/split_export|ERR_INTERNET_DISCONNECTED|Failed to fetch|service ?worker|addAll|Request failed/i.test(e));
  assert.deepEqual(unexpected, []);
  errors.length = 0;
});
