// Smoke: the release build loads in a fresh browser (empty localStorage) and shows the
// first-run screen, with no console error or uncaught exception on the way (the harness checks).
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';

e2e('a fresh browser sees the first-run screen', async ({ page, url }) => {
  const response = await page.goto(url);
  assert.equal(response.status(), 200);
  assert.equal(await page.title(), 'Phối hợp');
  await page.getByText('Chào mừng').first().waitFor({ state: 'visible', timeout: 30_000 });
});
