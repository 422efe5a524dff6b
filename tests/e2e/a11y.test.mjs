// Accessibility: axe-core (tools/node_modules/axe-core) on every page of the app with the sample
// loaded, in Vietnamese and in English. Any violation of impact "serious" or "critical" fails the
// test; each is printed with its rule id, impact, page and the targets of its nodes.
// A11Y_REPORT=1 also prints the moderate and minor ones (without failing on them).
//
// axe is injected with page.evaluate (a DevTools protocol call), not page.addScriptTag: the
// release build carries its Content-Security-Policy in a <meta> of index.html, whose script-src
// allows only the hashed Trunk loader, so an added inline <script> would be refused (and the
// refusal logged as a console error).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2e } from './harness.mjs';
import { startWithSample } from './flows.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.resolve(here, '..', '..', 'tools', 'node_modules', 'axe-core', 'axe.min.js');
const FAILING = new Set(['serious', 'critical']);

let axeSource;
async function injectAxe(page) {
  axeSource ??= await fs.readFile(AXE, 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource);
  }
  assert.equal(await page.evaluate(() => typeof window.axe?.run), 'function', 'axe did not load');
}

/** Goes to a hash route and waits until its page has been drawn: a page change ends with the
 *  focus on the new page's heading (ui/focus.rs); a page drawn by the same component may keep
 *  the heading element and change its words. */
async function open(page, hash) {
  const moved = await page.evaluate((h) => {
    if (window.location.hash === h) return false;
    const h1 = document.querySelector('main h1');
    window.e2eOldHeading = { element: h1, text: h1?.textContent };
    window.location.hash = h;
    return true;
  }, hash);
  if (moved) {
    await page.waitForFunction(() => {
      const h1 = document.querySelector('main h1');
      const old = window.e2eOldHeading;
      return h1 && document.activeElement === h1 && (h1 !== old.element || h1.textContent !== old.text);
    }).catch(async (e) => {
      const seen = await page.evaluate(() => [document.activeElement?.outerHTML.slice(0, 80), document.querySelector('main h1')?.outerHTML.slice(0, 120)]);
      throw new Error(`${hash} was not drawn: ${JSON.stringify(seen)}\n${e.message}`);
    });
  } else {
    await page.locator('main h1').first().waitFor();
  }
}

/** The href of the first link in `main` to one record of a list (not the "new" page). */
async function firstRecord(page, listHash, prefix) {
  await open(page, listHash);
  const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((links) =>
    links.map((a) => a.getAttribute('href')));
  const href = hrefs.find((h) => /[0-9a-f-]{36}$/.test(h));
  assert.ok(href, `no record link under ${listHash}`);
  return href;
}

async function audit(page, label) {
  await injectAxe(page);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  if (process.env.A11Y_REPORT) {
    for (const v of result.filter((v) => !FAILING.has(v.impact))) {
      console.log(`# ${label}: ${v.id} [${v.impact}] ${v.help}\n#     ${v.targets.join('\n#     ')}`);
    }
  }
  return result
    .filter((v) => FAILING.has(v.impact))
    .map((v) => ({ page: label, ...v }));
}

async function auditEveryPage(page, url, language) {
  const found = [];
  // The first-run screen, before any data (its own language switch).
  await page.goto(url);
  await page.locator('main h1').first().waitFor();
  if (language === 'en') {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Phối hợp' }).waitFor();
  }
  found.push(...(await audit(page, `${language} first run`)));
  if (language === 'en') await page.getByRole('button', { name: 'Tiếng Việt' }).click();

  await startWithSample(page, url);
  if (language === 'en') {
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  const agreement = await firstRecord(page, '#/agreements', '#/agreements/');
  const event = await firstRecord(page, '#/events', '#/events/');
  const recommendation = await firstRecord(page, '#/recommendations', '#/recommendations/');
  const person = await firstRecord(page, '#/people', '#/people/');
  const pages = [
    ['dashboard', '#/'],
    ['register', '#/agreements'],
    ['agreement page', agreement],
    ['agreement form (edit)', `${agreement}/edit`],
    ['agreement form (new)', '#/agreements/new'],
    ['events', '#/events'],
    ['event page', event],
    ['recommendations', '#/recommendations'],
    ['recommendation page', recommendation],
    ['organisations', '#/organisations'],
    ['people', '#/people'],
    ['person page', person],
    ['sharing', '#/sharing'],
    ['settings', '#/settings'],
  ];
  for (const [name, hash] of pages) {
    await open(page, hash);
    found.push(...(await audit(page, `${language} ${name} (${hash.replace(/[0-9a-f-]{36}/, '<id>')})`)));
  }
  if (found.length) {
    const lines = found.map((v) =>
      `${v.page}: ${v.id} [${v.impact}] ${v.help}\n      ${v.targets.join('\n      ')}`);
    assert.fail(`${found.length} serious or critical accessibility violation(s):\n  ${lines.join('\n  ')}`);
  }
}

for (const language of ['vi', 'en']) {
  e2e(`axe finds no serious or critical violation on any page (${language})`, async ({ page, url }) => {
    await auditEveryPage(page, url, language);
  }, { timeout: 240_000 });
}
