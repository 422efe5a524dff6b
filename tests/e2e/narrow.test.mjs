// The lists on a phone's width (412 px): a column hidden to save room goes with its header, so
// every header still names the cells under it; and in the lists of fixed column widths
// (src/ui/virtual_rows.rs) nothing sticks out of its cell over the next one (a long number, a
// date and time, a status badge wrap within their column).
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { startWithSample } from './flows.mjs';

/** For each table on the page: its headers shown, and each body row's cells shown (text). */
function shownColumns() {
  const shown = (el) => el.getClientRects().length > 0;
  return [...document.querySelectorAll('main table')].map((table) => ({
    heads: [...table.querySelectorAll('thead th')].filter(shown).map((th) => th.textContent.trim()),
    rows: [...table.querySelectorAll('tbody tr:not(.spacer)')]
      .map((tr) => [...tr.children].filter(shown).map((td) => td.textContent.trim()))
      .filter((cells) => cells.length > 0),
  }));
}

/** Every element in a cell of a fixed-width list that reaches past its cell's right edge. */
function sticking() {
  const out = [];
  for (const td of document.querySelectorAll('main table.virtual tbody td')) {
    const edge = td.getBoundingClientRect().right;
    for (const el of td.querySelectorAll('*')) {
      const right = el.getBoundingClientRect().right;
      if (right > edge + 0.5) out.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(right - edge)} px past its cell`);
    }
  }
  return out;
}

e2e('on a phone, every list shows as many headers as cells, and nothing sticks out of its cell', async ({ page, url }) => {
  await page.setViewportSize({ width: 412, height: 860 });
  await startWithSample(page, url);
  const lists = [
    ['agreements', 'Văn bản phối hợp'],
    ['events', 'Sự kiện'],
    ['recommendations', 'Kiến nghị'],
    ['organisations', 'Cơ quan, đơn vị'],
    ['people', 'Cá nhân'],
  ];
  for (const [path, heading] of lists) {
    await page.goto(`${url}#/${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.locator('main table tbody tr td').first().waitFor();
    // The events' months far below are not drawn yet (NearParts): their tables have no rows.
    const tables = (await page.evaluate(shownColumns)).filter((t) => t.rows.length > 0);
    assert.ok(tables.length > 0, `#/${path} has a table with rows`);
    for (const { heads, rows } of tables) {
      for (const cells of rows) {
        assert.equal(cells.length, heads.length, `#/${path}: headers ${JSON.stringify(heads)} over cells ${JSON.stringify(cells)}`);
      }
    }
    assert.deepEqual(await page.evaluate(sticking), [], `#/${path}`);
  }
});

e2e('on a phone, the dashboard\'s bands of work due stand one under the other, as wide as the page', async ({ page, url }) => {
  await page.setViewportSize({ width: 412, height: 860 });
  await startWithSample(page, url);
  await page.goto(`${url}#/`);
  await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  const bands = page.locator('.bands > *');
  await bands.first().waitFor();
  const boxes = await bands.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
  assert.ok(boxes.length >= 3, `${boxes.length} bands`);
  for (const [i, box] of boxes.entries()) {
    assert.equal(Math.round(box.x), Math.round(boxes[0].x), `band ${i} starts where the first does`);
    assert.equal(Math.round(box.width), Math.round(boxes[0].width), `band ${i} as wide as the first`);
    if (i > 0) assert.ok(box.y >= boxes[i - 1].y + boxes[i - 1].height, `band ${i} below band ${i - 1}`);
  }
});
