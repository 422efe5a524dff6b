// The Content-Security-Policy the build writes (dist/_headers, by scripts/post-build.mjs) works:
// served with that header, the app starts, loads the sample and opens an agreement, and the
// browser reports no violation. (index.html also carries the policy as a <meta>, for hosts that
// send no header; both apply here.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2e, distSnapshot } from './harness.mjs';
import { startWithSample, searchAgreements } from './flows.mjs';
import { serveStatic } from './server.mjs';

async function builtPolicy() {
  const headers = await fs.readFile(path.join(await distSnapshot(), '_headers'), 'utf8');
  const line = headers.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:'));
  assert.ok(line, 'dist/_headers names a Content-Security-Policy');
  return line.trim().slice('Content-Security-Policy:'.length).trim();
}

e2e('the app runs under the Content-Security-Policy of its build, with no violation', async ({ page }) => {
  const policy = await builtPolicy();
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  const server = await serveStatic(await distSnapshot(), 0, '127.0.0.1', {
    headers: { 'Content-Security-Policy': policy },
  });
  const url = `${server.url}/`;
  try {
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.cspViolations.push(`${e.effectiveDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    const response = await page.goto(url);
    assert.equal(response.headers()['content-security-policy'], policy);
    assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1);

    await startWithSample(page, url);
    await searchAgreements(page, 'quy che 2018');
    await page.locator('table.register tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /giai đoạn 2018 - 2022$/ }).waitFor();
    await page.getByRole('link', { name: 'Đồng Văn Lâm' }).waitFor();
    // The service worker registers under the policy too.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });

    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  } finally {
    await server.close();
  }
});

// A CouchDB server on another origin (docs/sync.md): the build's PHOIHOP_CONNECT_ORIGINS adds it
// to connect-src, and a value that is not an origin alone stops the build with the reason.
test('PHOIHOP_CONNECT_ORIGINS adds origins to connect-src and refuses anything else', async () => {
  const postBuild = fileURLToPath(new URL('../../scripts/post-build.mjs', import.meta.url));
  const distSnapshotPath = await distSnapshot();
  const check = (origins) =>
    spawnSync(process.execPath, [postBuild, '--check'], {
      env: { ...process.env, TRUNK_STAGING_DIR: distSnapshotPath, PHOIHOP_CONNECT_ORIGINS: origins },
      encoding: 'utf8',
    });

  const plain = check('');
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stdout, /connect-src 'self';/);

  const two = check('https://couch.example.gov.vn:6984, http://127.0.0.1:5984/');
  assert.equal(two.status, 0, two.stderr);
  assert.match(two.stdout, /connect-src 'self' https:\/\/couch\.example\.gov\.vn:6984 http:\/\/127\.0\.0\.1:5984;/);

  for (const [bad, why] of [
    ['https://couch.example.gov.vn/phoihop', /has a path; give the origin alone \(https:\/\/couch\.example\.gov\.vn\)/],
    ['javascript:alert(1)', /is not http or https/],
    ['https://admin:secret@couch.example.gov.vn', /carries a login/],
    ['couch.example.gov.vn', /is not an address/],
  ]) {
    const refused = check(bad);
    assert.equal(refused.status, 2, `${bad}: ${refused.stdout}`);
    assert.match(refused.stderr, why, bad);
    assert.equal(refused.stdout, '', `${bad}: no policy printed`);
  }
});
