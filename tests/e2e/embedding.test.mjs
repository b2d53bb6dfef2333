// The simplest ways of embedding, as a publisher copies them from the README: a payload inline
// (examples/inline.html) and a payload from a URL (examples/src.html). And the table of example
// pages in docs/publishing.md: every page it lists exists and is loaded by the test it names.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './server.mjs';
import { BUNDLE_MOUNTS, inCard, useBrowserAndServer, waitForState } from './browser.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };

const { withPage } = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });

test('inline.html: the inline payload renders, with no request beyond the bundle', TEST_TIMEOUT, async () => {
  await withPage('/inline.html', {}, async ({ page, log }) => {
    await waitForState(page, '#inline', 'ready');
    assert.match(await inCard(page, '#inline', '.card__headline').textContent(), /900 homes/);
    // The fallback link is in the light DOM, not shown once the card is.
    assert.equal(await page.locator('#inline > a').isVisible(), false);
    const requested = log.requests.map((url) => new URL(url).pathname);
    assert.deepEqual(
      requested.filter((p) => !p.startsWith('/article-card/') && !['/inline.html', '/publisher.css', '/favicon.svg'].includes(p)),
      [],
      'no payload request',
    );
    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('src.html: the fetched card renders; the missing one says so and offers to try again', TEST_TIMEOUT, async () => {
  await withPage('/src.html', {}, async ({ page, log }) => {
    await waitForState(page, '#from-src', 'ready');
    await waitForState(page, '#missing', 'error');
    assert.match(await inCard(page, '#from-src', '.card__headline').textContent(), /Anthropic/);
    const problem = await inCard(page, '#missing', '.card-error__details li').first().textContent();
    assert.match(problem, /^src: .*404/);
    assert.equal(await inCard(page, '#missing', 'button.card-error__retry').count(), 1);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('docs/publishing.md lists each example page with the test that loads it', () => {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'publishing.md'), 'utf8');
  const rows = doc
    .split('\n')
    .filter((line) => /^\| `examples\/[\w.-]+\.html` \|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  assert.ok(rows.length >= 9, `${rows.length} example rows`);
  for (const [, pageCell, , testsCell] of rows) {
    const page = pageCell.replaceAll('`', '');
    assert.ok(existsSync(path.join(REPO_ROOT, page)), `${page} exists`);
    const name = path.basename(page);
    const tests = [...testsCell.matchAll(/`(?:tests\/e2e\/)?([\w.-]+\.test\.mjs)`/g)].map((m) => m[1]);
    assert.ok(tests.length > 0, `${page}: a test is named`);
    for (const file of tests) {
      const source = readFileSync(path.join(REPO_ROOT, 'tests', 'e2e', file), 'utf8');
      // index.html is also the folder's own address, '/'.
      const loads = source.includes(`/${name}`) || source.includes(`'${name}'`) || (name === 'index.html' && source.includes("'/'"));
      assert.ok(loads, `${file} loads ${name}`);
    }
  }
});
