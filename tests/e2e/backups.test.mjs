// Backups a user can trust: notices that are all seen, backups given up with their reason,
// exports that say what storage could not read (and carry it), a damaged office key that keeps
// the office's identity, long work shown with its progress, and the import's size limit.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import { startWithSample, shots } from './flows.mjs';

const nav = (page, name) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true });

/** Waits for the day's snapshot (taken a few seconds after start) in Settings. */
async function waitForDailySnapshot(page) {
  await nav(page, 'Cài đặt').click();
  await page.locator('#storage-backups').getByText('Hằng ngày').waitFor({ timeout: 20_000 });
}

async function retitleFirstAgreement(page, title) {
  await nav(page, 'Văn bản').click();
  await page.locator('table.register tbody tr').first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await page.getByLabel('Tên văn bản').fill(title);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Every localStorage key of ours. */
function ourKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('phoihop/')));
}

e2e('a save that gives up the daily backup shows both notices, and Settings says why the backup is gone, after a reload too', async ({ page, url }) => {
  await startWithSample(page, url);
  await waitForDailySnapshot(page);
  // Fill what is left of the quota with another app's data, to the last few characters.
  await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 8; size >>= 1) {
      const chunk = 'ạ'.repeat(size);
      try { for (;;) localStorage.setItem(`e2e-filler/${n++}`, chunk); } catch (e) { /* full at this size */ }
    }
  });

  await retitleFirstAgreement(page, 'Văn bản sửa khi bộ nhớ gần đầy');
  // Both notices at once: the backup given up, and the save's own.
  const toasts = page.locator('.toast-area');
  await toasts.getByText('Đã lưu thay đổi.').waitFor();
  await toasts.getByText(/đã bỏ 1 bản sao lưu cũ để lưu được thay đổi/).waitFor();
  assert.equal(await page.locator('#save-failed').count(), 0, 'the edit is stored');
  await shots(page, 'notices-stacked', { fullPage: false });
  // Each closes on its own.
  await page.locator('.toast').filter({ hasText: 'Đã lưu thay đổi.' }).getByRole('button', { name: 'Đóng thông báo' }).click();
  await page.locator('.toast').filter({ hasText: 'Đã lưu thay đổi.' }).waitFor({ state: 'detached' });
  await toasts.getByText(/đã bỏ 1 bản sao lưu cũ để lưu được thay đổi/).waitFor();

  await nav(page, 'Cài đặt').click();
  const why = /Bản sao lưu “Hằng ngày” lúc \d\d:\d\d \d\d\/\d\d\/\d{4} đã bị bỏ lúc \d\d:\d\d \d\d\/\d\d\/\d{4} để lưu được thay đổi khi bộ nhớ trình duyệt đầy\./;
  await page.locator('#storage-given-up').getByText(why).waitFor();
  await page.locator('#storage-backups').getByText('Chưa có bản sao lưu nào.').waitFor();
  await shots(page, 'settings-backups-given-up');

  // Kept in storage: after a reload Settings still says why.
  await page.reload();
  await page.locator('#storage-given-up').getByText(why).waitFor({ timeout: 30_000 });
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('e2e-filler/'))
    .forEach((k) => localStorage.removeItem(k)));
}, { timeout: 120_000 });

e2e('with one bucket damaged, exporting everything says what could not be read, the file carries its raw text, and another office previews it', async ({ page, browser, url }) => {
  await startWithSample(page, url);
  const damaged = (await ourKeys(page)).find((k) => k.startsWith('phoihop/b/agreements/'));
  assert.ok(damaged, 'a bucket of agreements');
  await page.evaluate((key) => localStorage.setItem(key, 'D hỏng giữa chừng'), damaged);
  await page.reload();
  await page.getByText(/1 mục dữ liệu đã lưu không đọc được/).waitFor({ timeout: 30_000 });

  await nav(page, 'Trao đổi dữ liệu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click(),
  ]);
  const said = page.locator('.card').filter({ hasText: 'Xuất tệp' }).getByRole('status');
  await said.getByText(/Đã tạo tệp .*\.json/).waitFor();
  await said.getByText(/Có 1 mục trong bộ nhớ không đọc được: tệp mang theo nguyên văn của chúng để cứu dữ liệu, nhưng nhập tệp sẽ không lấy lại được các mục này\./).waitFor();
  await shots(page, 'export-with-unreadable');
  const file = path.join(ARTIFACTS, 'export-with-unreadable.json');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.unreadable.length, 1);
  assert.equal(exported.unreadable[0].key, damaged);
  assert.equal(exported.unreadable[0].raw, 'D hỏng giữa chừng');
  assert.match(exported.unreadable[0].problem, /cannot be unpacked/);
  assert.ok(exported.people.length > 0, 'the readable records are there');

  // Settings' export says it too.
  await nav(page, 'Cài đặt').click();
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#storage-durability').getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click(),
  ]);
  assert.match(again.suggestedFilename(), /\.json$/);
  await page.locator('#storage-durability').getByText(/Có 1 mục trong bộ nhớ không đọc được/).waitFor();

  // Another office takes the file: not refused, and told of the item it does not import.
  const other = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
  const b = await other.newPage();
  await b.goto(url);
  await b.getByLabel('Tên cơ quan / đơn vị của bạn').fill('Sở Nội vụ');
  await b.getByRole('button', { name: 'Tiếp tục' }).click();
  await b.getByRole('button', { name: /Bắt đầu trống/ }).click();
  await nav(b, 'Trao đổi dữ liệu').click();
  await b.locator('#import-file').setInputFiles(file);
  await b.getByRole('heading', { name: /^Xem trước:/ }).waitFor();
  await b.locator('#preview-unreadable').getByText('Tệp mang theo 1 mục mà đơn vị gửi không đọc được trong bộ nhớ của họ, ở dạng nguyên văn để cứu dữ liệu. Các mục này không được nhập; mọi bản ghi khác trong tệp vẫn nhập bình thường.').waitFor();
  await b.locator('#preview-unreadable summary').click();
  await b.locator('#preview-unreadable').getByText(damaged).waitFor();
  await shots(b, 'preview-with-unreadable');
  await b.getByRole('button', { name: /^Nhập \d+ thay đổi$/ }).click();
  await b.getByRole('heading', { name: /^Đã nhập tệp của/ }).waitFor();
  await other.close();
}, { timeout: 120_000 });

e2e('a damaged office key says so, keeps the installation id read from its raw text, and asks only for the name', async ({ page, url }) => {
  await startWithSample(page, url);
  const office = JSON.parse(await page.evaluate(() => localStorage.getItem('phoihop/office')));
  // Cut off in the middle of the name.
  await page.evaluate((id) => localStorage.setItem('phoihop/office', `{"id":"${id}","name":"Văn phòng UB`), office.id);
  await page.reload();
  await page.getByRole('heading', { name: 'Không đọc được thông tin đơn vị' }).waitFor({ timeout: 30_000 });
  await page.getByText(`Phối hợp đã đọc lại được mã cài đặt của đơn vị từ nội dung gốc của mục hỏng: ${office.id}.`, { exact: false }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Nạp dữ liệu mẫu/ }).count(), 0, 'not the first-run choices');
  await shots(page, 'office-recovery-raw');
  // The name is asked for (not readable whole), and kept with the old id.
  await page.getByRole('button', { name: 'Giữ mã này và tiếp tục' }).click();
  await page.getByRole('alert').getByText('Hãy nhập tên cơ quan, đơn vị của bạn.').waitFor();
  await page.getByLabel('Tên cơ quan / đơn vị của bạn').fill('Văn phòng UBND tỉnh Trà Vinh');
  await page.getByRole('button', { name: 'Giữ mã này và tiếp tục' }).click();
  await page.locator('.toast').getByText(`Đã lưu lại thông tin đơn vị với mã cài đặt cũ (${office.id}).`).waitFor();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('phoihop/office')));
  assert.deepEqual(stored, { id: office.id, name: 'Văn phòng UBND tỉnh Trà Vinh' });
  // Mended: a reload opens the register, and nothing is left unreadable.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByText(/mục dữ liệu đã lưu không đọc được/).count(), 0);
}, { timeout: 120_000 });

e2e('an office key with no id left is recovered from the last snapshot, name and all', async ({ page, url }) => {
  await startWithSample(page, url, 'Sở Tư pháp tỉnh Trà Vinh');
  await waitForDailySnapshot(page);
  const office = JSON.parse(await page.evaluate(() => localStorage.getItem('phoihop/office')));
  await page.evaluate(() => localStorage.setItem('phoihop/office', '{"id":"0e4f'));
  await page.reload();
  await page.getByRole('heading', { name: 'Không đọc được thông tin đơn vị' }).waitFor({ timeout: 30_000 });
  await page.getByText(new RegExp(`trong bản sao lưu lúc \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d: ${office.id}\\.`)).waitFor();
  assert.equal(await page.getByLabel('Tên cơ quan / đơn vị của bạn').inputValue(), 'Sở Tư pháp tỉnh Trà Vinh');
  await shots(page, 'office-recovery-snapshot');
  await page.getByRole('button', { name: 'Giữ mã này và tiếp tục' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('phoihop/office')));
  assert.equal(stored.id, office.id);
}, { timeout: 120_000 });

/** Starts recording what the progress bar says, each time it changes. */
function recordWork(page) {
  return page.evaluate(() => {
    window.shownWork = [];
    window.workWatch?.disconnect();
    window.shownProgress = false;
    window.workWatch = new MutationObserver(() => {
      const box = document.querySelector('.work-box strong');
      if (box && window.shownWork.at(-1) !== box.textContent) window.shownWork.push(box.textContent);
      if (document.querySelector('.work-box progress')) window.shownProgress = true;
    });
    window.workWatch.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** What the progress bar said since `recordWork`. */
function shownWork(page) {
  return page.evaluate(() => window.shownWork);
}

/** A valid export of `events` events (about 1.3 KB each) from the sample's records. */
async function largeFile(page, events) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click(),
  ]);
  const sample = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const model = sample.events[0];
  const hex = (n, width) => n.toString(16).padStart(width, '0');
  sample.events = Array.from({ length: events }, (_, i) => ({
    ...model,
    id: `${hex(i, 8)}-aaaa-4aaa-8aaa-${hex(i * 7919, 12)}`,
    title: `${model.title} (lần ${i + 1})`,
    conclusions: `Kết luận số ${i + 1}: giao các sở, ngành rà soát, bổ sung chỉ tiêu vào kế hoạch năm ${2000 + (i % 30)}, hoàn thành trước ngày ${1 + (i % 28)}/${1 + (i % 12)}. `.repeat(6),
  }));
  sample.recommendations = [];
  const file = path.join(os.tmpdir(), `phoihop-large-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(sample).replace(/\},\{"id"/g, '},\n{"id"'));
  return file;
}

e2e('a large import shows its progress while it is read and applied, and so does exporting it', async ({ page, url }) => {
  await startWithSample(page, url);
  await nav(page, 'Trao đổi dữ liệu').click();
  const file = await largeFile(page, 12_000);
  assert.ok(fs.statSync(file).size > 10_000_000, `${fs.statSync(file).size} bytes`);

  const work = page.locator('.work-box');
  // Read at each width, then cancelled. The bar is recorded as it appears (a quick read may be
  // over before a waiting test looks), and the screenshot taken while it is up as far as it can
  // catch it.
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await recordWork(page);
    await page.locator('#import-file').setInputFiles(file);
    await page.screenshot({ path: path.join(ARTIFACTS, `progress-reading-${width}.png`) });
    await page.getByRole('heading', { name: /^Xem trước:/ }).waitFor({ timeout: 60_000 });
    await work.waitFor({ state: 'detached' });
    assert.ok((await shownWork(page)).includes('Đang đọc tệp…'), `${width}: ${await shownWork(page)}`);
    assert.ok(await page.evaluate(() => window.shownProgress), `${width}: a progress bar while reading`);
    await page.getByRole('button', { name: 'Hủy, không nhập' }).click();
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('#import-file').setInputFiles(file);
  await page.getByRole('heading', { name: /^Xem trước:/ }).waitFor({ timeout: 60_000 });

  // What the bar says while the import is applied and stored (one step that holds the page,
  // painted before it starts), as the page put it on screen: too quick to wait for.
  await recordWork(page);
  await page.getByRole('button', { name: /^Nhập [\d.]+ thay đổi$/ }).click();
  await page.getByRole('heading', { name: /^Đã nhập tệp của/ }).waitFor({ timeout: 60_000 });
  assert.ok((await shownWork(page)).includes('Đang nhập dữ liệu…'));

  // The export of 12,000 records, on a slow laptop (the CPU 4× slower), takes a few slices: the
  // bar is recorded as it appears, and the screenshots are taken while it runs, as far as they
  // can catch it. On a fast machine the whole export can fit in one slice, and then no bar is
  // needed, or painted.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const said = page.locator('.card').filter({ hasText: 'Xuất tệp' }).getByRole('status');
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await recordWork(page);
    await page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click();
    await page.screenshot({ path: path.join(ARTIFACTS, `progress-export-${width}.png`) });
    await said.getByText(/Đã tạo tệp .* \(\d+,\d MB\)/).waitFor({ timeout: 60_000 });
    await work.waitFor({ state: 'detached' });
    assert.deepEqual(await shownWork(page), ['Đang xuất tệp…']);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  fs.rmSync(file);
}, { timeout: 180_000 });

e2e('a file over the import limit (120 MB, more than any export) is refused before it is read, and nothing changes', async ({ page, url }) => {
  await startWithSample(page, url);
  const file = path.join(os.tmpdir(), `phoihop-too-large-${process.pid}.json`);
  fs.writeFileSync(file, '{');
  fs.truncateSync(file, 130 * 1024 * 1024); // sparse: nothing is written to disk
  try {
    await nav(page, 'Trao đổi dữ liệu').click();
    await page.locator('#import-file').setInputFiles(file);
    await page.getByRole('alert').getByText('Tệp quá lớn: 130,0 MB, vượt giới hạn 120 MB (không tệp nào Phối hợp xuất ra lớn đến vậy). Hãy kiểm tra xem có đúng là tệp cần nhập không.').waitFor();
  } finally {
    fs.rmSync(file);
  }
});
