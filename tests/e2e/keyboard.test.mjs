// Keyboard alone: find an agreement (skip link, Tab to the search box, type, Tab to the result,
// Enter), edit its title and save (Tab, Enter), with a visible focus indicator on every control
// reached on the way. The duplicate dialog takes the focus, closes with Escape and gives it back.
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { startWithSample } from './flows.mjs';

const NEW_PERIOD = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';

/** What has the focus, and whether it is drawn (an outline or a box-shadow). */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'BODY', visible: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {
      tag: el.tagName,
      id: el.id,
      type: el.getAttribute('type'),
      text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 120),
      href: el.getAttribute('href'),
      inRegister: !!el.closest('table.register'),
      visible: outline || shadow,
    };
  });
}

/**
 * Presses Tab until `wanted(focus)` holds (at most `max` times), checking on the way that each
 * focused element shows its focus. Returns the focus reached.
 */
async function tabTo(page, wanted, what, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'BODY') {
      assert.ok(f.visible, `focus not visible on ${f.tag}#${f.id} “${f.text}” (on the way to ${what})`);
    }
    if (wanted(f)) return f;
  }
  assert.fail(`${what} not reached with ${max} presses of Tab`);
}

e2e('find an agreement, edit and save it with the keyboard alone', async ({ page, url }) => {
  await startWithSample(page, url);
  // From the top of the page, as after a reload: the skip link comes first.
  await page.reload();
  await page.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.equal(skip.href, '#main');
  assert.ok(skip.visible, 'the skip link shows its focus');
  assert.ok(await page.locator('.skip-link').isVisible(), 'the skip link is on screen when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  await tabTo(page, (f) => f.id === 'agreement-search', 'the search box');
  await page.keyboard.type('quy che 2018');
  await page.getByText('1 / 22 văn bản khớp').waitFor();
  const result = await tabTo(page, (f) => f.tag === 'A' && f.inRegister, 'the first result');
  assert.equal(result.text, NEW_PERIOD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: NEW_PERIOD }).waitFor();

  await tabTo(page, (f) => f.tag === 'A' && f.text === 'Sửa', 'the edit link');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Sửa văn bản' }).waitFor();
  await tabTo(page, (f) => f.id === 'f-title', 'the title');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Quy chế phối hợp 2018 - 2022 (sửa bằng bàn phím)');
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.type === 'submit', 'the save button', 200);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Quy chế phối hợp 2018 - 2022 (sửa bằng bàn phím)' }).waitFor();
  await page.getByText('Đã lưu thay đổi.').waitFor();

  await tabTo(page, (f) => f.id === 'duplicate-open', 'the duplicate button');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Nhân bản cho giai đoạn sau' }).waitFor();
  const inDialog = await focused(page);
  assert.equal(inDialog.id, 'carry-parties', 'the dialog takes the focus');
  assert.ok(inDialog.visible);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  assert.equal((await focused(page)).id, 'duplicate-open', 'the focus goes back to the button');
});
