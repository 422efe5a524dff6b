// Two tabs (pages of one browser context) pressing "Lưu" in the same instant: localStorage has
// no lock of its own, so without one the second write replaced the first and both said "Đã lưu".
// Every typed value must end up either stored or shown as a conflict the user settles.
import assert from 'node:assert/strict';
import path from 'node:path';
import { e2e, ARTIFACTS } from './harness.mjs';
import { startWithSample } from './flows.mjs';

const ROUNDS = 20;

async function openSoYte(p, url) {
  await p.goto(url + '#/organisations');
  await p.getByRole('link', { name: 'Sở Y tế', exact: true }).click();
  await p.getByRole('heading', { level: 1, name: 'Sở Y tế (Trà Vinh)', exact: true }).waitFor();
}

async function reopen(p) {
  await p.reload();
  await p.getByRole('heading', { level: 1, name: 'Sở Y tế (Trà Vinh)', exact: true }).waitFor();
}

const shortName = (p) => p.getByLabel('Tên viết tắt', { exact: true });
const notes = (p) => p.getByLabel('Ghi chú', { exact: true });

/**
 * Presses the form's "Lưu" in every page at one instant of the shared clock, from inside the
 * pages. Playwright's own click() takes tens of milliseconds of round trips (scrolling, waiting
 * for the button to be still), enough for the first save's storage event to reach the other page
 * first; two people, or one person with two windows, are quicker than that.
 */
async function pressSaveTogether(pages) {
  const at = Date.now() + 200;
  await Promise.all(pages.map((p) => p.evaluate((at) => new Promise((done) => {
    setTimeout(() => {
      document.querySelector('#organisation-form button[type=submit]').click();
      done();
    }, at - Date.now());
  }), at)));
}

e2e('two pages saving in the same instant lose nothing: other fields merge, the same field is a conflict to settle', async ({ page: a, context, url }) => {
  await startWithSample(a, url);
  const b = await context.newPage();
  await openSoYte(a, url);
  await openSoYte(b, url);
  let conflictsShown = 0;
  let shot = false;
  for (let round = 0; round < ROUNDS; round++) {
    const sameField = round % 2 === 1;
    const mineA = `Ghi chú A vòng ${round}`;
    const mineB = sameField ? `Ghi chú B vòng ${round}` : `SYT-B${round}`;
    await notes(a).fill(mineA);
    await (sameField ? notes(b) : shortName(b)).fill(mineB);
    await pressSaveTogether([a, b]);
    // Each page says how its save went once it is done (the notice waits for the write). Notices
    // stack: the sample's, still on screen in the first round, is not the save's.
    const saveNotice = (p) => p.locator('.toast').filter({ hasText: /Đã lưu|xung đột/ });
    const toastA = saveNotice(a);
    const toastB = saveNotice(b);
    await toastA.waitFor();
    await toastB.waitFor();
    const said = { a: await toastA.innerText(), b: await toastB.innerText() };
    if (sameField && !shot) {
      // The page that lost the race, as it is then: its notice and the question.
      const loser = /xung đột/i.test(said.a) ? a : b;
      await loser.locator('#conflicts').waitFor();
      for (const width of [1024, 1366, 1920]) {
        await loser.setViewportSize({ width, height: 900 });
        await loser.screenshot({ path: path.join(ARTIFACTS, `two-tabs-conflict-${width}.png`), fullPage: false });
      }
      await loser.setViewportSize({ width: 1280, height: 800 });
      shot = true;
    }

    await reopen(a);
    await reopen(b);
    const msg = `round ${round} (${sameField ? 'same field' : 'different fields'}), notices ${JSON.stringify(said)}`;
    if (!sameField) {
      assert.equal(await notes(a).inputValue(), mineA, `A's note was lost: ${msg}`);
      assert.equal(await shortName(a).inputValue(), mineB, `B's short name was lost: ${msg}`);
      assert.equal(await a.locator('#conflicts').count(), 0, msg);
      for (const text of Object.values(said)) assert.match(text, /Đã lưu/, msg);
      continue;
    }
    // The same field: one value is stored, the other is a conflict shown in both pages.
    const stored = await notes(a).inputValue();
    assert.ok([mineA, mineB].includes(stored), `stored ${stored}: ${msg}`);
    const other = stored === mineA ? mineB : mineA;
    for (const p of [a, b]) {
      const banner = p.locator('#conflicts');
      await banner.getByText(other, { exact: true }).first().waitFor({ timeout: 5_000 }).catch(() => {
        assert.fail(`${other} is neither stored nor shown as a conflict: ${msg}`);
      });
    }
    conflictsShown++;
    // The page that lost the race did not say "Đã lưu" but that there is a conflict to decide.
    const loser = stored === mineA ? said.b : said.a;
    assert.doesNotMatch(loser, /^Đã lưu/, msg);
    assert.match(loser, /xung đột/i, msg);
    // Settled field by field: alternately keep the stored value and take the other one.
    const keep = round % 4 === 1 ? other : stored;
    const banner = b.locator('#conflicts');
    await banner.getByRole('radio', { name: keep, exact: true }).check();
    await banner.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    for (const p of [a, b]) await p.locator('#conflicts').waitFor({ state: 'detached' });
    await reopen(a);
    assert.equal(await notes(a).inputValue(), keep, `the choice was not kept: ${msg}`);
    assert.equal(await a.locator('#conflicts').count(), 0, msg);
    await reopen(b);
  }
  assert.equal(conflictsShown, ROUNDS / 2);
  await b.close();
}, { timeout: 600_000 });

e2e('an edit saved while another tab holds the storage lock waits for it, is kept, and closing the page asks first', async ({ page: a, context, url }) => {
  await startWithSample(a, url);
  const b = await context.newPage();
  await openSoYte(a, url);
  await b.goto(url + '#/agreements');
  // Another tab is in the middle of a write (held here by hand, as long as the test says).
  await b.evaluate(() => new Promise((held) => {
    navigator.locks.request('phoihop/storage', () => new Promise((release) => {
      window.releaseStorageLock = release;
      held();
    }));
  }));
  const before = await a.evaluate(() => JSON.stringify(localStorage));
  await notes(a).fill('Ghi chú lưu khi thẻ kia đang ghi');
  await a.getByRole('button', { name: 'Lưu', exact: true }).click();
  // The save waits in the lock's queue: nothing written, no "Đã lưu" yet.
  await a.waitForFunction(async () => (await navigator.locks.query()).pending
    .some((l) => l.name === 'phoihop/storage'));
  assert.equal(await a.locator('.toast').getByText('Đã lưu', { exact: true }).count(), 0);
  assert.equal(await a.evaluate(() => JSON.stringify(localStorage)), before);
  // Closing now would lose it: the page asks first.
  const asked = a.waitForEvent('dialog');
  await a.close({ runBeforeUnload: true });
  const dialog = await asked;
  assert.equal(dialog.type(), 'beforeunload');
  await dialog.dismiss();
  // The other tab lets go: the edit is written, and said so.
  await b.evaluate(() => window.releaseStorageLock());
  await a.locator('.toast').getByText('Đã lưu', { exact: true }).waitFor();
  await openSoYte(b, url);
  assert.equal(await notes(b).inputValue(), 'Ghi chú lưu khi thẻ kia đang ghi');
  await b.close();
});

e2e('an office named while another tab holds the storage lock: closing the page asks first, and the office is stored once the lock is free', async ({ page: a, context, url }) => {
  const b = await context.newPage();
  await b.goto(url);
  await b.getByRole('heading', { level: 1 }).first().waitFor();
  await b.evaluate(() => new Promise((held) => {
    navigator.locks.request('phoihop/storage', () => new Promise((release) => {
      window.releaseStorageLock = release;
      held();
    }));
  }));
  await a.goto(url);
  await a.getByLabel('Tên cơ quan / đơn vị của bạn').fill('Sở Nội vụ Trà Vinh');
  await a.getByRole('button', { name: 'Tiếp tục' }).click();
  await a.getByRole('button', { name: /Bắt đầu trống/ }).click();
  await a.waitForFunction(async () => (await navigator.locks.query()).pending
    .some((l) => l.name === 'phoihop/storage'));
  // The office waits in the lock's queue: closing now would lose it, so the page asks.
  const outcome = Promise.race([
    a.waitForEvent('dialog').then(async (dialog) => {
      await dialog.dismiss();
      return dialog.type();
    }),
    a.waitForEvent('close').then(() => 'closed without asking'),
  ]);
  await a.close({ runBeforeUnload: true });
  assert.equal(await outcome, 'beforeunload');
  await b.evaluate(() => window.releaseStorageLock());
  await a.getByRole('heading', { level: 1, name: 'Văn bản phối hợp' }).waitFor();
  await b.reload();
  await b.locator('.office-name').getByText('Sở Nội vụ Trà Vinh').waitFor({ state: 'attached' });
  await b.close();
});
