// Sharing between offices, as two offices do it: two browser contexts (two separate
// localStorages) pass exported files back and forth through the sharing page.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2e, ARTIFACTS } from './harness.mjs';
import {
  startWithSample, startEmpty, storageSnapshot, searchAgreements, assertSameStorage, storageSettled,
  otherOffice, openSharing, exportAll, previewFile, confirmImport, nav, editTitle, storedData, dropFile,
} from './flows.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '..', 'fixtures');
const REG_2018 = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';

/** The number shown in the preview for one group. */
async function count(page, group) {
  const item = page.getByLabel('Số bản ghi theo nhóm').locator('li').filter({ hasText: new RegExp(`^\\d+${group}$`) });
  return Number(await item.locator('strong').textContent());
}

e2e('two offices exchange files: each sees the other\'s changes and keeps its own, then they are identical', async ({ page: a, browser, url, errors }) => {
  const { context, page: b } = await otherOffice(browser, errors);
  try {
    // A loads the sample and exports everything.
    await startWithSample(a, url, 'Văn phòng UBND tỉnh Trà Vinh');
    const fromA = await exportAll(a, 'a1');

    // B, a fresh office, imports it: everything is new.
    await startEmpty(b, url, 'Tỉnh Đoàn Trà Vinh');
    await previewFile(b, fromA);
    assert.ok((await count(b, 'Mới')) > 40);
    assert.equal(await count(b, 'Xung đột'), 0);
    await b.screenshot({ path: path.join(ARTIFACTS, 'sharing-preview-new.png'), fullPage: true });
    await confirmImport(b);
    assert.deepEqual(await storedData(b, 'b0'), await storedData(a, 'a0'));

    // B edits one agreement, deletes another, adds an event, and exports.
    await editTitle(b, 'quy che 2018', REG_2018 + ' (Tỉnh Đoàn sửa)');
    await nav(b, 'Văn bản').click();
    await searchAgreements(b, 'so y te');
    await b.locator('table.register tbody tr').first().getByRole('link').first().click();
    const deletedTitle = await b.getByRole('heading', { level: 1, name: /Sở Y tế/ }).textContent();
    await b.getByRole('button', { name: 'Xóa', exact: true }).click();
    await b.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
    await b.goto(url + '#/events/new');
    await b.getByLabel(/^Tên sự kiện/).fill('Buổi làm việc định kỳ năm 2019 với Tỉnh Đoàn');
    await b.getByLabel(/^Ngày/).fill('15/05/2019');
    await b.getByRole('button', { name: 'Lưu', exact: true }).click();
    await b.getByRole('heading', { level: 1, name: 'Buổi làm việc định kỳ năm 2019 với Tỉnh Đoàn' }).waitFor();
    const fromB = await exportAll(b, 'b1');

    // A meanwhile edits a third record, then imports B's file.
    await editTitle(a, 'quy che 2013', 'Quy chế 2013 - 2017 (Văn phòng sửa)');
    await previewFile(a, fromB);
    assert.equal(await count(a, 'Trong tệp mới hơn'), 1);
    assert.equal(await count(a, 'Đã xóa trong tệp'), 1);
    assert.equal(await count(a, 'Mới'), 1);
    assert.equal(await count(a, 'Ở đây mới hơn'), 1);
    assert.equal(await count(a, 'Xung đột'), 0);
    await a.screenshot({ path: path.join(ARTIFACTS, 'sharing-preview-changes.png'), fullPage: true });
    await confirmImport(a);
    await a.screenshot({ path: path.join(ARTIFACTS, 'sharing-report.png'), fullPage: true });

    // A sees B's three changes and keeps its own.
    await nav(a, 'Văn bản').click();
    await searchAgreements(a, 'tinh doan sua');
    await a.getByRole('link', { name: REG_2018 + ' (Tỉnh Đoàn sửa)' }).waitFor();
    await searchAgreements(a, 'van phong sua');
    await a.getByRole('link', { name: 'Quy chế 2013 - 2017 (Văn phòng sửa)' }).waitFor();
    await searchAgreements(a, deletedTitle.trim());
    await a.getByText('0 / 22 văn bản khớp').waitFor();
    await nav(a, 'Sự kiện').click();
    await a.getByRole('link', { name: 'Buổi làm việc định kỳ năm 2019 với Tỉnh Đoàn' }).waitFor();

    // A's export imported by B makes them identical.
    const fromA2 = await exportAll(a, 'a2');
    await previewFile(b, fromA2);
    assert.equal(await count(b, 'Trong tệp mới hơn'), 1);
    assert.equal(await count(b, 'Xung đột'), 0);
    await confirmImport(b);
    const dataA = await storedData(a, 'a3');
    assert.deepEqual(await storedData(b, 'b3'), dataA);

    // Importing one's own export changes nothing.
    const fromB2 = await exportAll(b, 'b2');
    await previewFile(b, fromB2);
    await b.getByText('Tệp không có gì mới').waitFor();
    const total = Object.values(dataA).filter(Array.isArray).reduce((n, list) => n + list.length, 0);
    assert.equal(await count(b, 'Giống nhau'), total);
    // Those records are recognised as B's own and not read again; the list still names each.
    const identical = b.locator('details.group-list').filter({ hasText: /^Giống nhau/ });
    await identical.locator('summary').click();
    const items = await identical.locator('li').allTextContents();
    assert.ok(items.length > 0);
    for (const item of items) assert.match(item, /^[^:]+:\s*\S/, `every record named: "${item}"`);
    await b.screenshot({ path: path.join(ARTIFACTS, 'own-export-preview.png'), fullPage: true });
  } finally {
    await context.close();
  }
}, { timeout: 180_000 });

e2e('a record both offices edited is shown as a conflict, field by field, and resolved for good', async ({ page: a, browser, url, errors }) => {
  const { context, page: b } = await otherOffice(browser, errors);
  try {
    await startWithSample(a, url, 'Văn phòng UBND tỉnh Trà Vinh');
    const fromA = await exportAll(a, 'c-a1');
    await startEmpty(b, url, 'Tỉnh Đoàn Trà Vinh');
    await previewFile(b, fromA);
    await confirmImport(b);

    await editTitle(a, 'quy che 2018', REG_2018 + ' (bản của Văn phòng)');
    await editTitle(b, 'quy che 2018', REG_2018 + ' (bản của Tỉnh Đoàn)');
    const fromB = await exportAll(b, 'c-b1');

    await previewFile(a, fromB);
    assert.equal(await count(a, 'Xung đột'), 1);
    const conflict = a.locator('article.conflict');
    await conflict.locator('td.mine', { hasText: '(bản của Văn phòng)' }).waitFor();
    await conflict.locator('td.theirs', { hasText: '(bản của Tỉnh Đoàn)' }).waitFor();
    // Nothing can be imported until the conflict is decided.
    assert.equal(await a.getByRole('button', { name: /^Nhập \d+ thay đổi$/ }).isDisabled(), true);
    await a.screenshot({ path: path.join(ARTIFACTS, 'sharing-conflict.png'), fullPage: true });
    await conflict.getByLabel('Lấy bản trong tệp').check();
    await confirmImport(a);
    await nav(a, 'Văn bản').click();
    await searchAgreements(a, 'ban cua tinh doan');
    await a.getByRole('link', { name: REG_2018 + ' (bản của Tỉnh Đoàn)' }).waitFor();

    // The resolution wins everywhere: B takes it as newer, no conflict, and both are identical.
    const fromA2 = await exportAll(a, 'c-a2');
    await previewFile(b, fromA2);
    assert.equal(await count(b, 'Xung đột'), 0);
    assert.equal(await count(b, 'Trong tệp mới hơn'), 1);
    await confirmImport(b);
    assert.deepEqual(await storedData(b, 'c-b2'), await storedData(a, 'c-a3'));
  } finally {
    await context.close();
  }
}, { timeout: 180_000 });

e2e('keeping both sides of a conflict on a numbered plan gives two valid agreements', async ({ page: a, browser, url, errors }) => {
  const { context, page: b } = await otherOffice(browser, errors);
  const PLAN = 'Kế hoạch phối hợp giữa Tỉnh Đoàn và Bộ Chỉ huy Quân sự tỉnh giai đoạn 2013 - 2017';
  try {
    // Two offices with the same sample (same ids) edit the same numbered plan.
    await startWithSample(a, url, 'Văn phòng UBND tỉnh Trà Vinh');
    await startWithSample(b, url, 'Tỉnh Đoàn Trà Vinh');
    await editTitle(a, 'quan su 2013', PLAN + ' (bản của Văn phòng)');
    await editTitle(b, 'quan su 2013', PLAN + ' (bản của Tỉnh Đoàn)');
    const fromB = await exportAll(b, 'k-b1');

    await previewFile(a, fromB);
    assert.equal(await count(a, 'Xung đột'), 1);
    await a.locator('article.conflict').getByLabel(/^Giữ cả hai/).check();
    await confirmImport(a);

    await nav(a, 'Văn bản').click();
    await searchAgreements(a, 'quan su 2013');
    await a.getByText('2 / 24 văn bản khớp').waitFor();
    const rows = a.locator('table.register tbody tr');
    const mine = rows.filter({ hasText: '(bản của Văn phòng)' });
    const theirs = rows.filter({ hasText: '(bản của Tỉnh Đoàn)' });
    assert.equal((await mine.locator('td').first().innerText()).trim(), '17/KHPH-TĐ');
    assert.equal((await theirs.locator('td').first().innerText()).trim(), '—');
    // The copy saves as it is: no "number taken" in the way (and, unchanged, nothing is written).
    await theirs.getByRole('link').first().click();
    await a.getByRole('link', { name: 'Sửa', exact: true }).click();
    await a.getByRole('button', { name: 'Lưu', exact: true }).click();
    await a.getByRole('status').getByText(/^Không có thay đổi nào/).waitFor();
  } finally {
    await context.close();
  }
}, { timeout: 180_000 });

e2e('a file whose records break the forms\' rules previews a warning for each, at its place, and imports as it is', async ({ page, url }) => {
  await startWithSample(page, url);
  // Another office's copy of the 2018 regulation, saved without the form's checks (a file
  // edited by hand, an older app): no title, an end before the start, a status set by hand
  // without its reason. Its version has seen an edit of that office, so it is newer than ours.
  const data = JSON.parse(await fs.readFile(await exportAll(page, 'r0'), 'utf8'));
  const index = data.agreements.findIndex((a) => a.title === REG_2018);
  assert.ok(index >= 0);
  const broken = data.agreements[index];
  broken.title = '';
  broken.period.end = '2017-12-31';
  broken.status_override = { status: 'terminated', reason: '' };
  broken.version['0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b'] = 1;
  data.office = { id: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b', name: 'Tỉnh Đoàn Trà Vinh' };
  const file = path.join(ARTIFACTS, 'rules-broken.json');
  await fs.writeFile(file, JSON.stringify(data, null, 1));

  const before = await storageSnapshot(page);
  await previewFile(page, file);
  assert.equal(await count(page, 'Trong tệp mới hơn'), 1);
  const warnings = page.getByRole('status').filter({ hasText: 'cảnh báo (không ngăn việc nhập)' });
  await warnings.getByText('3 cảnh báo (không ngăn việc nhập):').waitFor();
  // Each beside the record it is about: this one has no title, so the start of its id names it.
  const record = `Văn bản “(${broken.id.slice(0, 8)})” — `;
  assert.deepEqual(await warnings.locator('li').allTextContents(), [
    `${record}agreements[${index}].title: Bắt buộc nhập.`,
    `${record}agreements[${index}].status_override.reason: Bắt buộc nhập.`,
    `${record}agreements[${index}].period.end: Ngày kết thúc đứng trước ngày bắt đầu.`,
  ]);
  // The sample's notice would sit over the list in the picture.
  const notice = page.getByRole('button', { name: 'Đóng thông báo' });
  if (await notice.isVisible()) await notice.click();
  await page.screenshot({ path: path.join(ARTIFACTS, 'sharing-preview-rules.png'), fullPage: true });
  // Shown, not written; and the import is not held back.
  assertSameStorage(before, await storageSnapshot(page));
  assert.equal(await page.getByRole('button', { name: 'Nhập 1 thay đổi' }).isDisabled(), false);
  await confirmImport(page);

  // The other office's record is taken as it is: no title, the period and status as sent.
  const stored = (await storedData(page, 'r1')).agreements.find((a) => a.id === broken.id);
  assert.equal(stored.title, '');
  assert.equal(stored.period.end, '2017-12-31');
  assert.deepEqual(stored.status_override, { status: 'terminated', reason: '' });
});

e2e('a file with more than fifty warnings lists fifty and the rest behind "… và N cảnh báo khác"', async ({ page, url }) => {
  await startWithSample(page, url);
  // The 2018 regulation, newer in another office's file, now naming 70 organisations that
  // exist nowhere: 70 missing references.
  const data = JSON.parse(await fs.readFile(await exportAll(page, 'w0'), 'utf8'));
  const index = data.agreements.findIndex((a) => a.title === REG_2018);
  const changed = data.agreements[index];
  for (let i = 0; i < 70; i++) {
    const id = `0c0c0c0c-0c0c-4c0c-8c0c-${String(i).padStart(12, '0')}`;
    changed.parties.push({ organisation: id, role: 'phối hợp', lead: false });
  }
  changed.version['0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b'] = 1;
  data.office = { id: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b', name: 'Tỉnh Đoàn Trà Vinh' };
  const file = path.join(ARTIFACTS, 'many-warnings.json');
  await fs.writeFile(file, JSON.stringify(data, null, 1));

  await previewFile(page, file);
  const warnings = page.getByRole('status').filter({ hasText: 'cảnh báo (không ngăn việc nhập)' });
  await warnings.getByText('70 cảnh báo (không ngăn việc nhập):').waitFor();
  const more = warnings.locator('details.more-warnings');
  // Fifty in view, the other twenty one click away; every one of them is there.
  assert.equal(await warnings.locator('li:visible').count(), 50);
  await more.getByText('… và 20 cảnh báo khác').click();
  assert.equal(await warnings.locator('li:visible').count(), 70);
  const all = await warnings.locator('li').allTextContents();
  const firstParty = changed.parties.length - 70;
  const record = `Văn bản “${REG_2018}” — `;
  assert.equal(all[0].startsWith(`${record}agreements[${index}].parties[${firstParty}].organisation`), true, all[0]);
  assert.equal(all[69].startsWith(`${record}agreements[${index}].parties[${firstParty + 69}].organisation`), true, all[69]);
  const notice = page.getByRole('button', { name: 'Đóng thông báo' });
  if (await notice.isVisible()) await notice.click();
  await page.screenshot({ path: path.join(ARTIFACTS, 'sharing-preview-many-warnings.png'), fullPage: true });
});

e2e('past a thousand warnings the preview lists a thousand and says how many more there are', async ({ page, url }) => {
  await startWithSample(page, url);
  // The 2018 regulation, newer in another office's file, naming 1,200 organisations that exist
  // nowhere: 1,200 missing references, of which the core builds the first 1,000.
  const data = JSON.parse(await fs.readFile(await exportAll(page, 'w0'), 'utf8'));
  const changed = data.agreements.find((a) => a.title === REG_2018);
  for (let i = 0; i < 1200; i++) {
    const id = `0c0c0c0c-0c0c-4c0c-8c0c-${String(i).padStart(12, '0')}`;
    changed.parties.push({ organisation: id, role: 'phối hợp', lead: false });
  }
  changed.version['0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b'] = 1;
  data.office = { id: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b', name: 'Tỉnh Đoàn Trà Vinh' };
  const file = path.join(ARTIFACTS, 'too-many-warnings.json');
  await fs.writeFile(file, JSON.stringify(data, null, 1));

  await previewFile(page, file);
  const warnings = page.getByRole('status').filter({ hasText: 'cảnh báo (không ngăn việc nhập)' });
  await warnings.getByText('1.200 cảnh báo (không ngăn việc nhập):').waitFor();
  assert.equal(await warnings.locator('li:visible').count(), 50);
  await warnings.locator('details.more-warnings').getByText('… và 1.150 cảnh báo khác').click();
  await warnings.getByText('Còn 200 cảnh báo nữa không được liệt kê (danh sách chỉ ghi 1.000 cảnh báo đầu). Hãy nhờ nơi gửi sửa tệp, hoặc nhập rồi rà soát lại các bản ghi.').waitFor();
  assert.equal(await warnings.locator('li:visible').count(), 1000);
  assert.equal(await page.getByRole('button', { name: 'Nhập 1 thay đổi' }).isDisabled(), false);
  const notice = page.getByRole('button', { name: 'Đóng thông báo' });
  if (await notice.isVisible()) await notice.click();
  await warnings.locator('li').last().scrollIntoViewIfNeeded();
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS, `sharing-preview-unlisted-warnings-${width}.png`) });
  }
});

e2e('a newer app\'s fields inside a party and the period survive an import, an edit in the form and an export', async ({ page, url }) => {
  await startWithSample(page, url);
  const data = JSON.parse(await fs.readFile(await exportAll(page, 'n0'), 'utf8'));
  const changed = data.agreements.find((a) => a.title === REG_2018);
  changed.parties[0].delegate = { name: 'Phó Chủ tịch', since: 2020 };
  changed.period.review = '2020-06-30';
  changed.version['0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b'] = 1;
  data.office = { id: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b', name: 'Tỉnh Đoàn Trà Vinh' };
  const file = path.join(ARTIFACTS, 'newer-app-fields.json');
  await fs.writeFile(file, JSON.stringify(data, null, 1));
  await previewFile(page, file);
  await confirmImport(page);

  await editTitle(page, 'quy che 2018', REG_2018 + ' (sửa ở đây)');
  const stored = (await storedData(page, 'n1')).agreements.find((a) => a.id === changed.id);
  assert.equal(stored.title, REG_2018 + ' (sửa ở đây)');
  assert.deepEqual(stored.parties[0].delegate, { name: 'Phó Chủ tịch', since: 2020 });
  assert.equal(stored.period.review, '2020-06-30');
});

e2e('a bad file is refused with its message and changes nothing; a dropped file previews; undo restores exactly', async ({ page, url }) => {
  await startWithSample(page, url);
  await openSharing(page);
  const before = await storageSnapshot(page);
  await page.locator('#import-file').setInputFiles(path.join(FIXTURES, 'bad', '32-bad-period-end.json'));
  await page.getByRole('alert').filter({ hasText: 'Sai cấu trúc tại agreements[3].period.end' }).waitFor();
  await page.getByText('Giá trị trong tệp: "31/12/2022"').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'sharing-refused.png'), fullPage: true });
  await page.locator('#import-file').setInputFiles(path.join(FIXTURES, 'bad', '24-newer-schema.json'));
  await page.getByText(/định dạng phiên bản 4; Phối hợp .* chỉ đọc được tới định dạng phiên bản 3/).waitFor();
  assertSameStorage(before, await storageSnapshot(page));
  const dataBefore = await storedData(page, 'u0');

  // Dropped anywhere on the page: the schema-1 fixture, which adds an unknown field to one record.
  const text = await fs.readFile(path.join(FIXTURES, 'schema-v1.json'), 'utf8');
  await nav(page, 'Văn bản').click();
  await dropFile(page, 'schema-v1.json', text);
  await page.getByRole('heading', { name: 'Xem trước: schema-v1.json' }).waitFor();
  assert.match(page.url(), /#\/sharing$/);
  // Same version, other content (the added field): a conflict, never a silent overwrite.
  assert.ok((await count(page, 'Xung đột')) >= 1);
  for (const card of await page.locator('article.conflict').all()) {
    await card.getByLabel('Lấy bản trong tệp').check();
  }
  await confirmImport(page);
  assert.notDeepEqual(await storedData(page, 'u1'), dataBefore);

  // The undo survives the reload (it is kept in localStorage), and puts back exactly what was.
  await nav(page, 'Trao đổi dữ liệu').click();
  await page.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
  await page.getByText(/^Đã hoàn tác lần nhập/).waitFor();
  assert.deepEqual(await storedData(page, 'u2'), dataBefore);
});

e2e('an import undone in one page is undone in another page of the same browser, and stays undone after reloading both', async ({ page: a, context, browser, url, errors }) => {
  const { context: office, page: c } = await otherOffice(browser, errors);
  try {
    // Another office with the same sample edits one agreement and adds an event: its file
    // updates one record here and adds one.
    await startWithSample(c, url, 'Tỉnh Đoàn Trà Vinh');
    await editTitle(c, 'quy che 2018', REG_2018 + ' (Tỉnh Đoàn sửa)');
    await c.goto(url + '#/events/new');
    await c.getByLabel(/^Tên sự kiện/).fill('Buổi làm việc năm 2019 với Tỉnh Đoàn');
    await c.getByLabel(/^Ngày/).fill('15/05/2019');
    await c.getByRole('button', { name: 'Lưu', exact: true }).click();
    await c.getByRole('heading', { level: 1, name: 'Buổi làm việc năm 2019 với Tỉnh Đoàn' }).waitFor();
    const fromC = await exportAll(c, 't-c1');

    await startWithSample(a, url);
    const before = await storedData(a, 't-a0');
    // Page B of the same browser is open during the import and its undo.
    const b = await context.newPage();
    await b.goto(url + '#/agreements');
    await b.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();

    await previewFile(a, fromC);
    assert.equal(await count(a, 'Trong tệp mới hơn'), 1);
    assert.equal(await count(a, 'Mới'), 1);
    await confirmImport(a);
    await searchAgreements(b, 'tinh doan sua');
    await b.getByRole('link', { name: REG_2018 + ' (Tỉnh Đoàn sửa)' }).waitFor();

    await a.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
    await a.getByText(/^Đã hoàn tác lần nhập/).waitFor();

    // B follows the undo without a reload: the title as it was, the added event gone, and it
    // writes nothing back (A would take that in and show the import again).
    await searchAgreements(b, 'quy che 2018');
    await b.getByRole('link', { name: REG_2018, exact: true }).waitFor();
    // B has heard all of A's undo, and A whatever B wrote back.
    await storageSettled(a, b);
    await storageSettled(b, a);
    await searchAgreements(b, 'tinh doan sua');
    await b.getByText(/^0 \/ 23 văn bản khớp/).waitFor();
    await nav(b, 'Sự kiện').click();
    await b.getByRole('heading', { level: 1, name: 'Sự kiện' }).waitFor();
    assert.equal(await b.getByRole('link', { name: 'Buổi làm việc năm 2019 với Tỉnh Đoàn' }).count(), 0);
    await nav(a, 'Văn bản').click();
    await searchAgreements(a, 'tinh doan sua');
    await a.getByText(/^0 \/ 23 văn bản khớp/).waitFor();
    assert.equal(await a.locator('#conflicts').count(), 0);
    assert.equal(await b.locator('#conflicts').count(), 0);

    // What B holds (its export, before any reload) is exactly what was there before the import
    // (the header's names of other offices aside: a name learned stays).
    const inB = JSON.parse(await fs.readFile(await exportAll(b, 't-b1'), 'utf8'));
    for (const key of ['exported_at', 'office', 'offices', 'app_version', 'scope']) delete inB[key];
    assert.deepEqual(inB, before);

    // And so is what is stored, read by both pages after a reload.
    assert.deepEqual(await storedData(a, 't-a2'), before);
    assert.deepEqual(await storedData(b, 't-b2'), before);
  } finally {
    await office.close();
  }
}, { timeout: 180_000 });

e2e('an import undone in one page is no longer offered in another page, which says so; a new import is offered there at once', async ({ page: a, context, browser, url, errors }) => {
  const { context: office, page: c } = await otherOffice(browser, errors);
  const UNDO = 'Hoàn tác lần nhập này';
  const UNDONE_ELSEWHERE = 'Lần nhập tệp của Tỉnh Đoàn Trà Vinh đã được hoàn tác ở một trang khác.';
  try {
    await startWithSample(c, url, 'Tỉnh Đoàn Trà Vinh');
    await editTitle(c, 'quy che 2018', REG_2018 + ' (Tỉnh Đoàn sửa)');
    const fromC = await exportAll(c, 'o-c1');

    await startWithSample(a, url);
    await previewFile(a, fromC);
    await confirmImport(a);
    // Page B of the same browser opens after the import: it offers the undo too.
    const b = await context.newPage();
    await b.goto(url + '#/sharing');
    await b.getByRole('heading', { level: 1, name: 'Trao đổi dữ liệu' }).waitFor();
    await b.getByRole('button', { name: UNDO }).waitFor();

    // A undoes it: B stops offering it and says why, without a reload.
    await a.getByRole('button', { name: UNDO }).click();
    await a.getByText(/^Đã hoàn tác lần nhập/).waitFor();
    await b.getByRole('status').filter({ hasText: UNDONE_ELSEWHERE }).waitFor({ timeout: 10_000 });
    assert.equal(await b.getByRole('button', { name: UNDO }).count(), 0);
    await b.screenshot({ path: path.join(ARTIFACTS, 'sharing-undone-elsewhere.png'), fullPage: true });

    // A imports the file again: B, still open, offers that import's undo at once.
    await previewFile(a, fromC);
    await confirmImport(a);
    await b.getByRole('button', { name: UNDO }).waitFor({ timeout: 10_000 });
    assert.equal(await b.getByText(UNDONE_ELSEWHERE).count(), 0);
    // Undone from B this time: A's report and offer go, and A says why.
    await b.getByRole('button', { name: UNDO }).click();
    await b.getByText(/^Đã hoàn tác lần nhập/).waitFor();
    await a.getByRole('status').filter({ hasText: UNDONE_ELSEWHERE }).waitFor({ timeout: 10_000 });
    assert.equal(await a.getByRole('button', { name: UNDO }).count(), 0);
    assert.equal(await a.getByRole('heading', { name: /^Đã nhập tệp của / }).count(), 0);
    await nav(a, 'Văn bản').click();
    await searchAgreements(a, 'tinh doan sua');
    await a.getByText(/^0 \/ 23 văn bản khớp/).waitFor();
    assert.equal(await a.locator('#conflicts').count(), 0);
    assert.equal(await b.locator('#conflicts').count(), 0);

    // After a reload neither page offers it.
    for (const p of [a, b]) {
      await p.reload();
      await openSharing(p);
      await p.getByRole('heading', { level: 2, name: 'Nhập tệp' }).waitFor();
      assert.equal(await p.getByRole('button', { name: UNDO }).count(), 0);
    }
  } finally {
    await office.close();
  }
}, { timeout: 180_000 });
