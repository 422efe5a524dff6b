// The clerk's daily path: a real agreement typed from scratch between bodies not yet in the
// directory, both parties and the signatory added from inside the form, a reload half-way that
// keeps every typed field (the draft), then the save.
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { startEmpty, startWithSample, pick, draftStored } from './flows.mjs';

const TITLE = 'Quy chế phối hợp công tác giữa Sở Tư pháp và Hội Luật gia tỉnh Bến Tre';
const JUSTICE = 'Sở Tư pháp tỉnh Bến Tre';
const LAWYERS = 'Hội Luật gia tỉnh Bến Tre';
const SIGNATORY = 'Nguyễn Thị Thu Hà';
const POSITION = 'Giám đốc Sở Tư pháp';

/** Types a name the directory does not hold, and adds it through the picker's dialog. */
async function addThroughPicker(page, label, name, fillDialog = async () => {}) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.fill(name);
  await box.locator('xpath=..').getByRole('option', { name: `Thêm “${name}” mới`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // The dialog opens with the typed name.
  assert.equal(await dialog.getByRole('textbox').first().inputValue(), name);
  await fillDialog(dialog);
  await dialog.getByRole('button', { name: 'Thêm và chọn', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  // Chosen in the form: the box shows the new record's name.
  await page.waitForFunction(([l, n]) => {
    const labelled = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === l);
    return labelled && document.getElementById(labelled.htmlFor)?.value === n;
  }, [label, name]);
}

e2e('an agreement between two bodies not yet in the directory: typed from scratch, reloaded half-way, saved', async ({ page, url }) => {
  await startEmpty(page, url, 'Sở Tư pháp tỉnh Bến Tre');
  await page.goto(`${url}#/agreements/new`);
  await page.getByRole('heading', { level: 1, name: 'Thêm văn bản' }).waitFor();
  // No more "add it in another tab and reload".
  assert.equal(await page.getByText('tải lại trang này').count(), 0);

  await page.getByLabel('Số hiệu').fill('05/QCPH-STP-HLG');
  await page.getByLabel('Tên văn bản').fill(TITLE);
  await page.getByLabel('Giai đoạn từ').fill('2026');
  await page.getByLabel('Đến', { exact: true }).fill('2030');
  await page.getByLabel('Ngày ký', { exact: true }).fill('15/03/2026');

  await addThroughPicker(page, 'Bên 1', JUSTICE);
  await addThroughPicker(page, 'Bên 2', LAWYERS);

  // The signatory: a new person, with the post they hold, picked from the new organisation.
  await page.getByRole('button', { name: '+ Thêm người ký', exact: true }).click();
  await addThroughPicker(page, 'Người ký', SIGNATORY, async (dialog) => {
    await dialog.getByLabel('Chức vụ', { exact: true }).fill(POSITION);
    await pick(dialog, 'Cơ quan', 'so tu phap', JUSTICE);
  });
  // Choosing the person fills the post held at the signing date and the body signed for.
  assert.equal(await page.getByLabel('Chức vụ khi ký').inputValue(), POSITION);
  assert.equal(await page.getByRole('combobox', { name: 'Ký cho cơ quan', exact: true }).inputValue(), JUSTICE);
  await page.getByLabel('Ngày ký', { exact: true }).nth(1).fill('15/03/2026');

  // A reload (or a crash) half-way: the draft is in storage once the form is quiet.
  await page.waitForFunction(() => {
    const raw = localStorage.getItem('phoihop/draft/agreements/new');
    return raw && JSON.parse(raw).texts['signatories[0].signed_on'] === '15/03/2026';
  });
  const leave = (dialog) => dialog.accept();
  page.on('dialog', leave);
  await page.reload();
  page.off('dialog', leave);
  await page.getByText('Đã khôi phục bản nháp chưa lưu', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Tên văn bản').inputValue(), TITLE);
  assert.equal(await page.getByLabel('Số hiệu').inputValue(), '05/QCPH-STP-HLG');
  assert.equal(await page.getByLabel('Giai đoạn từ').inputValue(), '2026');
  assert.equal(await page.getByRole('combobox', { name: 'Bên 1', exact: true }).inputValue(), JUSTICE);
  assert.equal(await page.getByRole('combobox', { name: 'Bên 2', exact: true }).inputValue(), LAWYERS);
  assert.equal(await page.getByRole('combobox', { name: 'Người ký', exact: true }).inputValue(), SIGNATORY);
  assert.equal(await page.getByLabel('Chức vụ khi ký').inputValue(), POSITION);
  assert.equal(await page.getByLabel('Ngày ký', { exact: true }).nth(1).inputValue(), '15/03/2026');

  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByRole('status').getByText('Đã thêm văn bản.', { exact: true }).waitFor();
  // Saved: the draft is gone.
  await page.waitForFunction(() => localStorage.getItem('phoihop/draft/agreements/new') === null);
  // Both bodies and the person are in the directory.
  await page.goto(`${url}#/organisations`);
  await page.getByRole('link', { name: JUSTICE, exact: true }).waitFor();
  await page.getByRole('link', { name: LAWYERS, exact: true }).waitFor();
  await page.goto(`${url}#/people`);
  await page.getByRole('link', { name: SIGNATORY, exact: true }).waitFor();
}, { timeout: 120_000 });

e2e('a draft can be discarded: the form empties and stays empty after a reload', async ({ page, url }) => {
  await startEmpty(page, url, 'Sở Tư pháp tỉnh Bến Tre');
  await page.goto(`${url}#/agreements/new`);
  await page.getByLabel('Tên văn bản').fill(TITLE);
  await page.waitForFunction(() => localStorage.getItem('phoihop/draft/agreements/new') !== null);
  const leave = (dialog) => dialog.accept();
  page.on('dialog', leave);
  await page.reload();
  page.off('dialog', leave);
  await page.getByRole('button', { name: 'Bỏ bản nháp', exact: true }).click();
  await page.getByText('Đã khôi phục bản nháp chưa lưu', { exact: false }).waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('Tên văn bản').inputValue(), '');
  await page.waitForFunction(() => localStorage.getItem('phoihop/draft/agreements/new') === null);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Thêm văn bản' }).waitFor();
  assert.equal(await page.getByLabel('Tên văn bản').inputValue(), '');
  assert.equal(await page.getByText('Đã khôi phục bản nháp chưa lưu', { exact: false }).count(), 0);
}, { timeout: 120_000 });

e2e('removing the sample keeps the user\'s own records and the sample records they edited; undo brings the sample back', async ({ page, url }) => {
  await startWithSample(page, url);
  // The illustrative current term is there, in force, with work coming.
  await page.getByRole('link', { name: /giai đoạn \d{4} - \d{4} \(minh họa\)$/ }).waitFor();

  // The user's own organisation, and an edit of a sample person.
  await page.goto(`${url}#/organisations/new`);
  await page.getByLabel('Tên đầy đủ').fill('Sở Tư pháp tỉnh Bến Tre');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('status').getByText('Đã lưu', { exact: false }).first().waitFor();
  await page.goto(`${url}#/people`);
  await page.getByRole('link', { name: 'Đồng Văn Lâm', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Đồng Văn Lâm' }).waitFor();
  await page.getByLabel('Ghi chú', { exact: true }).fill('Số điện thoại văn phòng: 0294 000 000');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('status').getByText('Đã lưu', { exact: false }).first().waitFor();

  await page.goto(`${url}#/settings`);
  await page.getByRole('button', { name: 'Xóa dữ liệu mẫu', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: 'bản ghi mẫu' });
  await notice.getByText(/^Đã xóa \d+ bản ghi mẫu; giữ lại \d+ bản ghi mẫu/).waitFor();
  await page.getByText(/^Đã xóa dữ liệu mẫu/).waitFor();

  // The register is empty; the user's organisation and the edited person stay.
  await page.goto(`${url}#/agreements`);
  await page.getByRole('heading', { level: 1, name: 'Văn bản phối hợp' }).waitFor();
  await page.getByText('Chưa có văn bản nào', { exact: false }).waitFor();
  await page.goto(`${url}#/organisations`);
  await page.getByRole('link', { name: 'Sở Tư pháp tỉnh Bến Tre', exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Sở Y tế', exact: true }).count(), 0);
  await page.goto(`${url}#/people`);
  await page.getByRole('link', { name: 'Đồng Văn Lâm', exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Huỳnh Thị Hằng Nga', exact: true }).count(), 0);

  // Undo (Settings keeps the offer once the notice has gone): the sample is back, all of it.
  await page.goto(`${url}#/settings`);
  await page.getByRole('button', { name: 'Đưa dữ liệu mẫu trở lại', exact: true }).click();
  await page.getByText(/^Đã đưa trở lại \d+ bản ghi mẫu\.$/).first().waitFor();
  await page.goto(`${url}#/agreements`);
  await page.getByText('23 văn bản').waitFor();
  await page.goto(`${url}#/organisations`);
  await page.getByRole('link', { name: 'Sở Y tế', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Sở Tư pháp tỉnh Bến Tre', exact: true }).waitFor();
}, { timeout: 120_000 });

e2e('the notice\'s undo of a sample removal brings it back at once', async ({ page, url }) => {
  await startWithSample(page, url);
  await page.goto(`${url}#/settings`);
  await page.getByRole('button', { name: 'Xóa dữ liệu mẫu', exact: true }).click();
  const notice = page.locator('.toast').filter({ hasText: /^Đã xóa \d+ bản ghi mẫu/ });
  await notice.getByRole('button', { name: 'Hoàn tác', exact: true }).click();
  await page.getByText(/^Đã đưa trở lại \d+ bản ghi mẫu\.$/).first().waitFor();
  await page.goto(`${url}#/agreements`);
  await page.getByText('23 văn bản').waitFor();
}, { timeout: 120_000 });

/** Reloads the page, accepting the question the unsaved input asks first. */
async function reloadKeepingDraft(page) {
  const leave = (dialog) => dialog.accept();
  page.on('dialog', leave);
  await page.reload();
  page.off('dialog', leave);
  await page.getByText('Đã khôi phục bản nháp chưa lưu', { exact: false }).waitFor();
}

e2e('a recommendation typed from scratch, to a body added from inside the form, survives a reload; saved, its draft goes', async ({ page, url }) => {
  const CONTENT = 'Đề nghị Hội Luật gia tỉnh cử luật gia tham gia trợ giúp pháp lý lưu động năm 2026';
  const KEY = 'phoihop/draft/recommendations/new';
  await startEmpty(page, url, 'Sở Tư pháp tỉnh Bến Tre');
  await page.goto(`${url}#/recommendations/new`);
  await page.getByRole('heading', { level: 1, name: 'Thêm kiến nghị' }).waitFor();
  await page.locator('#recommendation-content').fill(CONTENT);
  const to = page.getByRole('combobox', { name: 'Gửi đến (cơ quan phải trả lời)', exact: true });
  await to.fill(LAWYERS);
  await to.locator('xpath=..').getByRole('option', { name: `Thêm “${LAWYERS}” mới`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Thêm và chọn', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const chip = page.locator('.addressees .chip', { hasText: LAWYERS });
  await chip.waitFor();
  // A date not yet readable is kept as typed.
  await page.locator('#recommendation-deadline').fill('31/02/2027');
  await draftStored(page, KEY, ['input', 'addressed_to', 'length'], 1);
  await draftStored(page, KEY, ['texts', 'deadline'], '31/02/2027');

  await reloadKeepingDraft(page);
  assert.equal(await page.locator('#recommendation-content').inputValue(), CONTENT);
  await chip.waitFor();
  assert.equal(await page.locator('#recommendation-deadline').inputValue(), '31/02/2027');

  await page.locator('#recommendation-deadline').fill('28/02/2027');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: CONTENT }).waitFor();
  await draftStored(page, KEY, null);
  await page.getByText('28/02/2027').first().waitFor();
}, { timeout: 120_000 });

e2e("a recommendation's content has room for a paragraph, not a pasted report: the counter, and a save refused past it", async ({ page, url }) => {
  await startEmpty(page, url, 'Sở Tư pháp tỉnh Bến Tre');
  await page.goto(`${url}#/recommendations/new`);
  await page.getByRole('heading', { level: 1, name: 'Thêm kiến nghị' }).waitFor();
  const content = page.locator('#recommendation-content');
  const sentence = 'Đề nghị Sở Tài chính tham mưu bố trí kinh phí trợ giúp pháp lý lưu động. ';
  assert.equal(sentence.length, 73);
  await content.fill(sentence.repeat(15)); // 1,094 characters once trimmed
  await page.getByText('1.094/1.000 ký tự', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Quá dài: tối đa 1.000 ký tự.', { exact: true }).waitFor();
  assert.equal(await content.getAttribute('aria-invalid'), 'true');
  // A paragraph of a few sentences fits (the counter reads the text as it will be saved).
  await content.fill(sentence.repeat(4));
  await page.getByText('291/1.000 ký tự', { exact: true }).waitFor();
}, { timeout: 120_000 });

e2e("the directory's forms keep a draft: a new organisation saved after a reload; a person's position kept, then discarded", async ({ page, url }) => {
  await startEmpty(page, url, 'Sở Tư pháp tỉnh Bến Tre');
  await page.goto(`${url}#/organisations/new`);
  await page.locator('#organisation-name').fill('Hội Luật gia');
  await page.locator('#organisation-locality').fill('Bến Tre');
  await draftStored(page, 'phoihop/draft/organisations/new', ['input', 'locality'], 'Bến Tre');
  await reloadKeepingDraft(page);
  assert.equal(await page.locator('#organisation-name').inputValue(), 'Hội Luật gia');
  assert.equal(await page.locator('#organisation-locality').inputValue(), 'Bến Tre');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Hội Luật gia (Bến Tre)' }).waitFor();
  await draftStored(page, 'phoihop/draft/organisations/new', null);

  const KEY = 'phoihop/draft/people/new';
  await page.goto(`${url}#/people/new`);
  await page.locator('#person-full-name').fill(SIGNATORY);
  await page.getByRole('button', { name: '+ Thêm chức vụ', exact: true }).click();
  await page.locator('#position-0-title').fill(POSITION);
  await page.locator('#position-0-from').fill('03/2020');
  await draftStored(page, KEY, ['texts', 'positions[0].from'], '03/2020');
  await reloadKeepingDraft(page);
  assert.equal(await page.locator('#person-full-name').inputValue(), SIGNATORY);
  assert.equal(await page.locator('#position-0-title').inputValue(), POSITION);
  assert.equal(await page.locator('#position-0-from').inputValue(), '03/2020');
  await page.getByRole('button', { name: 'Bỏ bản nháp', exact: true }).click();
  await page.getByText('Đã khôi phục bản nháp chưa lưu', { exact: false }).waitFor({ state: 'detached' });
  assert.equal(await page.locator('#person-full-name').inputValue(), '');
  await draftStored(page, KEY, null);
}, { timeout: 120_000 });
