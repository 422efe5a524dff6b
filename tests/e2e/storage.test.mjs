// Storage as a user meets it: two tabs (pages of one browser context) editing different records
// and the same record; a store filled to the brim with a large generated dataset, where work
// goes on in memory, an export is offered, and saving resumes once there is room.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import { startWithSample, searchAgreements, generatedStore } from './flows.mjs';

const NEW_PERIOD = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';

async function toRegister(page) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản' }).click();
  await page.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
}

async function openAgreement(page, search) {
  await toRegister(page);
  await searchAgreements(page, search);
  await page.locator('table.register tbody tr').first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Sửa', exact: true }).waitFor();
}

async function retitle(page, title) {
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await page.getByLabel('Tên văn bản').fill(title);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
}

e2e('two pages editing different records each see the other\'s edit without a reload', async ({ page, context, url }) => {
  await startWithSample(page, url);
  const other = await context.newPage();
  await other.goto(url + '#/agreements');
  await other.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();

  await openAgreement(page, 'so y te');
  await retitle(page, 'Kế hoạch phối hợp với Sở Y tế (sửa ở trang A)');
  await page.getByRole('heading', { level: 1, name: /sửa ở trang A/ }).waitFor();

  await openAgreement(other, 'quy che 2018');
  await retitle(other, NEW_PERIOD + ' (sửa ở trang B)');
  await other.getByRole('heading', { level: 1, name: /sửa ở trang B/ }).waitFor();

  // Each page has the other's edit, no reload in between.
  await toRegister(other);
  await searchAgreements(other, 'sua o trang a');
  await other.getByRole('link', { name: /sửa ở trang A/ }).waitFor();
  await toRegister(page);
  await searchAgreements(page, 'sua o trang b');
  await page.getByRole('link', { name: /sửa ở trang B/ }).waitFor();
  assert.equal(await page.locator('#conflicts').count(), 0);

  await other.close();
  await page.reload();
  await searchAgreements(page, 'sua o trang');
  await page.getByText('2 / 23 văn bản khớp').waitFor();

  // Settings: the meter, the day's snapshot (taken a few seconds after start), durability.
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cài đặt' }).click();
  await page.locator('#storage-backups').getByText('Hằng ngày').waitFor({ timeout: 15_000 });
  await page.locator('#storage-usage').getByText(/Đã dùng \d+(,\d)?% bộ nhớ mà trình duyệt dành cho Phối hợp/).waitFor();
  await page.locator('#unexported').getByText(/Có thay đổi chưa xuất ra tệp từ/).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'storage-settings.png'), fullPage: true });
});

e2e('the same record edited in two pages becomes a conflict; both versions are shown and the choice is kept', async ({ page, context, url }) => {
  await startWithSample(page, url);
  const other = await context.newPage();
  await other.goto(url + '#/agreements');
  await other.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
  // Both open the form of the same agreement before either saves.
  await openAgreement(page, 'quy che 2018');
  await openAgreement(other, 'quy che 2018');
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await other.getByRole('link', { name: 'Sửa', exact: true }).click();
  await page.getByLabel('Tên văn bản').fill(NEW_PERIOD + ' (bản A)');
  await other.getByLabel('Tên văn bản').fill(NEW_PERIOD + ' (bản B)');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /bản A/ }).waitFor();
  await other.getByRole('button', { name: 'Lưu', exact: true }).click();

  // B did not overwrite A: both pages show the conflict with both titles.
  for (const p of [other, page]) {
    const banner = p.locator('#conflicts');
    await banner.waitFor();
    await banner.getByText(NEW_PERIOD + ' (bản A)').first().waitFor();
    await banner.getByText(NEW_PERIOD + ' (bản B)').first().waitFor();
  }
  await other.screenshot({ path: path.join(ARTIFACTS, 'storage-conflict.png'), fullPage: false });
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('phoihop/x/')));
  assert.equal(stored.length, 1, 'the other version is stored under a conflict key');

  // B keeps its own version; the conflict goes away in both pages and the choice is stored.
  await other.locator('#conflicts').getByRole('button', { name: 'Giữ bản còn lại' }).click();
  for (const p of [other, page]) {
    await p.locator('#conflicts').waitFor({ state: 'detached' });
  }
  await other.close();
  await page.reload();
  await openAgreement(page, 'ban b');
  await page.getByRole('heading', { level: 1, name: /bản B/ }).waitFor();
});

e2e('a form saved after another page changed its record keeps that change, and a clash on one field is a conflict', async ({ page, context, url }) => {
  await startWithSample(page, url);
  const other = await context.newPage();
  const openSoYte = async (p) => {
    await p.goto(url + '#/organisations');
    await p.getByRole('link', { name: 'Sở Y tế', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: 'Sở Y tế (Trà Vinh)', exact: true }).waitFor();
  };
  await openSoYte(page);
  await openSoYte(other);
  // A types a note and has not saved yet; B changes the short name and saves.
  await page.getByLabel('Ghi chú', { exact: true }).fill('Ghi chú của trang A');
  await other.getByLabel('Tên viết tắt', { exact: true }).fill('SYT-B');
  await other.getByRole('button', { name: 'Lưu', exact: true }).click();
  await other.getByRole('status').getByText('Đã lưu', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('status').getByText('Đã lưu', { exact: true }).waitFor();

  // Both changes are kept, with no conflict: before, A's save put back the old short name.
  const stored = async (p) => {
    await p.reload();
    await p.getByRole('heading', { level: 1, name: 'Sở Y tế (Trà Vinh)', exact: true }).waitFor();
    return [await p.getByLabel('Tên viết tắt', { exact: true }).inputValue(), await p.getByLabel('Ghi chú', { exact: true }).inputValue()];
  };
  assert.deepEqual(await stored(page), ['SYT-B', 'Ghi chú của trang A']);
  assert.deepEqual(await stored(other), ['SYT-B', 'Ghi chú của trang A']);
  assert.equal(await page.locator('#conflicts').count(), 0);

  // Both change the note: neither is lost, the user decides.
  await page.getByLabel('Ghi chú', { exact: true }).fill('Ghi chú A lần hai');
  await other.getByLabel('Ghi chú', { exact: true }).fill('Ghi chú B lần hai');
  await other.getByRole('button', { name: 'Lưu', exact: true }).click();
  await other.getByRole('status').getByText('Đã lưu', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  for (const p of [page, other]) {
    const banner = p.locator('#conflicts');
    await banner.waitFor();
    await banner.getByText('Ghi chú A lần hai').first().waitFor();
    await banner.getByText('Ghi chú B lần hai').first().waitFor();
  }

  // B has typed something it has not saved, then takes A's note in the banner: the form keeps
  // what B typed (it is not drawn again from the decision), and saving it keeps A's note.
  await other.getByLabel('Tên viết tắt', { exact: true }).fill('SYT chưa lưu');
  await other.locator('#conflicts').getByRole('button', { name: 'Giữ bản còn lại' }).click();
  for (const p of [page, other]) await p.locator('#conflicts').waitFor({ state: 'detached' });
  await other.getByRole('status').getByText('Đã giải quyết xung đột: phiên bản được chọn đã lưu.').waitFor();
  assert.equal(await other.getByLabel('Tên viết tắt', { exact: true }).inputValue(), 'SYT chưa lưu');
  await other.getByRole('button', { name: 'Lưu', exact: true }).click();
  await other.getByRole('status').getByText('Đã lưu', { exact: true }).waitFor();
  assert.deepEqual(await stored(other), ['SYT chưa lưu', 'Ghi chú A lần hai']);
  await other.close();
});

e2e('with storage full of a large generated dataset, work goes on in the page, an export is offered, and saving resumes', async ({ page, url }) => {
  const store = generatedStore(50000, 2000);
  await page.goto(url);
  // As putStore: the app's own history mark must come before the goto below.
  await page.waitForFunction(() => !document.getElementById('loading'));
  const filled = await page.evaluate((json) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(JSON.parse(json))) localStorage.setItem(k, v);
    // Fill what is left with another app's data, to the last few characters.
    let n = 0;
    for (let size = 1 << 20; size >= 8; size >>= 1) {
      const chunk = 'ạ'.repeat(size);
      try { for (;;) localStorage.setItem(`e2e-filler/${n++}`, chunk); } catch (e) { /* full at this size */ }
    }
    return n;
  }, store);
  assert.ok(filled > 0);
  await page.goto(url + '#/agreements');
  await page.reload();
  await page.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor({ timeout: 60_000 });
  // Counts are written the Vietnamese way: "." groups thousands.
  await page.getByText('2.000 văn bản').waitFor({ timeout: 60_000 });
  const ours = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('phoihop/')).map((k) => [k, localStorage.getItem(k)])));
  const before = await ours();

  await page.locator('table.register tbody tr').first().getByRole('link').first().click();
  await retitle(page, 'Văn bản sửa khi bộ nhớ đầy');
  await page.getByRole('heading', { level: 1, name: 'Văn bản sửa khi bộ nhớ đầy' }).waitFor();
  const banner = page.locator('#save-failed');
  await banner.getByText('Bộ nhớ của trình duyệt dành cho trang này đã đầy.').waitFor();
  await banner.getByText(/1 bản ghi vẫn còn trong trang này/).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'storage-full-banner.png'), fullPage: false });
  assert.deepEqual(await ours(), before, 'nothing stored was changed by the refused save');

  // Closing the page now asks first.
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  assert.equal(asked.type(), 'beforeunload');
  await asked.dismiss();

  // The export holds everything, the unsaved edit included.
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.json$/);
  const text = fs.readFileSync(await file.path(), 'utf8');
  assert.ok(text.includes('Văn bản sửa khi bộ nhớ đầy'));

  // Room again: the retry stores the edit, and a reload shows it.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('e2e-filler/'))
    .forEach((k) => localStorage.removeItem(k)));
  await banner.getByRole('button', { name: 'Thử lưu lại' }).click();
  await banner.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Văn bản sửa khi bộ nhớ đầy' }).waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await page.locator('#storage-usage').getByText(/Đã dùng (5[7-9]|6\d|7[0-6])(,\d)?% bộ nhớ/).waitFor();
  // A snapshot of 3.4 million units does not fit the backup budget: said, not forced in.
  await page.locator('#storage-backups').getByText(/Bản sao lưu gần nhất không tạo được/).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'storage-settings-large.png'), fullPage: true });
}, { timeout: 300_000 });
