// The files an office hands on, downloaded through the interface in both languages and opened
// with the real clients (scripts/check-office-files.py: openpyxl, icalendar, python-docx,
// LibreOffice): every list as filtered on screen to .xlsx (and .csv), calendars, an agreement's
// workbook, and the period report as .docx and as a printed page. The PDFs and PNG pages are
// left in tests/e2e/artifacts/ to look at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2e, ARTIFACTS } from './harness.mjs';
import { startWithSample } from './flows.mjs';

/** The register's search box, whatever the language. */
const searchAgreements = (page, text) => page.locator('#agreement-search').fill(text);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PYTHON = process.env.OFFICE_PYTHON ?? path.join(root, 'tools', 'office', 'venv', 'bin', 'python');
const CHECKER = path.join(root, 'scripts', 'check-office-files.py');

const WORDS = {
  vi: {
    xlsx: 'Tải Excel', csv: 'Tải CSV', ics: 'Tải lịch (.ics)', docx: 'Tải .docx',
    register: 'Danh mục văn bản', events: 'Sự kiện', recommendations: 'Kiến nghị',
    organisations: 'Cơ quan, đơn vị', people: 'Cá nhân', matrix: 'Kế hoạch theo năm',
    duties: 'Nhiệm vụ định kỳ', results: 'Kết quả theo nội dung', deadline: 'Hạn trả lời',
    open: 'Mở', report: 'Báo cáo sơ kết, tổng kết', print: 'In báo cáo', calendarDeadline: 'Hạn trả lời kiến nghị',
  },
  en: {
    xlsx: 'Download Excel', csv: 'Download CSV', ics: 'Download calendar (.ics)', docx: 'Download .docx',
    register: 'Agreements', events: 'Events', recommendations: 'Recommendations',
    organisations: 'Organisations', people: 'People', matrix: 'Plans by year',
    duties: 'Recurring duties', results: 'Results by area', deadline: 'Answer due',
    open: 'Open', report: 'Period report', print: 'Print the report', calendarDeadline: 'Recommendation due',
  },
};

/** Clicks `button` and saves the download into the artifacts, under its suggested name. */
async function download(page, button, language) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const name = file.suggestedFilename();
  assert.match(name, /^phoihop-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.(xlsx|csv|ics|docx)$/, name);
  const dir = path.join(ARTIFACTS, 'exports', language);
  await fs.mkdir(dir, { recursive: true });
  const saved = path.join(dir, name);
  await file.saveAs(saved);
  return saved;
}

/** The office clients' verdict: throws with their words when a check fails. */
function check(file, ...args) {
  try {
    execFileSync(PYTHON, [CHECKER, file, ...args], { encoding: 'utf8', stdio: 'pipe', timeout: 300_000 });
  } catch (e) {
    throw new Error(`${path.basename(file)}: ${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
}

const exportButton = (page, label) => page.locator('.export-bar').getByRole('button', { name: label, exact: true });
const rowsShown = (page) => page.locator('table.register tbody tr').count();

async function everyList(page, url, language) {
  const w = WORDS[language];
  // The register, searched: exactly the rows shown.
  await searchAgreements(page, '2018');
  await page.waitForFunction(() => document.querySelectorAll('table.register tbody tr').length < 22);
  const shown = await rowsShown(page);
  check(await download(page, exportButton(page, w.xlsx), language), '--sheet', w.register, '--rows', String(shown),
    '--contains', 'Ủy ban nhân dân tỉnh Trà Vinh');
  check(await download(page, exportButton(page, w.csv), language), '--rows', String(shown), '--contains', '02/04/2018');
  check(await download(page, exportButton(page, w.ics), language), '--contains', w.calendarDeadline);

  // Events of 2020: one session.
  await page.getByRole('link', { name: w.events, exact: true }).first().click();
  await page.locator('#event-filter-year').selectOption('2020');
  await page.waitForFunction(() => document.querySelectorAll('table.register tbody tr').length === 1);
  check(await download(page, exportButton(page, w.xlsx), language), '--sheet', w.events, '--rows', '1', '--contains', 'năm 2020');
  check(await download(page, exportButton(page, w.ics), language), '--contains', 'Trung tâm Hội nghị tỉnh Trà Vinh');

  // Open recommendations: the Trà Vinh case's two and the illustrative term's one, with their
  // deadlines and days overdue.
  await page.getByRole('link', { name: w.recommendations, exact: true }).first().click();
  await page.locator('#recommendation-filter-status').selectOption('Open');
  await page.waitForFunction(() => document.querySelectorAll('table.register tbody tr').length === 3);
  check(await download(page, exportButton(page, w.xlsx), language), '--sheet', w.recommendations, '--rows', '3',
    '--contains', w.deadline, '--contains', 'Sở Nội vụ');
  check(await download(page, exportButton(page, w.csv), language), '--rows', '3', '--contains', '31/03/2021');

  // The directory.
  await page.getByRole('link', { name: language === 'vi' ? 'Cơ quan' : 'Organisations', exact: true }).first().click();
  // The recommendations' table, and its export button, are there until the page has changed.
  await page.getByRole('heading', { level: 1, name: language === 'vi' ? 'Cơ quan, đơn vị' : 'Organisations' }).waitFor();
  await exportButton(page, w.xlsx).waitFor();
  const orgs = await page.locator('main table tbody tr').count();
  check(await download(page, exportButton(page, w.xlsx), language), '--sheet', w.organisations, '--rows', String(orgs));
  await page.getByRole('link', { name: language === 'vi' ? 'Cá nhân' : 'People', exact: true }).first().click();
  await page.getByText('Huỳnh Thị Hằng Nga').first().waitFor();
  check(await download(page, exportButton(page, w.xlsx), language), '--sheet', w.people, '--rows', '2', '--contains', 'Đồng Văn Lâm');
}

async function openAgreement2018(page, language) {
  await page.getByRole('link', { name: language === 'vi' ? 'Văn bản' : 'Agreements', exact: true }).first().click();
  await searchAgreements(page, 'quy che 2018');
  await page.locator('table.register tbody tr').first().getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: /giai đoạn 2018 - 2022$/ }).waitFor();
}

async function agreementAndReport(page, language) {
  const w = WORDS[language];
  await openAgreement2018(page, language);
  check(await download(page, exportButton(page, w.xlsx), language), '--sheet', w.matrix, '--sheet', w.duties, '--sheet', w.results,
    '--contains', 'Công tác tuyên truyền, giáo dục thế hệ trẻ');
  check(await download(page, exportButton(page, w.ics), language), '--contains', 'Chủ tịch UBND tỉnh làm việc với Ban Chấp hành Tỉnh đoàn năm 2019');

  await page.getByRole('link', { name: w.report }).click();
  await page.locator('.report-doc').waitFor();
  const docx = await download(page, exportButton(page, w.docx), language);
  const pngs = path.join(ARTIFACTS, 'exports', language, 'docx-pages');
  check(docx, '--contains', 'Đồng Văn Lâm', '--contains', 'không tổ chức năm 2021', '--png-dir', pngs);

  // The yearly report of 2021, chosen on the page.
  await page.locator('#report-scope').selectOption('2021');
  await page.waitForURL(/\/report\/2021$/);
  await page.locator('.doc-subtitle', { hasText: 'năm 2021' }).waitFor();
  check(await download(page, exportButton(page, w.docx), language), '--contains', 'KẾT QUẢ THỰC HIỆN NĂM 2021');
}

e2e('Vietnamese: every list, an agreement and its report download as files the office clients open', async ({ page, url }) => {
  await startWithSample(page, url);
  await everyList(page, url, 'vi');
  await agreementAndReport(page, 'vi');
}, { timeout: 600_000 });

e2e('English: the same files with sheet and column names in English, the report in Vietnamese', async ({ page, url }) => {
  await startWithSample(page, url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Coordination agreements' }).waitFor();
  await everyList(page, url, 'en');
  await agreementAndReport(page, 'en');
}, { timeout: 600_000 });

e2e('printing the period report gives the document alone, in the decree\'s layout', async ({ page, url }) => {
  await startWithSample(page, url);
  await openAgreement2018(page, 'vi');
  await page.getByRole('link', { name: WORDS.vi.report }).click();
  await page.locator('.report-doc').waitFor();
  await page.emulateMedia({ media: 'print' });
  const display = (locator) => locator.evaluate((e) => getComputedStyle(e).display);
  assert.equal(await display(page.locator('.app-header')), 'none');
  assert.equal(await display(page.locator('.page-head')), 'none');
  assert.equal(await display(page.locator('.report-scope')), 'none');
  const printed = await page.locator('body').innerText();
  for (const shown of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'I. ĐẶC ĐIỂM TÌNH HÌNH', 'Nơi nhận:', 'Đồng Văn Lâm']) {
    assert.ok(printed.includes(shown), `printed: ${shown}`);
  }
  for (const hidden of ['Tải .docx', 'In báo cáo', 'Kỳ báo cáo', 'Trao đổi dữ liệu']) {
    assert.ok(!printed.includes(hidden), `not printed: ${hidden}`);
  }
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  const dir = path.join(ARTIFACTS, 'exports');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, 'report-2018-2022-printed.pdf');
  await fs.writeFile(file, pdf);
  execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(dir, 'report-2018-2022-printed')]);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  assert.ok(pages.length >= 2 && pages.length <= 6, `${pages.length} pages`);
});
