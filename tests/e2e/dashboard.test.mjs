// The dashboard as the home page: what is late and what is next, every item leading to its
// record; recording from an agreement page moves items between the bands.
import assert from 'node:assert/strict';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import { startWithSample, searchAgreements, pick } from './flows.mjs';

const REGULATION_2018 = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';

/** A day in Vietnam (UTC+7) as dd/mm/yyyy, `offset` days from today. */
function vietnamDay(offset = 0) {
  const d = new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return { text: `${dd}/${mm}/${d.getUTCFullYear()}`, year: d.getUTCFullYear() };
}

const band = (page, name) => page.locator('section.band', { has: page.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }) });

async function openRegulation2018(page) {
  await page.getByRole('link', { name: 'Văn bản', exact: true }).click();
  await searchAgreements(page, 'quy che 2018');
  await page.locator('table.register tbody tr').first().getByRole('link', { name: REGULATION_2018 }).click();
  await page.getByRole('heading', { level: 1, name: REGULATION_2018 }).waitFor();
}

e2e('the missing sample year is overdue and leads to its agreement; settling it clears it', async ({ page, url }) => {
  await startWithSample(page, url);
  await page.getByRole('link', { name: 'Tổng quan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-sample.png'), fullPage: true });

  const overdue = band(page, 'Quá hạn');
  const missingYear = overdue.locator('li.due-item', { hasText: 'năm 2021' });
  await missingYear.waitFor();
  assert.match(await missingYear.innerText(), /Hạn 31\/12\/2021 · quá hạn \d+(\.\d{3})* ngày/);
  // Open and in-progress recommendations are overdue too; resolved and declined ones are not.
  assert.equal(await overdue.locator('li.due-item', { hasText: 'Hạn trả lời kiến nghị' }).count(), 3);
  await page.locator('a.tile.alert', { hasText: 'việc quá hạn' }).getByText('4').waitFor();

  await missingYear.getByRole('link', { name: REGULATION_2018 }).click();
  await page.getByRole('heading', { level: 1, name: REGULATION_2018 }).waitFor();
  const duties = page.locator('section.card', { has: page.getByRole('heading', { name: 'Nhiệm vụ định kỳ' }) });
  const row2021 = duties.locator('tbody tr', { hasText: '2021' });
  await row2021.getByText('Quá hạn').waitFor();
  await row2021.getByRole('button', { name: 'Miễn' }).click();
  await duties.locator('tbody tr', { hasText: '2021' }).getByText('Miễn', { exact: true }).waitFor();

  await page.getByRole('link', { name: 'Tổng quan' }).click();
  await band(page, 'Quá hạn').locator('li.due-item').first().waitFor();
  assert.equal(await band(page, 'Quá hạn').locator('li.due-item', { hasText: 'năm 2021' }).count(), 0);
  await page.reload();
  await page.locator('a.tile.alert', { hasText: 'việc quá hạn' }).getByText('3').waitFor();
});

e2e('from an agreement page: record a session, raise a recommendation, see it due, resolve it', async ({ page, url }) => {
  const today = vietnamDay();
  const due = vietnamDay(20);
  const content = 'Bố trí phòng sinh hoạt cho câu lạc bộ thanh niên khởi nghiệp.';
  await startWithSample(page, url);
  await openRegulation2018(page);

  // Record an annual session: the form comes linked to this agreement, dated today.
  await page.getByRole('link', { name: /^Sự kiện \(5\)$/ }).click();
  await page.getByRole('button', { name: '+ Ghi sự kiện' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ghi sự kiện' }).waitFor();
  assert.equal(await page.getByLabel(/^Ngày( \*)?$/).inputValue(), today.text);
  await page.getByLabel('Tên sự kiện').fill(`Làm việc định kỳ năm ${today.year}`);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Làm việc định kỳ năm ${today.year}` }).waitFor();
  await page.getByRole('link', { name: REGULATION_2018 }).first().click();
  await page.getByRole('link', { name: /^Sự kiện \(6\)$/ }).click();
  const events = page.locator('section.card', { has: page.getByRole('heading', { name: /^Sự kiện \(6\)$/ }) });
  await events.getByRole('link', { name: `Làm việc định kỳ năm ${today.year}` }).click();

  // Raise a recommendation at it, due in 20 days.
  await page.getByRole('button', { name: '+ Kiến nghị tại sự kiện này' }).click();
  await page.getByLabel(/^Nội dung( \*)?$/).fill(content);
  await pick(page, 'Gửi đến (cơ quan phải trả lời)', 'So Y te', 'Sở Y tế (Trà Vinh)');
  await page.getByLabel('Hạn trả lời').fill(due.text);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: content }).waitFor();
  const recommendationUrl = page.url();

  // The dashboard files it under "within 30 days", and the item leads back to it.
  await page.getByRole('link', { name: 'Tổng quan' }).click();
  const soon = band(page, 'Trong 30 ngày tới');
  const item = soon.locator('li.due-item', { hasText: content });
  await item.waitFor();
  assert.match(await item.innerText(), new RegExp(`Hạn ${due.text} · còn 20 ngày`));
  await item.getByRole('link', { name: content }).click();
  assert.equal(page.url(), recommendationUrl);

  // Resolved, it leaves the band.
  await page.getByLabel('Chuyển sang').selectOption({ label: 'Đã giải quyết' });
  await page.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
  await page.getByText('Đã chuyển trạng thái sang “Đã giải quyết”.').waitFor();
  await page.getByRole('link', { name: 'Tổng quan' }).click();
  await band(page, 'Trong 30 ngày tới').getByText('Không có việc nào.').waitFor();
  assert.equal(await page.getByText(content).count(), 0);
});

e2e('a next-period regulation in force: coverage, matrix cell to a plan, results by area', async ({ page, url }) => {
  const today = vietnamDay();
  await startWithSample(page, url);
  await openRegulation2018(page);
  await page.getByRole('button', { name: 'Nhân bản cho giai đoạn sau' }).click();
  await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
  await page.getByLabel('Ngày ký', { exact: true }).fill('10/01/2023');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const nextTitle = /giai đoạn 2023 - 2027$/; // not the sample's illustrative term (… (minh họa))
  await page.getByRole('heading', { level: 1, name: nextTitle }).waitFor();
  const regulationUrl = page.url();

  // The dashboard now follows plans under it for this year: nobody has one yet.
  await page.getByRole('link', { name: 'Tổng quan' }).click();
  const coverage = page.locator('.coverage', { has: page.getByRole('link', { name: nextTitle }) });
  await coverage.getByText('Đã có kế hoạch (0)').waitFor();
  await coverage.locator('.chip.missing', { hasText: 'Sở Y tế' }).waitFor();

  // The matrix's empty cell starts a plan for that department and year.
  await page.goto(`${regulationUrl}/plans`);
  const matrix = page.locator('table.matrix');
  const row = matrix.locator('tbody tr', { has: page.getByRole('link', { name: 'Sở Y tế (Trà Vinh)', exact: true }) });
  await row.getByRole('button', { name: `Thêm kế hoạch năm ${today.year}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Thêm văn bản' }).waitFor();
  assert.equal(await page.getByLabel('Giai đoạn từ').inputValue(), String(today.year));
  await page.getByLabel('Tên văn bản').fill(`Kế hoạch phối hợp giữa Tỉnh Đoàn và Sở Y tế năm ${today.year}`);
  await page.getByLabel('Ngày ký', { exact: true }).fill(`05/01/${today.year}`);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Sở Y tế năm/ }).waitFor();

  await page.goto(`${regulationUrl}/plans`);
  const cell = page.locator('table.matrix tbody tr', { has: page.getByRole('link', { name: 'Sở Y tế (Trà Vinh)', exact: true }) }).locator('td.has-plan');
  assert.equal(await cell.count(), 1);
  await cell.getByRole('link', { name: 'Đang hiệu lực' }).waitFor();

  await page.getByRole('link', { name: 'Tổng quan' }).click();
  await coverage.getByText('Đã có kế hoạch (1)').waitFor();
  await coverage.locator('.chip.ok', { hasText: 'Sở Y tế' }).waitFor();

  // Results by area: record one with evidence.
  await page.goto(`${regulationUrl}/results`);
  await page.getByLabel('Năm', { exact: true }).selectOption(String(today.year));
  await page.getByLabel('Minh chứng').fill('Báo cáo số 15/BC-TĐ');
  await page.getByRole('button', { name: 'Ghi kết quả' }).click();
  const grid = page.locator('table.results-grid');
  const first = grid.locator('tbody tr').first().locator('td').nth(today.year - 2023);
  await first.getByText('Đạt').waitFor();
  assert.equal(await first.getAttribute('title'), 'Báo cáo số 15/BC-TĐ');
  await page.reload();
  await grid.locator('tbody tr').first().locator('td').nth(today.year - 2023).getByText('Đạt').waitFor();
});
