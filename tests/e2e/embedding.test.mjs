// The simplest ways of embedding, as a publisher copies them from the README: a payload inline
// (examples/inline.html) and a payload from a URL (examples/src.html); the bundle served from
// another folder, as from a CDN. And the table of example pages in docs/publishing.md: every page
// it lists exists and is loaded by the test it names.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { SEED_HEADLINE } from './fixtures.mjs';
import { REPO_ROOT } from './server.mjs';
import {
  BUNDLE_DIR, BUNDLE_MOUNTS, TEST_TIMEOUT, assertNoErrors, inCard, textOf, useBrowserAndServer,
  waitForState,
} from './browser.mjs';

// Mounted in addition to the defaults to show the bundle works from any path.
const VENDOR_PREFIX = '/vendor/article-card/1.0.0/';

const { withPage } = useBrowserAndServer({ mounts: { ...BUNDLE_MOUNTS, [VENDOR_PREFIX]: BUNDLE_DIR } });

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

test('the bundle works when served from another path, as from a CDN folder', TEST_TIMEOUT, async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vendor path</title>
<link rel="icon" href="/favicon.svg">
<script type="module" src="${VENDOR_PREFIX}article-card.js"></script></head>
<body><article-card id="seed-card" src="/cards/seed-anthropic-recall.json"></article-card></body></html>`;
  await withPage(
    '/vendor-path.html',
    {
      beforeGoto: (page) =>
        page.route('**/vendor-path.html', (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
        ),
    },
    async ({ page, log }) => {
      await waitForState(page, '#seed-card', 'ready');
      assert.equal(await textOf(inCard(page, '#seed-card', 'h2.card__headline')), SEED_HEADLINE);
      const paths = log.requests.map((u) => new URL(u).pathname);
      assert.deepEqual(
        paths.filter((p) => p.endsWith('.wasm')),
        [`${VENDOR_PREFIX}article_card_bg.wasm`],
        'the wasm is loaded next to the loader',
      );
      assert.deepEqual(paths.filter((p) => p.startsWith('/article-card/')), [], 'nothing is loaded from the default path');
      assertNoErrors(log);
    },
  );
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
