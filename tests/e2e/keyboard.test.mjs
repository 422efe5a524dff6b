// Keyboard alone, the main flows: find an agreement (skip link, Tab to the search box,
// type, Tab to the result, Enter), edit its title and save; record an event; import a file —
// with a visible focus indicator on every control reached on the way. Every page change puts
// the focus on the new page's heading and names the page in the tab's title. The duplicate
// dialog takes the focus, closes with Escape and gives it back.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2e } from './harness.mjs';
import { startWithSample, startEmpty } from './flows.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

const NEW_PERIOD = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';

/** What has the focus, and whether it is drawn (an outline or a box-shadow). */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'BODY', visible: false };
    // A visually hidden file input shows its focus on the label drawn in its place.
    const drawn = el.matches('input.visually-hidden') ? el.previousElementSibling : el;
    const style = getComputedStyle(drawn);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    // A heading given the focus (a new page, the import's preview) is marked by a thick underline.
    const underline = /^H[12]$/.test(el.tagName) && style.textDecorationLine.includes('underline')
      && parseFloat(style.textDecorationThickness) >= 2;
    return {
      tag: el.tagName,
      id: el.id,
      type: el.getAttribute('type'),
      text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 120),
      href: el.getAttribute('href'),
      inRegister: !!el.closest('table.register'),
      visible: outline || shadow || underline,
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
  await page.getByText('1 / 23 văn bản khớp').waitFor();
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

/** After a page change: the focus is on the new page's heading, drawn, and the tab names it. */
async function onNewPage(page, heading) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction((h) => document.activeElement?.tagName === 'H1'
    && document.activeElement.textContent.trim() === h, heading);
  const f = await focused(page);
  assert.ok(f.visible, `the focused heading “${heading}” shows its focus`);
  assert.equal(await page.title(), `${heading} – Phối hợp`);
}

e2e('record an event with the keyboard alone; each page change focuses its heading', async ({ page, url }) => {
  await startWithSample(page, url);
  await page.reload();
  await page.getByRole('heading', { name: 'Văn bản phối hợp' }).waitFor();
  assert.equal(await page.title(), 'Văn bản phối hợp – Phối hợp', 'the first page is named too');
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true,
    'opening the app leaves the focus where the browser put it');

  await tabTo(page, (f) => f.tag === 'A' && f.href === '#/events', 'the events link');
  await page.keyboard.press('Enter');
  await onNewPage(page, 'Sự kiện');
  // Tab goes on from the top of the new page, not from the link that brought us here.
  const next = await tabTo(page, (f) => f.tag !== 'BODY', 'the first control of the page', 1);
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('#main')), `Tab stays in the page: ${next.text}`);

  await tabTo(page, (f) => f.tag === 'A' && f.text === '+ Ghi sự kiện', 'the new event link');
  await page.keyboard.press('Enter');
  await onNewPage(page, 'Ghi sự kiện');

  const title = 'Giao ban công tác phối hợp quý IV (ghi bằng bàn phím)';
  await tabTo(page, (f) => f.id === 'event-title', 'the event title');
  await page.keyboard.type(title);
  await tabTo(page, (f) => f.id === 'event-date', 'the date');
  await page.keyboard.type('15/12/2026');
  await tabTo(page, (f) => f.id === 'event-place', 'the place');
  await page.keyboard.type('Hội trường UBND tỉnh');
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.type === 'submit', 'the save button', 200);
  await page.keyboard.press('Enter');
  await onNewPage(page, title);
  await page.getByText('Đã lưu sự kiện.').waitFor();
  await page.getByText('15/12/2026').first().waitFor();

  // The same event is in the list, reached again by keyboard.
  await tabTo(page, (f) => f.tag === 'A' && f.href === '#/events', 'the events link', 200);
  await page.keyboard.press('Enter');
  await onNewPage(page, 'Sự kiện');
  await page.getByRole('link', { name: title }).waitFor();
});

e2e('import a file with the keyboard alone', async ({ page, url }) => {
  // Listening from the start: Playwright turns the file chooser's interception on
  // asynchronously, and a key pressed before that would open no chooser it can see.
  const chooserOpened = new Promise((resolve) => page.once('filechooser', resolve));
  await startEmpty(page, url, 'Văn phòng UBND huyện Càng Long');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Văn bản phối hợp' }).waitFor();

  await tabTo(page, (f) => f.tag === 'A' && f.href === '#/sharing', 'the sharing link');
  await page.keyboard.press('Enter');
  await onNewPage(page, 'Trao đổi dữ liệu');
  await tabTo(page, (f) => f.id === 'import-file', 'the file picker');
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  await chooser.setFiles(path.join(FIXTURES, 'schema-v1.json'));
  await page.getByRole('heading', { name: /^Xem trước:/ }).waitFor();
  // The preview takes the focus (the picker stays behind it), and Tab goes on from there.
  await page.waitForFunction(() => document.activeElement?.id === 'preview-title');
  assert.ok((await focused(page)).visible, 'the preview heading shows its focus');
  const confirm = await tabTo(page, (f) => f.tag === 'BUTTON' && /^Nhập \d+ thay đổi$/.test(f.text), 'the confirm button', 200);
  assert.match(confirm.text, /^Nhập \d+ thay đổi$/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^Đã nhập tệp của / }).waitFor();
  // The confirm button is gone with the preview: the report's heading has the focus.
  await page.waitForFunction(() => document.activeElement?.id === 'report-title');

  await tabTo(page, (f) => f.tag === 'A' && f.href === '#/agreements', 'the agreements link', 200);
  await page.keyboard.press('Enter');
  await onNewPage(page, 'Văn bản phối hợp');
  await page.getByText('22 văn bản').waitFor();
});

e2e('closing the tab while a form holds typed input asks first; after saving it does not', async ({ context, url }) => {
  // A tab of its own: this test closes it (the harness keeps using `page`).
  const page = await context.newPage();
  await startWithSample(page, url);
  await page.goto(`${url}#/events/new`);
  await page.getByRole('heading', { level: 1, name: 'Ghi sự kiện' }).waitFor();
  await page.getByLabel('Tên sự kiện').fill('Sự kiện đang gõ dở');
  const dialogs = [];
  const asked = new Promise((resolve) => page.on('dialog', async (d) => {
    dialogs.push(d.type());
    await d.dismiss();
    resolve();
  }));
  await page.close({ runBeforeUnload: true });
  await asked;
  assert.deepEqual(dialogs, ['beforeunload'], 'the browser asked before closing');
  // Dismissed: the page still answers, and its input is still there.
  assert.equal(await page.evaluate(() => document.visibilityState), 'visible');
  assert.equal(page.isClosed(), false, 'dismissed: the page and its input are still there');
  assert.equal(await page.getByLabel('Tên sự kiện').inputValue(), 'Sự kiện đang gõ dở');

  // Saved, the form holds nothing unsaved: the page closes without asking.
  await page.locator('#event-date').fill('16/12/2026');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sự kiện đang gõ dở' }).waitFor();
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');
  assert.deepEqual(dialogs, ['beforeunload']);
});
