// What index.html paints before the wasm runs (its #loading placeholder): on a first visit the
// first-run card, which must read and sit exactly as the app's card does (its words come from
// locales/vi at build time; its markup is a copy, checked here), keep what the clerk typed or
// pressed meanwhile, and give way to the app without anything moving. An office stored here
// gets the header bar instead. The first wasm is held back by the browser context so the
// placeholder stays as long as the test needs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { e2e } from './harness.mjs';
import { holdBack } from './flows.mjs';

// The first wasm: index.html's loader fetches it (the parts have "-split_"/"-chunk_" names).
const FIRST_WASM = /phoihop-[0-9a-f]+_bg\.wasm$/;

/** Holds every request for the first wasm until the function returned is called. */
const holdFirstWasm = (context) => holdBack(context, FIRST_WASM);

/** Sums the page's layout shifts from now on (window.__shifts), as CLS counts them. */
async function countShifts(page) {
  await page.evaluate(() => {
    window.__shifts = 0;
    window.__shifted = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__shifts += entry.value;
        for (const source of entry.sources ?? []) {
          const node = source.node;
          window.__shifted.push(node ? `${node.nodeName}.${node.className ?? ''}#${node.id ?? ''}` : '?');
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Text and box of each part of the first-run card in view. */
async function cardParts(page) {
  return page.evaluate(() => {
    const card = document.querySelector('.first-run-card');
    const parts = ['.brand-mark', '.language-switch', 'h1', '.lead', 'label', 'input', '.help', 'button[type=submit]'];
    return parts.map((selector) => {
      const el = card.querySelector(selector);
      const box = el.getBoundingClientRect();
      return {
        selector,
        text: el.textContent,
        placeholder: el.getAttribute('placeholder'),
        box: [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 10) / 10),
      };
    });
  });
}

/** True once the app has drawn itself (it removes the placeholder in the same task). */
const appRunning = () => !document.getElementById('loading');

e2e('a first visit paints the first-run card before the wasm, the same as the app draws it, and nothing moves', async ({ page, context, url }) => {
  const release = await holdFirstWasm(context);
  await page.goto(url);
  const heading = page.getByRole('heading', { level: 1, name: 'Chào mừng đến với Phối hợp' });
  await heading.waitFor();
  assert.equal(await page.evaluate(appRunning), false, 'the placeholder is what shows');
  assert.equal(await page.locator('#loading-shell').isVisible(), false);
  const before = await cardParts(page);
  await countShifts(page);

  release();
  await page.waitForFunction(appRunning);
  const after = await cardParts(page);
  assert.deepEqual(before, after, 'the placeholder reads and sits as the app card');
  // The app's own card works as before.
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByText('Hãy nhập tên cơ quan, đơn vị của bạn.').waitFor();
  assert.equal(await page.evaluate(() => window.__shifts), 0, await page.evaluate(() => window.__shifted.join(', ')));
});

e2e('the name typed before the app runs, and "Tiếp tục" pressed, are kept by the app', async ({ page, context, url }) => {
  const release = await holdFirstWasm(context);
  await page.goto(url);
  const input = page.getByLabel('Tên cơ quan / đơn vị của bạn');
  await input.waitFor();
  // The placeholder's input has the page's autofocus: typing goes straight in.
  await page.keyboard.type('Văn phòng UBND tỉnh');
  assert.equal(await page.evaluate(appRunning), false);

  release();
  await page.waitForFunction(appRunning);
  assert.equal(await input.inputValue(), 'Văn phòng UBND tỉnh');
  // The focus came along: typing goes on in the app's input.
  await page.keyboard.type(' Trà Vinh');
  assert.equal(await input.inputValue(), 'Văn phòng UBND tỉnh Trà Vinh');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByText('Văn phòng UBND tỉnh Trà Vinh', { exact: true }).waitFor();
});

e2e('"Tiếp tục" pressed before the app runs goes on to the choice once it does', async ({ page, context, url }) => {
  const release = await holdFirstWasm(context);
  await page.goto(url);
  await page.getByLabel('Tên cơ quan / đơn vị của bạn').fill('Tỉnh Đoàn Trà Vinh');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  // Nothing leaves the page (the form is not sent anywhere) while the wasm is held.
  assert.equal(await page.evaluate(() => location.search + location.hash), '');
  assert.equal(await page.evaluate(appRunning), false);

  release();
  await page.getByRole('button', { name: /Nạp dữ liệu mẫu/ }).waitFor();
  await page.getByText('Tỉnh Đoàn Trà Vinh', { exact: true }).waitFor();
});

e2e('"English" pressed before the app runs: the app starts in English', async ({ page, context, url }) => {
  const release = await holdFirstWasm(context);
  await page.goto(url);
  await page.getByRole('button', { name: 'English' }).click();
  // The Vietnamese card gives way to the neutral header bar until the app comes.
  await page.locator('#loading-shell').waitFor();
  assert.equal(await page.locator('#loading-first-run').isVisible(), false);

  release();
  await page.getByRole('heading', { level: 1, name: 'Welcome to Phối hợp' }).waitFor();
});

e2e('an office stored here gets the header bar before the wasm, not the first-run card', async ({ page, context, url }) => {
  await page.goto(url);
  await page.getByLabel('Tên cơ quan / đơn vị của bạn').fill('Văn phòng UBND tỉnh Trà Vinh');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('button', { name: /Bắt đầu trống/ }).click();
  await page.getByRole('navigation').waitFor();

  // The service worker would answer from its cache, where the route cannot hold the file.
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
  });
  const release = await holdFirstWasm(context);
  await page.reload();
  await page.locator('#loading-shell').getByRole('status').filter({ hasText: 'Đang mở Phối hợp…' }).waitFor();
  assert.equal(await page.locator('#loading-first-run').isVisible(), false);
  assert.equal(await page.getByRole('heading', { name: 'Chào mừng đến với Phối hợp' }).count(), 0);
  release();
  await page.getByRole('navigation').waitFor();
  assert.equal(await page.evaluate(appRunning), true);
});

// On a first visit the wasm's download waits for the card's paint (scripts/post-build.mjs): on a
// slow line its 700 KB would otherwise share the line with the CSS before anything shows.
e2e('a first visit fetches the wasm only after the first-run card has painted', async ({ page, url }) => {
  await page.goto(url);
  await page.waitForFunction(appRunning);
  const { paint, largest, wasm } = await page.evaluate(async () => ({
    paint: performance.getEntriesByName('first-paint')[0]?.startTime,
    // What Lighthouse takes for the LCP: the card's, the first candidate.
    largest: await new Promise((found) => {
      new PerformanceObserver((list) => found(list.getEntries()[0].startTime))
        .observe({ type: 'largest-contentful-paint', buffered: true });
    }),
    wasm: performance.getEntriesByType('resource').find((e) => /_bg\.wasm$/.test(e.name))?.startTime,
  }));
  assert.ok(paint !== undefined && wasm !== undefined, `paint ${paint}, wasm ${wasm}`);
  assert.ok(wasm >= paint, `the wasm was requested at ${wasm} ms, before the first paint at ${paint} ms`);
  assert.ok(wasm >= largest, `the wasm was requested at ${wasm} ms, before the largest paint at ${largest} ms`);
});

e2e('the page asks for one stylesheet, holding every file of style/ in index.html in its order', async ({ page, url }) => {
  // The source's links (one per file of style/), which the build joins into one (post-build.mjs).
  const source = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
  const files = [...source.matchAll(/<link data-trunk rel="css" href="(style\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(files.length > 1, 'index.html links several files of style/');
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Chào mừng đến với Phối hợp' }).waitFor();
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href));
  assert.equal(sheets.length, 1, `one stylesheet: ${sheets.join(', ')}`);
  const text = await page.evaluate(async (href) => (await fetch(href)).text(), sheets[0]);
  const heads = [...text.matchAll(/^\/\* (style\/[^ ]+) \*\/$/gm)].map((m) => m[1]);
  assert.deepEqual(heads, files);
  // Each file's text is there whole: its last rule comes before the next file's heading.
  for (const file of files) {
    const own = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').trimEnd();
    assert.ok(text.includes(`/* ${file} */\n${own}\n`), `${file} is in the stylesheet as written`);
  }
});
