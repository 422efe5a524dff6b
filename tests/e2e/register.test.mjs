// The agreement register as a new user meets it: first run, sample, search, edit, reload,
// a refused save, delete with undo, deep links.
import assert from 'node:assert/strict';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import { startWithSample, storageSnapshot, searchAgreements, assertSameStorage, pick } from './flows.mjs';

const NEW_PERIOD = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';

e2e('first run, sample, search, edit, reload keeps the edit', async ({ page, url }) => {
  await startWithSample(page, url);
  await page.screenshot({ path: path.join(ARTIFACTS, 'register-sample.png'), fullPage: false });

  await searchAgreements(page, 'quy che 2018');
  const rows = page.locator('table.register tbody tr');
  await page.getByText('1 / 23 văn bản khớp').waitFor();
  await rows.first().getByRole('link', { name: NEW_PERIOD }).click();
  await page.getByRole('heading', { level: 1, name: NEW_PERIOD }).waitFor();
  assert.match(page.url(), /#\/agreements\/[0-9a-f-]{36}$/);
  const agreementUrl = page.url();
  // The signatories and the superseded period are on the page.
  await page.getByRole('link', { name: 'Đồng Văn Lâm' }).waitFor();
  await page.locator('table.signatures').getByText('Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh').waitFor();
  await page.getByRole('link', { name: /giai đoạn 2013 - 2017/ }).first().waitFor();

  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  const title = page.getByLabel('Tên văn bản');
  await title.fill(NEW_PERIOD + ' (bản đã sửa)');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: NEW_PERIOD + ' (bản đã sửa)' }).waitFor();
  assert.equal(page.url(), agreementUrl);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: NEW_PERIOD + ' (bản đã sửa)' }).waitFor();
});

e2e('an agreement whose period ends before it starts is refused and nothing is saved', async ({ page, url }) => {
  await startWithSample(page, url);
  const before = await storageSnapshot(page);
  await page.getByRole('link', { name: '+ Thêm văn bản' }).click();
  await page.getByLabel('Tên văn bản').fill('Quy chế thử nghiệm');
  await pick(page, 'Bên 1', 'uy ban nhan dan tinh tra vinh', 'Ủy ban nhân dân tỉnh Trà Vinh');
  await pick(page, 'Bên 2', 'Ban Chấp hành Đoàn', 'Ban Chấp hành Đoàn TNCS Hồ Chí Minh tỉnh Trà Vinh');
  await page.getByLabel('Giai đoạn từ').fill('2022');
  await page.getByLabel('Đến', { exact: true }).fill('2018');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();

  await page.getByText('Ngày kết thúc đứng trước ngày bắt đầu.').waitFor();
  await page.getByText(/Chưa lưu: có 1 chỗ cần sửa/).waitFor();
  assert.equal(await page.getByLabel('Đến', { exact: true }).getAttribute('aria-invalid'), 'true');
  assertSameStorage(before, await storageSnapshot(page));

  // Fixing the field saves it.
  await page.getByLabel('Đến', { exact: true }).fill('2026');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Quy chế thử nghiệm' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Quy chế thử nghiệm' }).waitFor();
});

e2e('delete an agreement, then undo', async ({ page, url }) => {
  await startWithSample(page, url);
  await searchAgreements(page, 'so y te');
  await page.locator('table.register tbody tr').first().getByRole('link').click();
  const heading = await page.getByRole('heading', { level: 1, name: /Sở Y tế/ }).textContent();
  await page.getByRole('button', { name: 'Xóa', exact: true }).click();
  await page.getByText('22 văn bản').waitFor();
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await page.getByText('23 văn bản').waitFor();
  await page.reload();
  await page.getByText('23 văn bản').waitFor();
  await searchAgreements(page, 'so y te');
  await page.getByRole('link', { name: heading }).waitFor();
});

e2e('a regulation with plans cannot be deleted; the page says why', async ({ page, url }) => {
  await startWithSample(page, url);
  await searchAgreements(page, 'quy che 2013');
  await page.locator('table.register tbody tr').first().getByRole('link').click();
  const before = await storageSnapshot(page);
  await page.getByRole('button', { name: 'Xóa', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Chưa xóa được.' });
  await refusal.waitFor();
  // The 20 plans and the summary conference still refer to it; each is listed as a link.
  assert.match(await refusal.textContent(), /Còn 21 bản ghi/);
  await refusal.getByRole('link', { name: /Sở Y tế/ }).waitFor();
  assertSameStorage(before, await storageSnapshot(page));
});

e2e('a deep link opens its agreement after a reload and in a new tab', async ({ page, context, url }) => {
  await startWithSample(page, url);
  await searchAgreements(page, 'quy che 2018');
  await page.locator('table.register tbody tr').first().getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: NEW_PERIOD }).waitFor();
  const deepLink = page.url();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: NEW_PERIOD }).waitFor();

  const other = await context.newPage();
  await other.goto(deepLink);
  await other.getByRole('heading', { level: 1, name: NEW_PERIOD }).waitFor();
  await other.close();

  await page.goto(url + '#/agreements/00000000-0000-4000-8000-000000000000');
  await page.getByRole('heading', { name: 'Không có văn bản này' }).waitFor();
  await page.goto(url + '#/khong-co-trang-nay');
  await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
});

e2e('duplicate for the next period opens a linked draft', async ({ page, url }) => {
  await startWithSample(page, url);
  await searchAgreements(page, 'quy che 2018');
  await page.locator('table.register tbody tr').first().getByRole('link').click();
  await page.getByRole('button', { name: 'Nhân bản cho giai đoạn sau' }).click();
  await page.getByRole('dialog').getByText('giai đoạn 2023 - 2027').waitFor();
  await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
  assert.equal(await page.getByLabel('Giai đoạn từ').inputValue(), '2023');
  assert.equal(await page.getByLabel('Đến', { exact: true }).inputValue(), '2027');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /giai đoạn 2023 - 2027/ }).waitFor();
  await page.getByText('Dự thảo', { exact: true }).waitFor();
  await page.getByRole('link', { name: NEW_PERIOD }).waitFor(); // "Thay thế" links back
});

e2e('a directory organisation is created and found by search without diacritics', async ({ page, url }) => {
  await startWithSample(page, url);
  await page.getByRole('link', { name: 'Cơ quan', exact: true }).click();
  await page.getByRole('link', { name: '+ Thêm cơ quan' }).click();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Bắt buộc nhập.').waitFor();
  await page.getByLabel('Tên đầy đủ').fill('Sở Ngoại vụ tỉnh Trà Vinh');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sở Ngoại vụ tỉnh Trà Vinh' }).waitFor();
  await page.getByRole('link', { name: 'Cơ quan', exact: true }).click();
  await page.getByLabel('Tìm cơ quan').fill('so ngoai vu');
  await page.getByRole('link', { name: 'Sở Ngoại vụ tỉnh Trà Vinh' }).waitFor();
});

/** How many lines the text of `cell` takes on screen (its text's line boxes, by their top). */
function textLines(cell) {
  return cell.evaluate((td) => {
    const tops = new Set();
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    }
    return tops.size;
  });
}

e2e('a very long agreement number wraps in the register, which stays as wide as the page; usual numbers stay on one line', async ({ page, url }) => {
  await startWithSample(page, url);
  // 300 characters as pasted from a document are refused (a number takes 60), with the counter
  // saying so; the longest number the form takes, without a place to break, must still wrap.
  const pasted = ('QCPH-' + '0123456789'.repeat(29) + '/UBND').slice(0, 300);
  const number = ('QCPH-' + '0123456789'.repeat(6)).slice(0, 55) + '/UBND';
  assert.equal(number.length, 60);
  await page.getByRole('link', { name: '+ Thêm văn bản' }).click();
  await page.getByLabel('Tên văn bản').fill('Quy chế có số hiệu rất dài');
  await pick(page, 'Bên 1', 'uy ban nhan dan tinh tra vinh', 'Ủy ban nhân dân tỉnh Trà Vinh');
  await pick(page, 'Bên 2', 'Ban Chấp hành Đoàn', 'Ban Chấp hành Đoàn TNCS Hồ Chí Minh tỉnh Trà Vinh');
  await page.getByLabel('Giai đoạn từ').fill('2024');
  await page.getByLabel('Đến', { exact: true }).fill('2028');
  await page.getByLabel('Số hiệu').fill(pasted);
  await page.getByText('300/60 ký tự', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Quá dài: tối đa 60 ký tự.', { exact: true }).waitFor();
  await page.getByLabel('Số hiệu').fill(number);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Quy chế có số hiệu rất dài' }).waitFor();

  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản', exact: true }).click();
  await page.getByText('24 văn bản').waitFor();
  const table = page.locator('table.register');
  const widths = await table.evaluate((t) => ({
    table: t.getBoundingClientRect().width,
    container: t.parentElement.clientWidth,
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  assert.ok(widths.table <= widths.container + 0.5, `the register fits its container: ${JSON.stringify(widths)}`);
  assert.ok(widths.page <= widths.viewport, `no sideways scrolling: ${JSON.stringify(widths)}`);

  const cells = table.locator('tbody td.number');
  const long = cells.filter({ hasText: 'QCPH-0123' });
  assert.equal(await long.count(), 1);
  assert.ok((await textLines(long)) > 1, 'the long number wraps');
  assert.equal((await long.innerText()).replace(/\s/g, ''), number, 'all of it is shown');
  // Every other number ("17/KHPH-TĐ", "01/QCPH-UBND-TĐ" …) keeps to one line.
  let usual = 0;
  for (const cell of await cells.all()) {
    const text = (await cell.innerText()).trim();
    if (text.startsWith('QCPH-0123')) continue;
    assert.equal(await textLines(cell), 1, `"${text}" on one line`);
    usual += 1;
  }
  assert.ok(usual >= 20);
  await long.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, 'register-long-number.png'), fullPage: false });

  // Its own page (the number in the heading's line and in the facts) and its printed document
  // do not widen either.
  await table.getByRole('link', { name: 'Quy chế có số hiệu rất dài' }).click();
  await page.getByRole('heading', { level: 1, name: 'Quy chế có số hiệu rất dài' }).waitFor();
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await sideways(), 0, 'the agreement page has no sideways scrolling');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('.doc-number').evaluate((el) => ({ text: el.scrollWidth, box: el.clientWidth }));
  assert.ok(printed.text <= printed.box, `the printed number keeps to its column: ${JSON.stringify(printed)}`);
  await page.emulateMedia({ media: 'screen' });
});

// The status filter and each row's badge read the same statuses (rules::status::statuses):
// every row the filter keeps says that status, and the count says how many.
e2e('the status filter keeps exactly the agreements whose badge says that status', async ({ page, url }) => {
  await startWithSample(page, url);
  await page.getByLabel('Trạng thái').selectOption({ label: 'Hết hiệu lực' });
  const count = page.getByText(/\d+ \/ 23 văn bản khớp/).first();
  await count.waitFor();
  const shown = Number((await count.textContent()).match(/(\d+) \/ 23/)[1]);
  assert.ok(shown > 0 && shown < 23, `${shown} expired`);
  const badges = page.locator('table.register tbody tr td:last-child span');
  await badges.nth(shown - 1).waitFor();
  assert.deepEqual(new Set(await badges.allTextContents()), new Set(['Hết hiệu lực']));
});
