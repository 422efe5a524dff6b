// Two languages: Vietnamese by default, English one click away (the header button), the choice
// remembered across a reload and mirrored on <html lang>; the user's data (here the sample's
// Vietnamese titles and names) is never translated; dates stay dd/mm/yyyy.
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { startWithSample } from './flows.mjs';

const NEW_PERIOD = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';

/** No message id shown in place of a text, no Unicode isolation mark around an argument. */
async function assertNoRawKeys(page) {
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /Unknown localization/);
  assert.doesNotMatch(text, /[\u2068\u2069]/);
}

e2e('English one click away, remembered after a reload, data left as typed', async ({ page, url }) => {
  await startWithSample(page, url);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');

  await page.getByRole('button', { name: 'English' }).click();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Agreements' }).waitFor();
  for (const name of ['Overview', 'Events', 'Recommendations', 'Organisations', 'People', 'Settings']) {
    await nav.getByRole('link', { name }).waitFor();
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  // The register: interface in English, the sample's titles as they are.
  await page.getByRole('heading', { level: 1, name: 'Coordination agreements' }).waitFor();
  await page.getByText('23 agreements', { exact: true }).waitFor();
  await page.getByRole('columnheader', { name: 'Title' }).waitFor();
  await page.getByLabel('Search agreements').fill('quy che 2018');
  await page.getByText('1 of 23 agreements match').waitFor();
  await page.locator('table.register tbody tr').first().getByRole('link', { name: NEW_PERIOD }).click();

  // An agreement page: headings and buttons in English, the title, names and dates as stored.
  await page.getByRole('heading', { level: 1, name: NEW_PERIOD }).waitFor();
  await page.getByRole('heading', { name: 'General information' }).waitFor();
  await page.getByRole('heading', { name: 'Signatories' }).waitFor();
  await page.getByRole('link', { name: 'Edit', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Duplicate for the next period' }).waitFor();
  await page.getByRole('link', { name: 'Đồng Văn Lâm' }).waitFor();
  await page.locator('table.signatures').getByText('Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh').waitFor();
  const meta = await page.locator('.record-meta').innerText();
  assert.match(meta, /^Created \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · Last edited /);
  await assertNoRawKeys(page);
  const agreementUrl = page.url();

  // The choice is remembered.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: NEW_PERIOD }).waitFor();
  await page.getByRole('heading', { name: 'General information' }).waitFor();
  assert.equal(page.url(), agreementUrl);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Agreements' }).waitFor();

  // The dashboard and the form in English too.
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.getByRole('heading', { name: 'Due tasks' }).waitFor();
  await assertNoRawKeys(page);
  await page.goto(agreementUrl.replace(/#.*$/, '#/agreements/new'));
  await page.getByRole('heading', { level: 1, name: 'Add an agreement' }).waitFor();
  await page.getByLabel('Party 1').waitFor();
  await assertNoRawKeys(page);

  // And back to Vietnamese, also remembered.
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thêm văn bản' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  await page.goto(agreementUrl);
  await page.reload();
  await page.getByRole('heading', { name: 'Thông tin chung' }).waitFor();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản' }).waitFor();
});

e2e('a language switch rewords what is already on screen, the form keeps its input', async ({ page, url }) => {
  await startWithSample(page, url);
  // The notice of the sample just loaded is reworded too, and back.
  const toast = page.locator('.toast');
  await toast.getByText('Đã nạp dữ liệu mẫu: Trà Vinh 2013 – 2022 và một giai đoạn hiện tại minh họa.').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await toast.getByText('Sample data loaded: Trà Vinh 2013 – 2022 and an illustrative current period.').waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await toast.getByText('Đã nạp dữ liệu mẫu: Trà Vinh 2013 – 2022 và một giai đoạn hiện tại minh họa.').waitFor();
  await page.getByRole('link', { name: '+ Thêm văn bản' }).first().click();
  await page.getByLabel('Tên văn bản').fill('Quy chế thử nghiệm');
  await page.getByLabel('Giai đoạn từ').fill('2022');
  await page.getByLabel('Đến', { exact: true }).fill('2018');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText(/Chưa lưu: có \d+ chỗ cần sửa/).waitFor();
  await page.getByText('Ngày kết thúc đứng trước ngày bắt đầu.').waitFor();

  await page.getByRole('button', { name: 'English' }).click();
  // The problems found before the switch are worded again, the input is still there.
  await page.getByText('The end date is before the start date.').waitFor();
  await page.getByText(/Not saved: \d+ things? to fix/).waitFor();
  assert.equal(await page.getByLabel('Title').inputValue(), 'Quy chế thử nghiệm');
  assert.equal(await page.getByLabel('Period from').inputValue(), '2022');
  await assertNoRawKeys(page);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByText('Ngày kết thúc đứng trước ngày bắt đầu.').waitFor();
});

e2e('the first-run screen has the switch too, and the choice carries on', async ({ page, url }) => {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Chào mừng đến với Phối hợp' }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Welcome to Phối hợp' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByLabel('Name of your office or unit').fill('Văn phòng UBND tỉnh Trà Vinh');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: /Load the sample data/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Coordination agreements' }).waitFor();
  await page.getByText('23 agreements', { exact: true }).waitFor();
  await page.getByText('Sample data loaded: Trà Vinh 2013 – 2022 and an illustrative current period.').waitFor();
  await assertNoRawKeys(page);
});

e2e('the sharing page and storage settings in English: a refused file in English words, numbers and plurals the English way', async ({ page, url }) => {
  const { default: path } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { ARTIFACTS } = await import('./harness.mjs');
  const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
  await startWithSample(page, url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Exchange data' }).click();
  await page.getByRole('heading', { level: 1, name: 'Exchange data' }).waitFor();
  await page.getByRole('heading', { name: 'Export a file' }).waitFor();
  await page.getByText(/^Data here: \d+ organisations, \d+ people, 23 agreements, \d+ events, \d+ recommendations\.$/).waitFor();
  await page.getByRole('button', { name: 'Export all data' }).waitFor();
  await page.getByText('Choose a file…').waitFor();

  // A refused file: the core's refusal, worded in English, the path and value as in the file.
  await page.locator('#import-file').setInputFiles(path.join(fixtures, 'bad', '32-bad-period-end.json'));
  const refusal = page.getByRole('alert').filter({ hasText: 'was not imported.' });
  await refusal.waitFor();
  assert.equal(
    (await refusal.textContent()).replace(/\s+/g, " ").trim(),
    '“32-bad-period-end.json” was not imported. Wrong structure at agreements[3].period.end: not a valid date in the form yyyy-mm-dd. Value in the file: "31/12/2022". The data here has not changed.',
  );
  // Switching back rewords the refusal already shown.
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('alert').filter({ hasText: 'Sai cấu trúc tại agreements[3].period.end: không phải ngày hợp lệ dạng yyyy-mm-dd.' }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('#import-file').setInputFiles(path.join(fixtures, 'bad', '15-array.json'));
  await page.getByText('This is not a Phối hợp data file: the content is an array, not a JSON object.').waitFor();

  // A good file's preview: groups, counts and buttons in English.
  await page.locator('#import-file').setInputFiles(path.join(fixtures, 'schema-v1.json'));
  await page.getByRole('heading', { name: 'Preview: schema-v1.json' }).waitFor();
  await page.getByLabel('Records by group').getByText('Newer in the file').waitFor();
  await page.getByRole('button', { name: 'Cancel, do not import' }).waitFor();
  await page.getByRole('button', { name: /^Import \d+ changes?$/ }).waitFor();
  if (await page.locator('article.conflict').count()) {
    await page.getByRole('columnheader', { name: 'Version in the file' }).first().waitFor();
    await page.getByRole('group', { name: 'Which version to keep?' }).first().waitFor();
  }
  await assertNoRawKeys(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'i18n-en-sharing-preview.png'), fullPage: true });

  // Storage settings in English: the meter's figures with a decimal point, the backups' table.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Browser storage' }).waitFor();
  await page.getByText(/^Phối hợp is using \d+(\.\d)?% of the room the browser gives it \(backups alone: \d+(\.\d)?%\)\./).waitFor();
  await page.getByRole('heading', { name: 'How safe the data is' }).waitFor();
  await page.getByRole('heading', { name: 'Backups in the browser' }).waitFor();
  await page.getByRole('heading', { name: 'Data that could not be read' }).waitFor();
  await page.getByText('All saved data can be read.').waitFor();
  // After a reload the day's backup is taken (a few seconds after the start): its row in English,
  // the buttons' column named for screen readers.
  await page.reload();
  await page.getByRole('cell', { name: 'Daily', exact: true }).waitFor({ timeout: 15_000 });
  await page.getByRole('columnheader', { name: 'Actions' }).waitFor();
  await page.getByRole('cell', { name: /^\d+(\.\d)?% of the storage$/ }).waitFor();
  await page.getByRole('button', { name: 'Restore…' }).waitFor();
  await assertNoRawKeys(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'i18n-en-storage-settings.png'), fullPage: true });
});

e2e('in English: deleting says so and undo answers in English; a deleted record\'s page says what is missing', async ({ page, url }) => {
  await startWithSample(page, url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Search agreements').fill('so y te');
  await page.locator('table.register tbody tr').first().getByRole('link').click();
  const title = (await page.getByRole('heading', { level: 1, name: /Sở Y tế/ }).textContent()).trim();
  const pageUrl = page.url();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByText(`Deleted “${title}”.`).waitFor();
  await page.getByText('22 agreements').waitFor();
  // The deleted agreement's own link now tells what is missing, in English.
  await page.goto(pageUrl);
  await page.getByRole('heading', { level: 1, name: 'No such agreement' }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('Undone: the record is back.').waitFor();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await assertNoRawKeys(page);
});
