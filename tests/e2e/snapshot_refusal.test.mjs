// A store a little too big for the backup budget: the day's snapshot is encoded once, refused
// and the refusal noted (phoihop/snapshot-refused), so a reload neither encodes it again that
// day nor forgets to say why there is no backup. src/core/storage/snapshot_refusal.rs.
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { generatedStore, putStore, nav } from './flows.mjs';

// Generated data whose sizes estimate 109% of the backup budget (under the 150% that is encoded
// all the same, the estimate being rough), and whose snapshot takes 106% of it: encoded, then
// refused by the exact check.
const EVENTS = 26_000;
const AGREEMENTS = 400;
const NOTE = 'phoihop/snapshot-refused';
const ENCODED = 'phoihop: snapshot encoded';
const NOT_DUE = 'phoihop: daily snapshot not due';

/** How many performance entries named `name` the page has made since it loaded. */
const entries = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).length, name);

/** Waits until the page has made a performance entry named `name`. */
const entryMade = (page, name) => page.waitForFunction(
  (n) => performance.getEntriesByName(n).length > 0, name, { timeout: 60_000 },
);

/** Today in Vietnam (UTC+7), as the note writes a day. */
const todayInVietnam = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Waits for the app to have read the store and drawn its page (a reload stays on Settings). */
async function opened(page) {
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
}

async function refusalShown(page) {
  await nav(page, 'Cài đặt').click();
  const backups = page.locator('#storage-backups');
  await backups.getByText('Chưa có bản sao lưu nào.').waitFor();
  const refused = backups.locator('.field-warning').filter({ hasText: 'Bản sao lưu gần nhất không tạo được:' });
  await refused.waitFor();
  return refused.textContent();
}

e2e('a daily backup refused for room is noted: after a reload it is not encoded again that day, and Settings still says why', async ({ page, url }) => {
  await putStore(page, url, generatedStore(EVENTS, AGREEMENTS));
  await page.reload();
  await opened(page);

  // A few seconds after the start: encoded once, refused, noted.
  await entryMade(page, ENCODED);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, NOTE);
  const note = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), NOTE));
  assert.equal(note.day, todayInVietnam());
  assert.ok(note.units > note.limit, `${note.units} units refused for a limit of ${note.limit}`);
  assert.ok(note.estimate > note.limit && note.estimate <= note.limit * 1.5, JSON.stringify(note));
  const said = await refusalShown(page);
  assert.match(said, /Bản sao lưu cần khoảng 26,4% bộ nhớ/);

  // Reloaded the same day: once the day's snapshot has been looked at and found not due, no
  // encoding was done, so the refusal Settings shows is the note's.
  await page.reload();
  await opened(page);
  await entryMade(page, NOT_DUE);
  assert.equal(await entries(page, ENCODED), 0, 'not encoded again');
  assert.equal(await refusalShown(page), said);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), NOTE), JSON.stringify(note));

  // A note of another day stands in the way of nothing: the next start tries again (and is
  // refused again, noted for today).
  await page.evaluate(([key, note]) => localStorage.setItem(key, JSON.stringify({ ...note, day: '2000-01-01' })), [NOTE, note]);
  await page.reload();
  await opened(page);
  await entryMade(page, ENCODED);
  await page.waitForFunction(([key, day]) => JSON.parse(localStorage.getItem(key)).day === day, [NOTE, todayInVietnam()]);
  assert.equal(await entries(page, NOT_DUE), 0);
}, { timeout: 180_000 });
