// Steps that many end-to-end tests share, written as a user does them.
import assert from 'node:assert/strict';

/** First run: name the office, then load the sample. Ends on the agreement register. */
export async function startWithSample(page, url, officeName = 'Văn phòng UBND tỉnh Trà Vinh') {
  await page.goto(url);
  await page.getByLabel('Tên cơ quan / đơn vị của bạn').fill(officeName);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('button', { name: /Nạp dữ liệu mẫu/ }).click();
  await page.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
  await page.getByText('22 văn bản').waitFor();
}

/** Every localStorage entry, to prove that a refused action wrote nothing. */
export async function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      out[key] = localStorage.getItem(key);
    }
    return out;
  });
}

export async function searchAgreements(page, text) {
  await page.getByLabel('Tìm kiếm văn bản').fill(text);
}

export function assertSameStorage(before, after) {
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
  for (const key of Object.keys(before)) assert.equal(after[key], before[key], key);
}
