// Long lists (src/ui/virtual_rows.rs) as a user meets them with years of data: the register and
// the events page draw the rows near the screen only, yet every row is reachable by scrolling,
// by search, by the keyboard, is counted for screen readers, and is printed.
import assert from 'node:assert/strict';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import { generatedStore, putStore, searchAgreements } from './flows.mjs';

const AGREEMENTS = 400;
const EVENTS = 1200;

const drawnRows = (table) => table.locator('tbody tr[aria-rowindex]');

async function openRegister(page, url) {
  await putStore(page, url, generatedStore(EVENTS, AGREEMENTS));
  await page.goto(url + '#/agreements');
  await page.reload();
  await page.getByText(`${AGREEMENTS} văn bản`, { exact: true }).waitFor({ timeout: 60_000 });
  return page.locator('table.register');
}

e2e('the register draws the rows near the screen; scrolling, the keyboard and search reach the rest', async ({ page, url }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  const table = await openRegister(page, url);
  assert.equal(await table.getAttribute('aria-rowcount'), String(AGREEMENTS + 1));
  await drawnRows(table).first().waitFor();
  const drawn = await drawnRows(table).count();
  // At least a block of 25 (taller than the screen), never the whole list.
  assert.ok(drawn >= 25 && drawn <= 200, `${drawn} rows drawn of ${AGREEMENTS}`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'long-register-1366.png') });

  // Tab from the last row drawn at first goes on to the next one, drawn as it comes near.
  const last = table.locator(`tr[aria-rowindex="${drawn + 1}"] td.title a`);
  await last.focus();
  await table.locator(`tr[aria-rowindex="${drawn + 2}"]`).waitFor();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.closest('tr')?.getAttribute('aria-rowindex'));
  assert.equal(focused, String(drawn + 2));

  // The end of the list, by scrolling.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const end = table.locator(`tr[aria-rowindex="${AGREEMENTS + 1}"]`);
  await end.waitFor();
  const lastNumber = (await end.locator('.agreement-number').textContent()).trim();
  // Rows far above are emptied again, their height kept: the page is as long as the list.
  await table.locator('tr[aria-rowindex="2"]').waitFor({ state: 'detached' });

  // Any row, by search.
  await page.evaluate(() => window.scrollTo(0, 0));
  await searchAgreements(page, lastNumber);
  await page.getByText(`1 / ${AGREEMENTS} văn bản khớp`).waitFor();
  assert.equal((await drawnRows(table).first().locator('.agreement-number').textContent()).trim(), lastNumber);
});

e2e('a printed register or timeline holds every row', async ({ page, url }) => {
  const table = await openRegister(page, url);
  await drawnRows(table).first().waitFor();
  assert.ok((await drawnRows(table).count()) < AGREEMENTS);
  await page.emulateMedia({ media: 'print' });
  await table.locator(`tr[aria-rowindex="${AGREEMENTS + 1}"]`).waitFor();
  assert.equal(await drawnRows(table).count(), AGREEMENTS);
  assert.equal(await table.locator('tr.spacer').count(), 0);
  await page.emulateMedia({ media: 'screen' });
  await table.locator(`tr[aria-rowindex="${AGREEMENTS + 1}"]`).waitFor({ state: 'detached' });

  await page.goto(url + '#/events');
  await page.getByText('1.200 sự kiện', { exact: true }).waitFor({ timeout: 60_000 });
  const rows = page.locator('.timeline tbody tr[aria-rowindex]');
  await rows.first().waitFor();
  assert.ok((await rows.count()) < EVENTS, `${await rows.count()} event rows drawn at first`);
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction((n) => document.querySelectorAll('.timeline tbody tr[aria-rowindex]').length === n, EVENTS);
  await page.emulateMedia({ media: 'screen' });
});

e2e('the events page draws its later months as they come into view', async ({ page, url }) => {
  await putStore(page, url, generatedStore(EVENTS, AGREEMENTS));
  for (const width of [1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url + '#/events');
    await page.reload();
    await page.getByText('1.200 sự kiện', { exact: true }).waitFor({ timeout: 60_000 });
    const rows = page.locator('.timeline tbody tr[aria-rowindex]');
    await rows.first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, `long-events-${width}.png`) });
  }
  const drawn = await page.locator('.timeline tbody tr[aria-rowindex]').count();
  assert.ok(drawn < EVENTS, `${drawn} rows drawn of ${EVENTS}`);
  // Every year's heading counts its events; only the years near the screen have their months,
  // and only the months near it their table; every count agrees with what is drawn.
  const timeline = () => page.$$eval('.timeline-year', (sections) => sections.map((section) => {
    const count = (heading) => Number(heading.querySelector('.count').textContent.replace(/\D/g, ''));
    return {
      count: count(section.querySelector('h2')),
      months: [...section.querySelectorAll(':scope > h3')].map((h) => ({
        count: count(h),
        rows: h.nextElementSibling.matches('table') ? Number(h.nextElementSibling.getAttribute('aria-rowcount')) - 1 : null,
      })),
    };
  }));
  const years = await timeline();
  assert.equal(years.reduce((a, y) => a + y.count, 0), EVENTS);
  const drawnYears = years.filter((y) => y.months.length > 0);
  assert.ok(drawnYears.length >= 1 && drawnYears.length < years.length, `${drawnYears.length} of ${years.length} years drawn`);
  for (const y of drawnYears) assert.equal(y.months.reduce((a, m) => a + m.count, 0), y.count);
  const months = drawnYears.flatMap((y) => y.months);
  const tables = months.filter((m) => m.rows !== null);
  assert.ok(tables.length >= 1 && tables.length < months.length, `${tables.length} of ${months.length} months drawn`);
  for (const m of tables) assert.equal(m.rows, m.count);
  // The oldest month, at the end of the page, is drawn once scrolled to.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const lastTable = page.locator('.timeline-year').last().locator(':scope > h3').last().locator('xpath=following-sibling::table[1]');
  await lastTable.locator('tbody tr[aria-rowindex]').first().waitFor();
  const oldest = (await timeline()).at(-1).months.at(-1);
  await lastTable.locator(`tr[aria-rowindex="${oldest.count + 1}"]`).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'long-events-end-1920.png') });
});
