// Pages a clerk can scan: an agreement page's summary and its sections (each its own address,
// kept by a reload, walked with Back and Forward); organisations told apart by their province,
// and a new regulation's plan matrix listing only its own departments; the signed original's
// location and SHA-256 (the file is read, never kept); recommendations searched without
// diacritics, filtered to the overdue, opened to read with editing one click away.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import { startWithSample, searchAgreements, shots, pick } from './flows.mjs';

const REGULATION_2018 = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';
const nav = (page, name) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true });
const sections = (page) => page.getByRole('navigation', { name: /^(Các phần của văn bản|Sections of the agreement)$/ });

async function openRegulation2018(page) {
  await nav(page, 'Văn bản').click();
  await searchAgreements(page, 'quy che 2018');
  await page.locator('table.register tbody tr').first().getByRole('link', { name: REGULATION_2018 }).click();
  await page.getByRole('heading', { level: 1, name: REGULATION_2018 }).waitFor();
}

e2e('an agreement page opens on its summary; each section has an address a reload and Back keep', async ({ page, url }) => {
  await startWithSample(page, url);
  await openRegulation2018(page);
  const overviewUrl = page.url();
  const summary = page.getByRole('region', { name: 'Tóm tắt văn bản' });
  await summary.getByText('2018 - 2022').waitFor();
  await summary.getByText(/UBND tỉnh \(Trà Vinh\) Chủ trì · Tỉnh Đoàn \(Trà Vinh\)/).waitFor();
  // The next thing due is the most overdue: a recommendation of 2021 not yet answered.
  await summary.getByText(/Hạn trả lời kiến nghị: .* · Hạn 31\/03\/2021 · quá hạn \d+(\.\d{3})* ngày/).waitFor();
  await summary.getByText(/\d+ sự kiện · \d+ kiến nghị \(\d+ đang chờ trả lời\)/).waitFor();
  await page.getByRole('button', { name: 'In', exact: true }).waitFor();
  // The page is short: the overview only, the other sections one click away.
  const general = page.getByRole('heading', { level: 2, name: 'Thông tin chung' });
  await general.waitFor();
  const duties = page.locator('#section-duties');
  assert.equal(await duties.isVisible(), false);
  await shots(page, 'agreement-summary-vi');

  await sections(page).getByRole('link', { name: /^Nhiệm vụ định kỳ \(1\)$/ }).click();
  await duties.locator('tbody tr', { hasText: '2021' }).waitFor();
  assert.equal(page.url(), `${overviewUrl}/duties`);
  assert.equal(await general.isVisible(), false);
  await page.reload();
  await duties.locator('tbody tr', { hasText: '2021' }).waitFor();
  assert.equal(await general.isVisible(), false);

  await page.goBack();
  await general.waitFor();
  assert.equal(page.url(), overviewUrl);
  assert.equal(await duties.isVisible(), false);
  await page.goForward();
  await duties.locator('tbody tr', { hasText: '2021' }).waitFor();
  assert.equal(page.url(), `${overviewUrl}/duties`);

  // A link to a section opens it directly (the dashboard's overdue year leads to the duties).
  await page.goto(`${overviewUrl}/events`);
  await page.locator('#section-events').getByRole('heading', { name: /^Sự kiện \(\d+\)$/ }).waitFor();
  await shots(page, 'agreement-events-vi');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('region', { name: 'Summary of the agreement' }).getByText(/\d+ events? · \d+ recommendations? \(\d+ still open\)/).waitFor();
  await shots(page, 'agreement-events-en');
  await page.goto(overviewUrl);
  await page.getByRole('heading', { level: 2, name: 'General information' }).waitFor();
  await shots(page, 'agreement-summary-en');
});

/** Adds an organisation through the directory's form. */
async function addOrganisation(page, url, { name, locality, kind, heading }) {
  await page.goto(`${url}#/organisations/new`);
  await page.getByLabel('Tên đầy đủ').fill(name);
  await page.getByLabel('Tỉnh/thành phố').fill(locality);
  await page.getByLabel('Loại', { exact: true }).selectOption({ label: kind });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

e2e("another province's regulation: its plan matrix lists only its own departments, told apart by province", async ({ page, url }) => {
  await startWithSample(page, url);
  await addOrganisation(page, url, { name: 'Ủy ban nhân dân tỉnh Hà Giang', locality: 'Hà Giang', kind: 'Ủy ban nhân dân', heading: 'Ủy ban nhân dân tỉnh Hà Giang' });
  await addOrganisation(page, url, { name: 'Tỉnh Đoàn Hà Giang', locality: 'Hà Giang', kind: 'Tổ chức chính trị - xã hội', heading: 'Tỉnh Đoàn Hà Giang' });
  // The sample has Trà Vinh's "Sở Y tế": the name is taken, the province tells them apart.
  await addOrganisation(page, url, { name: 'Sở Y tế', locality: 'Hà Giang', kind: 'Sở, ban, ngành', heading: 'Sở Y tế (Hà Giang)' });
  assert.equal(await page.getByText('Danh bạ đã có một cơ quan cùng tên').count(), 0);
  await nav(page, 'Cơ quan').click();
  await page.getByLabel('Tìm cơ quan').fill('so y te');
  const rows = page.locator('table.register tbody tr');
  await rows.filter({ hasText: 'Hà Giang' }).waitFor();
  assert.equal(await rows.count(), 2);
  await rows.filter({ hasText: 'Trà Vinh' }).waitFor();

  await page.goto(`${url}#/agreements/new`);
  await page.getByLabel('Tên văn bản').fill('Quy chế phối hợp giữa UBND tỉnh và Tỉnh Đoàn Hà Giang, giai đoạn 2024 - 2028');
  await pick(page, 'Bên 1', 'uy ban nhan dan tinh ha giang', 'Ủy ban nhân dân tỉnh Hà Giang');
  await pick(page, 'Bên 2', 'tinh doan ha giang', 'Tỉnh Đoàn Hà Giang');
  await page.getByLabel('Giai đoạn từ').fill('2024');
  await page.getByLabel('Đến', { exact: true }).fill('2028');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Hà Giang, giai đoạn 2024 - 2028/ }).waitFor();

  await sections(page).getByRole('link', { name: 'Kế hoạch (0)' }).click();
  assert.match(page.url(), /\/plans$/);
  const matrixRows = page.locator('table.matrix tbody tr');
  await matrixRows.first().waitFor();
  assert.deepEqual(await matrixRows.locator('th').allInnerTexts(), ['Sở Y tế (Hà Giang)']);
  await shots(page, 'agreement-plans-own-departments');
  // Trà Vinh's regulation still lists Trà Vinh's twenty departments, named with their province.
  await openRegulation2018(page);
  await sections(page).getByRole('link', { name: /^Kế hoạch/ }).click();
  await matrixRows.first().waitFor();
  const names = await matrixRows.locator('th').allInnerTexts();
  assert.ok(names.includes('Sở Y tế (Trà Vinh)'), names.join(', '));
  assert.ok(!names.some((n) => n.includes('Hà Giang')), names.join(', '));
});

/** Every localStorage value's length, summed: what the app keeps in this browser. */
const storedLength = (page) => page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));

e2e("the original's SHA-256 is computed from a picked file and stored; the file is not; a copy is checked", async ({ page, url }) => {
  await startWithSample(page, url);
  await openRegulation2018(page);
  const original = page.locator('section.original');
  await original.getByRole('button', { name: '+ Ghi nơi lưu bản gốc' }).click();
  const location = page.getByLabel('Nơi lưu bản quét');
  await location.fill('http://');
  await original.getByRole('button', { name: 'Lưu', exact: true }).click();
  await original.getByText('Địa chỉ web chưa đúng: cần dạng https://tên-máy-chủ/đường-dẫn, không có dấu cách.').waitFor();

  // A scan: 400 KB that no compression makes small, with a marker to look for.
  const marker = 'PHOIHOP-E2E-SCAN-MARKER-7f3a';
  const scan = Buffer.concat([Buffer.from(marker), crypto.randomBytes(400 * 1024), Buffer.from(marker)]);
  const digest = crypto.createHash('sha256').update(scan).digest('hex');
  const before = await storedLength(page);
  await location.fill('\\\\may-chu\\Van thu\\qc-2018.pdf');
  await page.getByLabel('Chọn tệp bản quét để tính mã').setInputFiles({ name: 'qc-2018.pdf', mimeType: 'application/pdf', buffer: scan });
  await page.waitForFunction((hex) => document.querySelector('#original-sha256')?.value === hex, digest);
  await original.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Đã lưu thông tin bản gốc.').waitFor();
  await page.locator('#original-stored-sha256').getByText(digest).waitFor();
  assert.equal(await original.getByRole('link', { name: '\\\\may-chu\\Van thu\\qc-2018.pdf' }).getAttribute('href'), 'file://may-chu/Van%20thu/qc-2018.pdf');
  await page.reload();
  await page.locator('#original-stored-sha256').getByText(digest).waitFor();
  const grown = (await storedLength(page)) - before;
  assert.ok(grown < 40_000, `the store grew by ${grown} characters for a 400 KB file`);
  await shots(page, 'agreement-original-vi');

  // Another office checks its copy; a changed copy does not pass.
  const check = page.getByLabel('Kiểm tra một bản sao: chọn tệp');
  await check.setInputFiles({ name: 'ban-sao.pdf', mimeType: 'application/pdf', buffer: scan });
  await original.getByText('“ban-sao.pdf” trùng khớp với bản gốc đã ghi.').waitFor();
  const changed = Buffer.from(scan);
  changed[changed.length - 1] ^= 1;
  await check.setInputFiles({ name: 'ban-sua.pdf', mimeType: 'application/pdf', buffer: changed });
  await original.getByText(/“ban-sua.pdf” KHÔNG trùng với bản gốc đã ghi/).waitFor();

  // The export carries the digest and not the file.
  await nav(page, 'Trao đổi dữ liệu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click(),
  ]);
  const file = path.join(ARTIFACTS, 'export-with-original.json');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(`"sha256":"${digest}"`), 'the digest is exported');
  assert.ok(!text.includes(marker), 'the file is not');
  assert.ok(text.length < 400 * 1024, `the export is ${text.length} characters`);

  // Anything but http(s) and file-share forms is shown as text, never as a link.
  await page.goBack();
  await original.getByRole('button', { name: 'Sửa', exact: true }).click();
  await location.fill('javascript:alert(1)');
  await original.getByRole('button', { name: 'Lưu', exact: true }).click();
  await original.locator('.original-text', { hasText: 'javascript:alert(1)' }).waitFor();
  assert.equal(await original.locator('a', { hasText: 'javascript' }).count(), 0);
});

e2e('recommendations: searched without diacritics, filtered to the overdue, read on a page, edited one click away', async ({ page, url }) => {
  await startWithSample(page, url);
  await nav(page, 'Kiến nghị').click();
  await page.getByRole('heading', { level: 1, name: 'Kiến nghị' }).waitFor();
  const rows = page.locator('table.register tbody tr');
  await rows.first().waitFor();
  const all = await rows.count();
  const lateBefore = await rows.filter({ hasText: /quá hạn \d/ }).count();
  assert.ok(lateBefore > 0 && lateBefore < all, `${lateBefore} of ${all} overdue`);

  await page.getByLabel('Tìm kiến nghị').fill('KHOI NGHIEP');
  await page.getByText(new RegExp(`^\\d+ / ${all} kiến nghị khớp`)).waitFor();
  const found = await rows.allInnerTexts();
  assert.ok(found.length > 0 && found.length < all);
  assert.ok(found.every((t) => /khởi nghiệp/i.test(t)), found.join('\n'));
  await page.getByLabel('Tìm kiến nghị').fill('');
  await page.getByText(`${all} kiến nghị`, { exact: true }).waitFor();

  await page.getByLabel('Chỉ kiến nghị quá hạn').check();
  await page.getByText(`${lateBefore} / ${all} kiến nghị khớp`).waitFor();
  assert.ok((await rows.allInnerTexts()).every((t) => /quá hạn \d/.test(t)));
  await shots(page, 'recommendations-overdue-vi', { fullPage: false });

  // A recommendation opens to be read; its form is one click away.
  const first = rows.first().locator('td.title a');
  const content = await first.innerText();
  await first.click();
  await page.getByRole('heading', { level: 1, name: content }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Trạng thái' }).waitFor();
  assert.equal(await page.locator('#recommendation-content').count(), 0);
  await shots(page, 'recommendation-read-vi');
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  assert.equal(await page.locator('#recommendation-content').inputValue(), content);
  assert.match(page.url(), /#\/recommendations\/[0-9a-f-]{36}\/edit$/);
  await page.getByRole('link', { name: 'Hủy', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Trạng thái' }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 2, name: 'Status' }).waitFor();
  await shots(page, 'recommendation-read-en');
});

// A district clerk on a phone: no page of the app scrolls sideways. Wide tables scroll in their
// own box (.table-scroll); a select holding a long agreement title keeps to the filter box.
e2e('on a phone (360 and 412 px) no page scrolls sideways', async ({ page, url }) => {
  await startWithSample(page, url);
  const pages = [
    ['#/', 'Tổng quan'],
    ['#/agreements', 'Văn bản phối hợp'],
    ['#/events', 'Sự kiện'],
    ['#/recommendations', 'Kiến nghị'],
    ['#/organisations', 'Cơ quan, đơn vị'],
    ['#/people', 'Cá nhân'],
    ['#/sharing', 'Trao đổi dữ liệu'],
    ['#/audit', 'Nhật ký thay đổi'],
    ['#/settings', 'Cài đặt'],
  ];
  for (const width of [360, 412]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [hash, title] of pages) {
      await page.goto(url + hash);
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      const { over, wider } = await page.evaluate(() => {
        const edge = document.documentElement.clientWidth;
        return {
          over: document.documentElement.scrollWidth - edge,
          // What sticks out, outside any box that scrolls (or clips) on its own: named in the message.
          wider: [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
            .filter((el) => {
              for (let up = el.parentElement; up; up = up.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return false;
              }
              return true;
            })
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`),
        };
      });
      assert.ok(over <= 0, `${hash} at ${width} px scrolls sideways by ${over} px: ${wider.join(', ')}`);
    }
  }
  await page.goto(url + '#/recommendations');
  await page.getByRole('heading', { level: 1, name: 'Kiến nghị', exact: true }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'recommendations-412.png') });

  // On a desktop a filter is as wide as its select: no gap after a long agreement title's.
  await page.setViewportSize({ width: 1366, height: 800 });
  for (const [hash, title] of [['#/events', 'Sự kiện'], ['#/recommendations', 'Kiến nghị']]) {
    await page.goto(url + hash);
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    const gaps = await page.$$eval('.filters label', (labels) => labels
      .filter((l) => l.querySelector('select'))
      .map((l) => l.getBoundingClientRect().width - l.querySelector('select').getBoundingClientRect().width));
    assert.ok(gaps.length > 0 && gaps.every((g) => g <= 1), `${hash}: a filter wider than its select by ${gaps.join(', ')} px`);
  }
});
