// Read-only means it: when the stored layout marker is damaged ("xyz") or names a newer layout,
// every control that would write is disabled with the reason beside it; an edit that gets
// through anyway (a form submitted by script) is kept in the page, said not to be saved, and
// offered for export; and nothing stored changes.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import { startWithSample, storageSnapshot, assertSameStorage } from './flows.mjs';

const DAMAGED = 'Không lưu được: dấu hiệu cách lưu dữ liệu bị hỏng, nên trang chỉ cho xem.';
const NEWER = 'Không lưu được: dữ liệu trong trình duyệt này do phiên bản Phối hợp mới hơn lưu, nên trang chỉ cho xem.';
const NOT_SAVED = 'Chưa lưu: trang đang ở chế độ chỉ xem';

const readOnlyBanner = (page) => page.locator('.banner').filter({ hasText: 'Trang đang ở chế độ chỉ xem' });

/** Puts `marker` in the layout key and reloads; returns what is stored then. */
async function markLayout(page, url, marker) {
  await page.evaluate((marker) => localStorage.setItem('phoihop/layout', marker), marker);
  await page.goto(url + '#/agreements');
  await page.reload();
  await readOnlyBanner(page).waitFor();
  return storageSnapshot(page);
}

/**
 * On the page now shown: the control named `save` is disabled, the reason is beside it, and a
 * submission forced by script (the button bypassed) says "not saved", never "Đã lưu".
 */
async function refusesToSave(page, save, reason, { form = true, says } = {}) {
  await page.getByRole('note').filter({ hasText: reason }).first().waitFor();
  assert.equal(await save.isDisabled(), true, 'the control is disabled');
  if (!form) return;
  // As a click would: the field typed in loses the focus (its change event) before the submit.
  await save.evaluate((button) => {
    document.activeElement?.blur();
    button.form.requestSubmit();
  });
  if (says) {
    await page.getByText(says).waitFor();
    assert.equal(await page.locator('.toast').count(), 0);
    return;
  }
  const toast = page.locator('.toast');
  await toast.getByText(NOT_SAVED).waitFor();
  assert.doesNotMatch(await toast.innerText(), /Đã lưu|Đã thêm/);
  await toast.getByRole('button', { name: 'Đóng thông báo' }).click();
  await toast.waitFor({ state: 'detached' });
}

async function go(page, url, hash, heading) {
  await page.goto(url + hash);
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
}

e2e('a damaged layout key makes every form read-only with the reason, keeps what gets through in the page, and changes nothing stored', async ({ page, url }) => {
  await startWithSample(page, url);
  // A file of everything, newer than what will be stored: something for the import to offer.
  const before = await storageSnapshot(page);
  await go(page, url, '#/organisations', 'Cơ quan');
  await page.getByRole('link', { name: 'Sở Y tế', exact: true }).click();
  const storedNotes = await page.getByLabel('Ghi chú', { exact: true }).inputValue();
  await page.getByLabel('Ghi chú', { exact: true }).fill('Ghi chú trong tệp');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.locator('.toast').getByText('Đã lưu', { exact: true }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), go(page, url, '#/sharing', 'Trao đổi dữ liệu').then(() =>
    page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click())]);
  const newer = path.join(ARTIFACTS, 'read-only-import.json');
  await fs.mkdir(ARTIFACTS, { recursive: true });
  await download.saveAs(newer);
  // Back to the store as it was, with the marker damaged.
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, before);
  const stored = await markLayout(page, url, 'xyz');

  // The banner says which: damaged data, not a newer version.
  const banner = readOnlyBanner(page);
  await banner.getByText(/dấu hiệu cách lưu dữ liệu bị hỏng \(chứa “xyz”/).waitFor();
  await banner.getByText(/Đây là dữ liệu hỏng, không phải dữ liệu của phiên bản mới hơn/).waitFor();
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(ARTIFACTS, `read-only-damaged-${width}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Organisation: save and delete.
  await go(page, url, '#/organisations', 'Cơ quan');
  await page.getByRole('link', { name: 'Sở Y tế', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sở Y tế' }).waitFor();
  await page.getByLabel('Ghi chú', { exact: true }).fill('Ghi chú khi chỉ xem');
  await refusesToSave(page, page.getByRole('button', { name: 'Lưu', exact: true }), DAMAGED);
  assert.equal(await page.getByRole('button', { name: 'Xóa', exact: true }).isDisabled(), true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'read-only-form.png'), fullPage: true });

  // Person.
  await go(page, url, '#/people', 'Cá nhân');
  await page.locator('table tbody tr').first().getByRole('link').first().click();
  // An edit to refuse: a save that changes nothing is no edit ("Không có thay đổi nào").
  await page.getByLabel('Ghi chú', { exact: true }).fill('Ghi chú khi chỉ xem');
  await refusesToSave(page, page.getByRole('button', { name: 'Lưu', exact: true }), DAMAGED);
  assert.equal(await page.getByRole('button', { name: 'Xóa', exact: true }).isDisabled(), true);

  // Agreement: its page (delete) and its form.
  await go(page, url, '#/agreements', 'Văn bản phối hợp');
  await page.locator('table.register tbody tr').first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Sửa', exact: true }).waitFor();
  await refusesToSave(page, page.getByRole('button', { name: 'Xóa', exact: true }), DAMAGED, { form: false });
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await page.getByLabel('Tên văn bản').fill('Văn bản sửa khi chỉ xem');
  await refusesToSave(page, page.getByRole('button', { name: 'Lưu', exact: true }), DAMAGED);

  // A new event (the dashboard's quick action leads here).
  await go(page, url, '#/', 'Tổng quan');
  await page.getByRole('link', { name: '+ Ghi sự kiện' }).first().click();
  await page.getByLabel(/^Tên sự kiện/).fill('Sự kiện khi chỉ xem');
  await page.getByLabel(/^Ngày/).fill('15/05/2019');
  await refusesToSave(page, page.getByRole('button', { name: 'Lưu', exact: true }), DAMAGED);

  // A recommendation: its form and its status.
  await go(page, url, '#/recommendations', 'Kiến nghị');
  await page.locator('table tbody tr').first().getByRole('link').first().click();
  await page.getByRole('button', { name: 'Cập nhật trạng thái' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Cập nhật trạng thái' }).isDisabled(), true);
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await page.getByLabel('Nội dung trả lời', { exact: true }).fill('Trả lời khi chỉ xem');
  await refusesToSave(page, page.getByRole('button', { name: 'Lưu', exact: true }), DAMAGED);

  // Settings: the office's name.
  await go(page, url, '#/settings', 'Cài đặt');
  await page.getByLabel('Tên cơ quan').first().fill('Tên mới khi chỉ xem');
  // The office's own form (Settings also keeps the editor's name, with its own "Lưu").
  const officeForm = page.locator('form').filter({ has: page.getByLabel('Tên cơ quan') }).first();
  await refusesToSave(page, officeForm.getByRole('button', { name: 'Lưu', exact: true }), DAMAGED, {
    says: 'Trang đang ở chế độ chỉ xem nên không ghi gì vào trình duyệt.',
  });

  // Sharing: a file is previewed, not imported. (The name typed in Settings is not saved:
  // leaving asks first.)
  page.once('dialog', (d) => d.accept());
  await go(page, url, '#/sharing', 'Trao đổi dữ liệu');
  await page.locator('#import-file').setInputFiles(newer);
  await page.getByRole('heading', { name: /^Xem trước:/ }).waitFor();
  await refusesToSave(page, page.getByRole('button', { name: /^Nhập \d+ thay đổi$/ }), DAMAGED, { form: false });

  // What got through is in the page, not stored, and offered as a file of everything.
  await banner.getByText(/bản ghi đã sửa trong trang này chưa được lưu/).waitFor();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click(),
  ]);
  const text = await fs.readFile(await file.path(), 'utf8');
  assert.ok(text.includes('Ghi chú khi chỉ xem'), 'the kept edit is in the export');
  assertSameStorage(stored, await storageSnapshot(page));

  // Reloaded: nothing stored was lost or changed, and the page is still read-only.
  page.once('dialog', (d) => d.accept());
  await page.reload();
  await readOnlyBanner(page).waitFor();
  await go(page, url, '#/organisations', 'Cơ quan');
  await page.getByRole('link', { name: 'Sở Y tế', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sở Y tế' }).waitFor();
  assert.equal(await page.getByLabel('Ghi chú', { exact: true }).inputValue(), storedNotes);
  assertSameStorage(stored, await storageSnapshot(page));
});

e2e('a layout from a newer version is read-only and says so, not that the data is damaged', async ({ page, url }) => {
  await startWithSample(page, url);
  const stored = await markLayout(page, url, '3');
  const banner = readOnlyBanner(page);
  await banner.getByText(/do một phiên bản Phối hợp mới hơn lưu \(cách lưu 3\)/).waitFor();
  assert.equal(await banner.getByText(/bị hỏng/).count(), 0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'read-only-newer.png'), fullPage: false });
  await go(page, url, '#/organisations', 'Cơ quan');
  await page.getByRole('link', { name: 'Sở Y tế', exact: true }).click();
  await page.getByLabel('Ghi chú', { exact: true }).fill('Ghi chú khi chỉ xem');
  await refusesToSave(page, page.getByRole('button', { name: 'Lưu', exact: true }), NEWER);
  assertSameStorage(stored, await storageSnapshot(page));
});
