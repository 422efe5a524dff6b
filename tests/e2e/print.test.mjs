// Printing an agreement gives a clean document in the Vietnamese administrative layout
// (style/print.css, the print-only blocks of src/ui/agreement_page.rs): no navigation, buttons
// or life-cycle sections; heading with place and date; numbered areas; signature block table.
// The PDF is left in tests/e2e/artifacts/ to look at.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import { startWithSample, searchAgreements } from './flows.mjs';

const display = (locator) => locator.evaluate((e) => getComputedStyle(e).display);

e2e('printing the 2018–2022 agreement gives the document only', async ({ page, url }) => {
  await startWithSample(page, url);
  await searchAgreements(page, 'quy che 2018');
  await page.locator('table.register tbody tr').first().getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: /giai đoạn 2018 - 2022$/ }).waitFor();
  // On screen the print-only blocks are hidden.
  assert.equal(await display(page.locator('.doc-head')), 'none');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await display(page.locator('.app-header')), 'none');
  assert.equal(await display(page.locator('.page-head')), 'none');
  assert.notEqual(await display(page.locator('.doc-head')), 'none');
  assert.equal(await page.locator('.place-date').textContent(), 'Trà Vinh, ngày 02 tháng 4 năm 2018');
  assert.deepEqual(await page.locator('.doc-head .issuer').allTextContents(), [
    'ỦY BAN NHÂN DÂN TỈNH TRÀ VINH',
    'BAN CHẤP HÀNH ĐOÀN TNCS HỒ CHÍ MINH TỈNH TRÀ VINH',
  ]);
  const signatures = page.locator('table.doc-signatures');
  assert.equal(await signatures.locator('.sig-titles td').count(), 2);
  assert.equal(await signatures.locator('.sig-authority').first().textContent(), 'TM. ỦY BAN NHÂN DÂN TỈNH TRÀ VINH');
  assert.deepEqual(await signatures.locator('.sig-names td').allTextContents(), ['Đồng Văn Lâm', 'Huỳnh Thị Hằng Nga']);

  // What a printer gets: innerText leaves out whatever is not displayed.
  const printed = await page.locator('body').innerText();
  for (const shown of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'NỘI DUNG PHỐI HỢP',
    'Công tác tuyên truyền, giáo dục thế hệ trẻ', 'Thực hiện pháp luật về trẻ em']) {
    assert.ok(printed.toUpperCase().includes(shown.toUpperCase()), `printed: ${shown}`);
  }
  for (const hidden of ['Tổng quan', 'Trao đổi dữ liệu', 'Cài đặt', 'Nhân bản cho giai đoạn sau', 'Xóa',
    'Thông tin chung', 'Sự kiện', 'Tạo lúc', 'Văn phòng UBND tỉnh Trà Vinh']) {
    assert.ok(!printed.includes(hidden), `not printed: ${hidden}`);
  }

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  await fs.mkdir(ARTIFACTS, { recursive: true });
  await fs.writeFile(path.join(ARTIFACTS, 'agreement-2018-2022.pdf'), pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  assert.ok(pages.length >= 1 && pages.length <= 4, `${pages.length} pages`);
});
