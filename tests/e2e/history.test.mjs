// Each record's history, as offices see it: who changed what, where, old → new, after the file
// went from one office to the other; and the audit page that lists every change.
import assert from 'node:assert/strict';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import {
  startWithSample, otherOffice, exportAll, previewFile, confirmImport, nav, editTitle, searchAgreements,
} from './flows.mjs';

const REG_2018 = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';
const NEW_TITLE = 'Quy chế phối hợp 2018 - 2022 (Văn phòng sửa)';

/** Answers the once-per-browser question for the person's name. */
async function giveName(page, name) {
  await page.getByLabel(/^Bạn chưa cho biết tên/).fill(name);
  await page.getByRole('button', { name: 'Lưu tên', exact: true }).click();
  await page.getByRole('button', { name: 'Lưu tên', exact: true }).waitFor({ state: 'detached' });
}

async function shoot(page, name) {
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

e2e('an edit made at office A shows on B\'s agreement page with the person, the field and old → new; the audit page filters by person', async ({ page: a, browser, url, errors }) => {
  const { context, page: b } = await otherOffice(browser, errors);
  try {
    await startWithSample(a, url, 'Văn phòng UBND tỉnh Trà Vinh');
    await giveName(a, 'Lê Thị Hoa');
    await editTitle(a, 'quy che 2018', NEW_TITLE);
    const fromA = await exportAll(a, 'history-a');

    await startWithSample(b, url, 'Tỉnh Đoàn Trà Vinh');
    await giveName(b, 'Trần Văn Nam');
    await previewFile(b, fromA);
    await confirmImport(b);

    // The import's report links to the change log filtered to A's changes.
    await b.getByRole('link', { name: /^Xem mọi thay đổi do Văn phòng UBND tỉnh Trà Vinh thực hiện/ }).click();
    await b.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }).waitFor();
    await b.getByRole('status').getByText('1 thay đổi').waitFor();
    await b.locator('ol.audit li.timeline-entry').first().getByRole('link', { name: NEW_TITLE }).waitFor();
    const auditOfA = b.url();
    assert.match(auditOfA, /#\/audit\?office=[0-9a-f-]{36}$/);

    // B's page of the agreement: A's entry, newest first.
    await nav(b, 'Văn bản').click();
    await searchAgreements(b, 'van phong sua');
    await b.locator('table.register tbody tr').first().getByRole('link').first().click();
    await b.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    const history = b.locator('section.record-history');
    const entry = history.locator('li.timeline-entry').first();
    await entry.getByText(/Lê Thị Hoa/).waitFor();
    // The other office by the name its file gave, not by its id.
    assert.match(await entry.locator('.timeline-head').textContent(), /Lê Thị Hoa · Văn phòng UBND tỉnh Trà Vinh/);
    // The field by its label, its path kept as the label's title.
    const title = entry.locator('.history-fields li').filter({ has: b.locator('.history-field', { hasText: /^Tên văn bản$/ }) });
    assert.equal(await title.locator('.history-field').getAttribute('title'), 'title');
    assert.equal(await title.locator('.history-before').textContent(), REG_2018);
    assert.equal(await title.locator('.history-after').textContent(), NEW_TITLE);
    await history.scrollIntoViewIfNeeded();
    await shoot(b, 'history-agreement-vi');

    // B makes its own change; the audit lists both, and by person only A's.
    await editTitle(b, 'quy che 2013', 'Quy chế 2013 - 2017 (Tỉnh Đoàn sửa)');
    await nav(b, 'Nhật ký thay đổi').click();
    await b.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }).waitFor();
    await b.getByRole('status').getByText('2 thay đổi').waitFor();
    await b.getByLabel('Người sửa').selectOption('Lê Thị Hoa');
    await b.getByRole('status').getByText('1 thay đổi').waitFor();
    const rows = b.locator('ol.audit li.timeline-entry');
    assert.equal(await rows.count(), 1);
    await rows.first().getByRole('link', { name: NEW_TITLE }).waitFor();
    await b.getByLabel('Người sửa').selectOption('Trần Văn Nam');
    await rows.first().getByRole('link', { name: 'Quy chế 2013 - 2017 (Tỉnh Đoàn sửa)' }).waitFor();
    assert.equal(await rows.count(), 1);
    await b.getByLabel('Người sửa').selectOption({ label: 'Tất cả' });
    await b.getByRole('status').getByText('2 thay đổi').waitFor();
    // By office, named; by days typed as everywhere else (dd/mm/yyyy), a bad one said beside it.
    await b.getByRole('combobox', { name: /^Đơn vị/ }).selectOption({ label: 'Văn phòng UBND tỉnh Trà Vinh' });
    await b.getByRole('status').getByText('1 thay đổi').waitFor();
    await rows.first().getByRole('link', { name: NEW_TITLE }).waitFor();
    await b.getByRole('combobox', { name: /^Đơn vị/ }).selectOption({ label: 'Tất cả' });
    await b.getByRole('status').getByText('2 thay đổi').waitFor();
    const tomorrow = new Date(Date.now() + 7 * 3600_000 + 86_400_000);
    const day = (d) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    await b.getByLabel('Từ ngày').fill(day(tomorrow));
    await b.getByRole('status').getByText('0 thay đổi').waitFor();
    await b.getByText('Không có thay đổi nào khớp với các điều kiện lọc đã chọn.').waitFor();
    await b.getByLabel('Từ ngày').fill('31/02/2026');
    await b.getByText('Ngày này không tồn tại.').waitFor();
    await b.getByRole('status').getByText('2 thay đổi').waitFor();
    await b.getByLabel('Từ ngày').fill('');
    await b.getByLabel('Đến ngày').fill(day(new Date(Date.now() + 7 * 3600_000)));
    await b.getByRole('status').getByText('2 thay đổi').waitFor();
    assert.equal(await b.getByText('Ngày này không tồn tại.').count(), 0);
    await b.getByLabel('Đến ngày').fill('');
    await shoot(b, 'history-audit-vi');
    // The report's link still shows A's change alone.
    await b.goto(auditOfA);
    await b.locator('ol.audit li.timeline-entry').first().getByRole('link', { name: NEW_TITLE }).waitFor();
    await b.getByRole('status').getByText('1 thay đổi').waitFor();

    // The same in English.
    await b.getByRole('button', { name: /English/ }).click();
    await b.getByRole('heading', { level: 1, name: 'Change log' }).waitFor();
    await shoot(b, 'history-audit-en');
    await rows.first().getByRole('link').first().click();
    await b.getByRole('heading', { level: 2, name: 'Change history' }).waitFor();
    await b.locator('section.record-history').scrollIntoViewIfNeeded();
    await shoot(b, 'history-agreement-en');
  } finally {
    await context.close();
  }
});

e2e('a record whose older changes were folded shows them as one summary at the bottom of its timeline, and the audit says they are not listed', async ({ page, url }) => {
  const fixtures = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures');
  await startWithSample(page, url);
  await giveName(page, 'Trần Văn Nam');
  // Schema 3's fixture: the 2013–2017 regulation edited eight times, its three oldest folded.
  await previewFile(page, path.join(fixtures, 'schema-v3.json'));
  await confirmImport(page);
  await nav(page, 'Văn bản').click();
  await searchAgreements(page, 'sua lan 7');
  await page.locator('table.register tbody tr').first().getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: /\(sửa lần 7\)$/ }).waitFor();
  const history = page.locator('section.record-history');
  const last = history.locator('li.timeline-entry').last();
  await last.getByText(/^3 thay đổi cũ hơn \(03\/2021 – 05\/2023, bởi Lê Thị Hoa, Phạm Văn Nam; các trường: Ghi chú, Tên văn bản\) đã được gộp/).waitFor();
  assert.equal(await history.locator('li.timeline-entry').count(), 6, 'five whole, one summary');
  await history.scrollIntoViewIfNeeded();
  await shoot(page, 'history-folded-vi');
  await nav(page, 'Nhật ký thay đổi').click();
  await page.getByRole('status').getByText('5 thay đổi').waitFor();
  await page.getByText(/^3 thay đổi cũ hơn đã được gộp/).waitFor();

  await page.getByRole('button', { name: /English/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Change log' }).waitFor();
  await page.getByText(/^3 older changes were folded to save storage and are not listed here one by one/).waitFor();
  await page.goBack();
  await last.getByText(/^3 older changes \(03\/2021 – 05\/2023, by Lê Thị Hoa, Phạm Văn Nam; fields: Notes, Title\) were folded/).waitFor();
  await history.scrollIntoViewIfNeeded();
  await shoot(page, 'history-folded-en');
});

e2e('an import and its undo are in the change log, though the records went back as they were', async ({ page, url }) => {
  const fixtures = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures');
  await startWithSample(page, url);
  await giveName(page, 'Trần Văn Nam');
  await previewFile(page, path.join(fixtures, 'schema-v3.json'));
  await confirmImport(page);
  await page.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
  await page.getByText(/^Đã hoàn tác lần nhập:/).waitFor();

  await nav(page, 'Nhật ký thay đổi').click();
  await page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }).waitFor();
  const imports = page.locator('section.audit-imports');
  await imports.getByRole('heading', { level: 2, name: 'Các lần nhập tệp' }).waitFor();
  const lines = imports.locator('li.timeline-entry');
  // Newest first: the undo, then the import, each by the person, at this office.
  await lines.nth(0).getByText(/^Hoàn tác lần nhập tệp của Tỉnh Đoàn Trà Vinh lúc \d\d\/\d\d\/\d{4} \d\d:\d\d: \d+ bản ghi trở lại như trước, \d+ bản ghi do tệp thêm vào đã được bỏ\./).waitFor();
  await lines.nth(1).getByText(/^Nhập tệp của Tỉnh Đoàn Trà Vinh: \d+ bản ghi được ghi\.$/).waitFor();
  assert.equal(await lines.count(), 2);
  assert.match(await lines.nth(0).locator('.timeline-sub').textContent(), /Trần Văn Nam · đơn vị này$/);
  // A filter by kind of record leaves them out (an import is of every kind).
  await page.getByLabel('Loại bản ghi').selectOption({ label: 'Quy chế, kế hoạch' });
  await imports.waitFor({ state: 'detached' });
  // Kept in this browser: a reload still lists them.
  await page.reload();
  await imports.getByRole('heading', { level: 2, name: 'Các lần nhập tệp' }).waitFor();
  assert.equal(await lines.count(), 2);
});
