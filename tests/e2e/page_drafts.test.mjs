// The agreement page's own forms (results by area, the close-out, "Bản gốc") keep what is typed
// in storage, as the record forms do (clerk.test.mjs): after a reload the page opens them on
// their drafts and says so, with "Bỏ bản nháp"; saving, cancelling or discarding drops the draft.
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { startWithSample, searchAgreements, draftStored } from './flows.mjs';

const REGULATION_2018 = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';
const RESTORED = 'Đã khôi phục bản nháp chưa lưu';
const EVIDENCE = 'Báo cáo số 12/BC-TĐ ngày 20/12/2019';
const LESSONS = 'Phân công rõ đơn vị chủ trì từng nội dung;\nhọp giao ban mỗi quý.';
const LOCATION = '\\\\vanthu\\quet\\2018\\QCPH-2018.pdf';

const h1 = (page, name) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const toast = (page, text) => page.getByRole('status').getByText(text, { exact: true }).waitFor();

/** The card (section) whose heading is `name`. */
const card = (page, name) =>
  page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
const results = (page) => card(page, 'Kết quả theo nội dung phối hợp');
const closeOut = (page) => card(page, 'Tổng kết giai đoạn');
const original = (page) => card(page, 'Bản gốc');

/** Opens the sample's 2018–2022 regulation (its period has ended: the close-out shows); returns its id. */
async function openRegulation(page, url) {
  await startWithSample(page, url);
  await searchAgreements(page, 'quy che 2018');
  await page.getByRole('link', { name: REGULATION_2018, exact: true }).click();
  await h1(page, REGULATION_2018);
  return page.evaluate(() => location.hash.match(/#\/agreements\/([0-9a-f-]{36})/)[1]);
}

async function openResults(page) {
  await page.getByRole('link', { name: 'Kết quả và tổng kết', exact: true }).click();
  await results(page).waitFor();
}

const draftKey = (id, form) => `phoihop/draft/agreements/${id}/${form}`;

/** Reloads, accepting the question the unsaved input asks first. */
async function reloadKeepingInput(page) {
  const leave = (dialog) => dialog.accept();
  page.on('dialog', leave);
  await page.reload();
  page.off('dialog', leave);
}

e2e('agreement page: the results and close-out forms survive a reload, said with the restored notice; saved, no notice after the next reload', async ({ page, url }) => {
  const id = await openRegulation(page, url);
  await openResults(page);
  await page.locator('#result-year').selectOption('2019');
  await page.locator('#result-mark').selectOption('Waived');
  await page.getByLabel('Minh chứng', { exact: true }).fill(EVIDENCE);
  const lessons = page.getByLabel('Bài học kinh nghiệm', { exact: true });
  await lessons.fill(LESSONS);
  // Each form's draft is in storage once the form is quiet (text as typed, line breaks too).
  await draftStored(page, draftKey(id, 'area-results'), ['input', 'evidence'], EVIDENCE);
  await draftStored(page, draftKey(id, 'close-out'), ['input', 'lessons'], LESSONS);

  await reloadKeepingInput(page);
  await h1(page, REGULATION_2018);
  // The page reopens on its results section, each form saying it holds a restored draft.
  await results(page).getByText(RESTORED, { exact: false }).waitFor();
  await closeOut(page).getByText(RESTORED, { exact: false }).waitFor();
  assert.equal(await page.getByText(RESTORED, { exact: false }).count(), 2, 'one notice per form');
  assert.equal(await page.locator('#result-year').inputValue(), '2019');
  assert.equal(await page.locator('#result-mark').inputValue(), 'Waived');
  assert.equal(await page.getByLabel('Minh chứng', { exact: true }).inputValue(), EVIDENCE);
  assert.equal(await lessons.inputValue(), LESSONS);

  // Saving the result: its draft and notice go; the close-out keeps its own through the redraw.
  await page.getByRole('button', { name: 'Ghi kết quả', exact: true }).click();
  await toast(page, 'Đã ghi kết quả.');
  await page.locator(`td[title="${EVIDENCE}"]`).waitFor();
  await results(page).getByText(RESTORED, { exact: false }).waitFor({ state: 'detached' });
  await draftStored(page, draftKey(id, 'area-results'), null);
  await closeOut(page).getByText(RESTORED, { exact: false }).waitFor();
  assert.equal(await lessons.inputValue(), LESSONS);
  assert.ok(await page.evaluate((k) => localStorage.getItem(k) !== null, draftKey(id, 'close-out')));

  await page.getByRole('button', { name: 'Lưu tổng kết', exact: true }).click();
  await toast(page, 'Đã lưu tổng kết giai đoạn.');
  await closeOut(page).getByText(RESTORED, { exact: false }).waitFor({ state: 'detached' });
  await draftStored(page, draftKey(id, 'close-out'), null);

  // Nothing unsaved: the reload asks nothing (an unanswered question would stop it), and the
  // page opens on what was saved, with no notice.
  await page.reload();
  await h1(page, REGULATION_2018);
  await page.locator(`td[title="${EVIDENCE}"]`).waitFor();
  await page.waitForFunction((text) => document.getElementById('closeout-lessons')?.value === text, LESSONS.trim());
  assert.equal(await page.getByText(RESTORED, { exact: false }).count(), 0);
  assert.equal(await page.getByLabel('Minh chứng', { exact: true }).inputValue(), '');
}, { timeout: 120_000 });

e2e('agreement page: a draft left by going to another page is there on coming back; "Bỏ bản nháp" gives the close-out back as stored, for good', async ({ page, url }) => {
  const id = await openRegulation(page, url);
  await openResults(page);
  const lessons = page.getByLabel('Bài học kinh nghiệm', { exact: true });
  const stored = await lessons.inputValue();
  await lessons.fill(LESSONS);

  // Straight to another page (the question answered "leave"), and back.
  const leave = (dialog) => dialog.accept();
  page.on('dialog', leave);
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sự kiện', exact: true }).click();
  await h1(page, 'Sự kiện');
  page.off('dialog', leave);
  await draftStored(page, draftKey(id, 'close-out'), ['input', 'lessons'], LESSONS);
  await page.goBack();
  await h1(page, REGULATION_2018);
  const notice = closeOut(page).getByText(RESTORED, { exact: false });
  await notice.waitFor();
  assert.equal(await lessons.inputValue(), LESSONS);
  await closeOut(page).getByRole('button', { name: 'Bỏ bản nháp', exact: true }).click();
  await notice.waitFor({ state: 'detached' });
  assert.equal(await lessons.inputValue(), stored);
  await draftStored(page, draftKey(id, 'close-out'), null);

  // Discarded, nothing is unsaved: the reload asks nothing, and brings no draft back.
  await page.reload();
  await h1(page, REGULATION_2018);
  await closeOut(page).waitFor();
  assert.equal(await lessons.inputValue(), stored);
  assert.equal(await page.getByText(RESTORED, { exact: false }).count(), 0);
}, { timeout: 120_000 });

e2e('agreement page: "Bản gốc" keeps its draft through a save elsewhere on the page and a reload; cancelled, it goes', async ({ page, url }) => {
  const id = await openRegulation(page, url);
  await original(page).locator('#original-edit').click();
  await page.locator('#original-location').fill(LOCATION);
  await draftStored(page, draftKey(id, 'original'), ['input', 'location'], LOCATION);

  // A result recorded meanwhile: the agreement changes, every section is drawn again.
  await openResults(page);
  await page.getByLabel('Minh chứng', { exact: true }).fill(EVIDENCE);
  await page.getByRole('button', { name: 'Ghi kết quả', exact: true }).click();
  await toast(page, 'Đã ghi kết quả.');
  await page.locator(`td[title="${EVIDENCE}"]`).waitFor();
  await page.getByRole('link', { name: 'Nội dung văn bản', exact: true }).click();
  assert.equal(await page.locator('#original-location').inputValue(), LOCATION);

  await reloadKeepingInput(page);
  await h1(page, REGULATION_2018);
  await original(page).getByText(RESTORED, { exact: false }).waitFor();
  assert.equal(await page.locator('#original-location').inputValue(), LOCATION);

  await original(page).getByRole('button', { name: 'Hủy', exact: true }).click();
  await page.locator('#original-form').waitFor({ state: 'detached' });
  await original(page).getByText(RESTORED, { exact: false }).waitFor({ state: 'detached' });
  await draftStored(page, draftKey(id, 'original'), null);
  await page.reload();
  await h1(page, REGULATION_2018);
  await original(page).locator('#original-edit').waitFor();
  assert.equal(await page.locator('#original-form').count(), 0);
  assert.equal(await page.getByText(RESTORED, { exact: false }).count(), 0);
}, { timeout: 120_000 });

e2e('agreement page: "Hủy" gives the close-out\'s typed input up at once; saving it unchanged says nothing changed', async ({ page, url }) => {
  const id = await openRegulation(page, url);
  await openResults(page);
  const lessons = closeOut(page).getByLabel('Bài học kinh nghiệm');
  const stored = await lessons.inputValue();
  await lessons.fill(LESSONS);
  await draftStored(page, draftKey(id, 'close-out'), ['input', 'lessons'], LESSONS);
  await closeOut(page).getByRole('button', { name: 'Hủy', exact: true }).click();
  await draftStored(page, draftKey(id, 'close-out'), null);
  assert.equal(await closeOut(page).getByLabel('Bài học kinh nghiệm').inputValue(), stored);
  // Saved as it is stored: no edit, and the notice says so.
  await closeOut(page).getByRole('button', { name: 'Lưu tổng kết', exact: true }).click();
  await toast(page, 'Không có thay đổi nào: bản ghi vẫn như đã lưu, không ghi gì thêm.');
});

e2e('agreement page: the close-out saved with the focus still in a field (as Safari does) is saved, and no draft is left', async ({ page, url }) => {
  const id = await openRegulation(page, url);
  await openResults(page);
  await closeOut(page).getByLabel('Bài học kinh nghiệm').fill(LESSONS);
  await draftStored(page, draftKey(id, 'close-out'), ['input', 'lessons'], LESSONS);
  // The save redraws the section while the focus is still in the field it leaves with.
  await page.evaluate(() => [...document.querySelectorAll('form.stack button[type=submit]')]
    .find((b) => b.textContent.trim() === 'Lưu tổng kết').click());
  await toast(page, 'Đã lưu tổng kết giai đoạn.');
  await draftStored(page, draftKey(id, 'close-out'), null);
  assert.equal(await closeOut(page).getByLabel('Bài học kinh nghiệm').inputValue(), LESSONS);
});
