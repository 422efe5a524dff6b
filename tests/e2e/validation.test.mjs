// Refused input in the agreement and recommendation forms: every problem is reported at once,
// the keyboard lands on the first field to fix, an exact day is asked for where one is needed,
// and a recommendation's warning is still in view on the page the saved record opens on.
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { startWithSample, storageSnapshot, assertSameStorage, pick } from './flows.mjs';

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const notSaved = (page) => page.getByRole('alert').filter({ hasText: /^Chưa lưu: có \d+ chỗ cần sửa/ });

async function openNewAgreement(page, url) {
  await page.goto(`${url}#/agreements/new`);
  await page.getByRole('heading', { level: 1, name: 'Thêm văn bản', exact: true }).waitFor();
}

e2e('agreement form: a refused save reports every problem and puts the keyboard on the first', async ({ page, url }) => {
  await startWithSample(page, url);
  await openNewAgreement(page, url);
  const before = await storageSnapshot(page);

  // Nothing typed: the title is the first field to fix.
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await notSaved(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'f-title');
  assert.equal(await page.locator('#f-title').getAttribute('aria-invalid'), 'true');

  // A date that cannot be read no longer hides the other problems (here: the parties).
  await page.locator('#f-title').fill('Kế hoạch thử ngày 2024');
  await page.locator('#f-period-start').fill('abc');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'f-period-start');
  const banner = await notSaved(page).textContent();
  const count = Number(banner.match(/có (\d+) chỗ/)[1]);
  assert.ok(count >= 2, `the date and the other problems are counted: ${banner}`);
  const invalid = await page.locator('#agreement-form [aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.id));
  assert.ok(invalid.includes('f-period-start'), `period start marked: ${invalid}`);
  assert.ok(invalid.some((id) => id.startsWith('party-org-')), `a party row marked too: ${invalid}`);
  assert.equal(await page.locator('#f-title').getAttribute('aria-invalid'), null, 'the title is fine now');

  // A year alone is a period's bound, not a signing date: an exact day is asked for.
  await page.locator('#f-period-start').fill('2024');
  await page.locator('#f-signed-on').fill('2019');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Cần ngày cụ thể: nhập dd/mm/yyyy, ví dụ 02/04/2018.', { exact: true }).waitFor();
  assert.equal(await page.locator('#f-signed-on').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#f-period-start').getAttribute('aria-invalid'), null, '"2024" is fine for a period');

  assertSameStorage(before, await storageSnapshot(page));
});

e2e('recommendation: no addressee puts the keyboard on the choices; a warning stays on the new page', async ({ page, url }) => {
  await startWithSample(page, url);
  await page.goto(`${url}#/recommendations/new`);
  await page.locator('#recommendation-content').fill('Kiến nghị thử: bố trí phòng sinh hoạt cho thanh niên.');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Chọn ít nhất một cơ quan nhận kiến nghị.', { exact: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('recommendation-to-'));
  assert.match(await focusedId(page), /^recommendation-to-/);

  await pick(page, 'Gửi đến (cơ quan phải trả lời)', 'So Y te', 'Sở Y tế (Trà Vinh)');
  await page.getByLabel('Ngày nêu', { exact: true }).fill('15/05/2024');
  await page.locator('#recommendation-deadline').fill('10/05/2024');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('status').getByText('Đã thêm kiến nghị.', { exact: true }).waitFor();
  await page.waitForURL(/#\/recommendations\/[0-9a-f-]{36}$/);
  // The saved record's page: the warning found while saving is shown there too.
  await page.getByText('Hạn xử lý đứng trước ngày nêu kiến nghị. Kiểm tra lại.', { exact: true }).waitFor();
  await page.reload();
  await page.getByText('Hạn xử lý đứng trước ngày nêu kiến nghị. Kiểm tra lại.', { exact: true }).waitFor();
});

e2e('agreement form: a status set by hand is refused without its reason, marked at the reason', async ({ page, url }) => {
  await startWithSample(page, url);
  await openNewAgreement(page, url);
  const before = await storageSnapshot(page);
  await page.locator('#f-status').selectOption('Terminated');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await notSaved(page).waitFor();
  await page.waitForFunction(() => document.getElementById('f-status-reason')?.getAttribute('aria-invalid') === 'true');
  // The reason typed: that field is fine (the rest of the empty form is still refused).
  await page.locator('#f-status-reason').fill('Sáp nhập tỉnh');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await notSaved(page).waitFor();
  await page.waitForFunction(() => document.getElementById('f-status-reason')?.getAttribute('aria-invalid') === null);
  assertSameStorage(before, await storageSnapshot(page));
});

e2e('every form refuses a save in the same words, with how many fields to fix', async ({ page, url }) => {
  await startWithSample(page, url);
  const forms = [
    ['agreements/new', 'Thêm văn bản'],
    ['events/new', 'Ghi sự kiện'],
    ['recommendations/new', 'Thêm kiến nghị'],
    ['organisations/new', 'Thêm cơ quan, đơn vị'],
    ['people/new', 'Thêm người'],
  ];
  const said = {};
  for (const [route, title] of forms) {
    await page.goto(`${url}#/${route}`);
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: /^Chưa lưu/ });
    await alert.waitFor({ timeout: 10_000 });
    said[route] = (await alert.textContent()).trim();
  }
  for (const [route, text] of Object.entries(said)) {
    assert.match(text, /^Chưa lưu: có \d+ chỗ cần sửa \(đánh dấu đỏ\)\. Dữ liệu chưa thay đổi\.$/, `${route}: ${text}`);
  }
  assert.equal(said['organisations/new'], 'Chưa lưu: có 1 chỗ cần sửa (đánh dấu đỏ). Dữ liệu chưa thay đổi.');

  // A date that cannot be read counts as one more field to fix (here with the missing name).
  await page.goto(`${url}#/people/new`);
  await page.getByRole('button', { name: '+ Thêm chức vụ' }).click();
  await page.getByLabel('Từ ngày').fill('abc');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const person = page.getByRole('alert').filter({ hasText: /^Chưa lưu/ });
  await person.waitFor();
  const count = Number((await person.textContent()).match(/có (\d+) chỗ/)[1]);
  const marked = await page.locator('#person-form [aria-invalid="true"]').count();
  assert.ok(count >= 2 && count === marked, `counted ${count}, marked ${marked}`);

  // The same words in English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText(`Not saved: ${count} things to fix (marked in red). Nothing has changed yet.`, { exact: true }).waitFor();
});

e2e('saving a form without a change writes nothing and says nothing changed', async ({ page, url }) => {
  await startWithSample(page, url);
  const before = await storageSnapshot(page);
  const nothingChanged = page.getByRole('status').getByText(/^Không có thay đổi nào/);
  const closeNotice = () => page.getByRole('button', { name: 'Đóng thông báo' }).first().click();

  // An agreement, opened for editing and saved as it is.
  await page.locator('table.register tbody tr').first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await nothingChanged.waitFor();
  await page.waitForURL(/#\/agreements\/[0-9a-f-]{36}$/);
  await closeNotice();

  // An organisation's page is its form.
  await page.goto(`${url}#/organisations`);
  await page.getByRole('link', { name: 'Sở Y tế', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: /Sở Y tế/ }).waitFor();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await nothingChanged.waitFor();
  await closeNotice();

  // An event, through its edit form.
  await page.goto(`${url}#/events`);
  await page.locator('main table tbody tr').first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await nothingChanged.waitFor();
  await closeNotice();

  // A person's page is their form.
  await page.goto(`${url}#/people`);
  await page.locator('table.register tbody tr').first().getByRole('link').first().click();
  await page.locator('#person-form').waitFor();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await nothingChanged.waitFor();
  await closeNotice();

  // A recommendation, through its edit form.
  await page.goto(`${url}#/recommendations`);
  await page.locator('table.register tbody tr').first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await page.locator('#recommendation-form').waitFor();
  await page.locator('#recommendation-form').getByRole('button', { name: 'Lưu', exact: true }).click();
  await nothingChanged.waitFor();

  // The snapshot waits for any write a save queued under the store's lock.
  assertSameStorage(before, await storageSnapshot(page));
});
