// The element as frameworks drive it, end to end: the loader imported twice (two URLs of one
// bundle, two copies of the bundle) defines <article-card> once; `ArticleCardElement.wasmUrl`
// serves the engine from another origin; a payload equal to the one shown (a framework's
// `{...story}` on every render) changes nothing; and a `payload` attribute (what React and Vue
// write on an element not yet defined) says how to pass the object. Each page is written here
// and served by the test server from target/e2e-element/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { GARAGES, SEED, SEED_HEADLINE, SEED_SECTION_TITLES } from './fixtures.mjs';
import {
  BUNDLE_DIR, BUNDLE_MOUNTS, TEST_TIMEOUT, assertNoErrors, problemLines, sectionByTitle, textOf,
  useBrowserAndServer, waitForExpanded, waitForState, waitInPage, wasmRequests,
} from './browser.mjs';
import { REPO_ROOT, startServer } from './server.mjs';

const EVENTS = ['article-card-ready', 'article-card-toggle', 'article-card-error'];
const LOADER = '/article-card/article-card.js';

// The pages, written by the tests (served from the server's disk, not routed by the browser: a
// routed page would not be on the loopback address space, and Chromium would then refuse its
// requests to the second server below).
const PAGES = path.join(REPO_ROOT, 'target', 'e2e-element');
mkdirSync(PAGES, { recursive: true });
// A second copy of the bundle at another path: another loader, glue and wasm instance.
const harness = useBrowserAndServer({ mounts: { ...BUNDLE_MOUNTS, '/copy/': BUNDLE_DIR, '/element/': PAGES } });

/**
 * Opens a page whose HTML is `body` (after a head that records every card event on `document`
 * into `window.__events` as "type target"), written to `name`.html.
 */
function withHtml(name, body, fn, { beforeGoto } = {}) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>element test</title><link rel="icon" href="/favicon.svg">
<script>
  window.__events = [];
  for (const name of ${JSON.stringify(EVENTS)}) {
    document.addEventListener(name, (event) => window.__events.push(event.type + ' ' + event.target.id));
  }
</script></head><body>${body}</body></html>`;
  writeFileSync(path.join(PAGES, `${name}.html`), html);
  return harness.withPage(`/element/${name}.html`, { beforeGoto }, fn);
}

const takeEvents = (page) => page.evaluate(() => window.__events.splice(0));

/** An eager card with an id, and, if given, a `src` and more attributes. */
const card = (id, attrs = '') => `<article-card id="${id}" loading="eager" ${attrs}></article-card>`;

test('imported through two URLs and from a second copy of the bundle, the element is defined once and each card sends each event once', TEST_TIMEOUT, async () => {
  const body = `${card('one', 'src="/cards/seed-anthropic-recall.json"')}
<script type="module">
  const a = await import('${LOADER}?a');
  const b = await import('${LOADER}?b');
  const copy = await import('/copy/article-card.js');
  window.__classes = {
    sameClass: a.ArticleCardElement === b.ArticleCardElement && b.ArticleCardElement === copy.ArticleCardElement,
    defined: customElements.get('article-card') === a.ArticleCardElement,
  };
</script>`;
  await withHtml('twice', body, async ({ page, log }) => {
    await waitForState(page, '#one', 'ready');
    assert.deepEqual(await page.evaluate(() => window.__classes), { sameClass: true, defined: true });
    assert.deepEqual(await takeEvents(page), ['article-card-ready one']);

    // A card added later is the defined class's, and works.
    await page.evaluate((payload) => {
      const el = document.createElement('article-card');
      el.id = 'two';
      el.setAttribute('loading', 'eager');
      el.payload = payload;
      document.body.append(el);
    }, GARAGES);
    await waitForState(page, '#two', 'ready');
    assert.deepEqual(await takeEvents(page), ['article-card-ready two']);

    // One hashchange listener for the page: a section address opens its section once.
    await page.evaluate(() => { location.hash = 'anthropic-model-recall--what-happens-next'; });
    await waitInPage(page, () => window.__events.length > 0);
    await page.waitForTimeout(300);
    assert.deepEqual(await takeEvents(page), ['article-card-toggle one']);

    // The copy's glue and wasm were never fetched: only the first copy's engine runs.
    const copyRequests = log.requests.filter((u) => new URL(u).pathname.startsWith('/copy/'));
    assert.deepEqual(copyRequests.map((u) => new URL(u).pathname), ['/copy/article-card.js']);
    assert.equal(wasmRequests(log).length, 1, `wasm requests: ${JSON.stringify(wasmRequests(log))}`);
    assertNoErrors(log);
  });
});

test('ArticleCardElement.wasmUrl, set right after the import, serves the engine from another origin, also for an eager card already in the page', TEST_TIMEOUT, async () => {
  const cdn = await startServer({
    mounts: { '/engine/': BUNDLE_DIR },
    headers: () => ({ 'Access-Control-Allow-Origin': '*' }),
  });
  try {
    const wasm = `${cdn.origin}/engine/article_card_bg.wasm`;
    const body = `${card('eager', 'src="/cards/seed-anthropic-recall.json"')}
<script type="module">
  import { ArticleCardElement } from '${LOADER}';
  ArticleCardElement.wasmUrl = '${wasm}';
</script>`;
    await withHtml('wasm-url', body, async ({ page, log }) => {
      await waitForState(page, '#eager', 'ready');
      assert.equal(await textOf(page.locator('#eager').locator('.card__headline')), SEED_HEADLINE);
      // Control: the default address is refused, so only the override can have worked.
      assert.deepEqual(wasmRequests(log), [wasm]);
      assertNoErrors(log);
    }, {
      beforeGoto: (page) => page.route('**/article-card/article_card_bg.wasm', (route) => route.abort()),
    });
  } finally {
    await cdn.close();
  }
});

test('the default wasmUrl is the .wasm next to the loader', TEST_TIMEOUT, async () => {
  const body = `<script type="module">
  import { ArticleCardElement } from '${LOADER}';
  window.__wasmUrl = String(ArticleCardElement.wasmUrl);
</script>`;
  await withHtml('wasm-url-default', body, async ({ page }) => {
    const url = await waitInPage(page, () => window.__wasmUrl);
    assert.equal(new URL(url).pathname, '/article-card/article_card_bg.wasm');
  });
});

test('a payload equal to the one shown changes nothing; an unequal one re-renders (control)', TEST_TIMEOUT, async () => {
  const body = `${card('state')}
<script type="module">
  import '${LOADER}';
  window.__story = ${JSON.stringify(SEED)};
  document.querySelector('#state').payload = window.__story;
</script>`;
  await withHtml('equal-payloads', body, async ({ page, log }) => {
    await waitForState(page, '#state', 'ready');
    assert.deepEqual(await takeEvents(page), ['article-card-ready state']);
    const { toggle } = sectionByTitle(page, '#state', SEED_SECTION_TITLES[0]);
    await toggle.click();
    await waitForExpanded(toggle, 'true');
    assert.deepEqual(await takeEvents(page), ['article-card-toggle state']);

    // As Lit (or any framework re-rendering its parent) does: the same object, and equal copies,
    // a hundred times over.
    await page.evaluate(async () => {
      const el = document.querySelector('#state');
      el.payload = window.__story;
      for (let i = 0; i < 100; i += 1) el.payload = { ...window.__story };
      el.payload = structuredClone(window.__story);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    assert.deepEqual(await takeEvents(page), [], 'an equal payload sent events');
    await waitForExpanded(toggle, 'true');
    // The getter gives what was set last, as a property does.
    assert.equal(await page.evaluate(() => document.querySelector('#state').payload === window.__story), false);

    // Control: a payload that differs re-renders, also the same object changed in place.
    await page.evaluate(() => {
      window.__story.headline = 'A changed headline';
      document.querySelector('#state').payload = window.__story;
    });
    await waitInPage(page, () => window.__events.length > 0);
    assert.deepEqual(await takeEvents(page), ['article-card-ready state']);
    assert.equal(await textOf(page.locator('#state').locator('.card__headline')), 'A changed headline');
    await waitForExpanded(toggle, 'false');
    assertNoErrors(log);
  });
});

test('a payload JSON cannot write (a cycle, a BigInt) still reaches the card, whose error names it, each time it is set', TEST_TIMEOUT, async () => {
  const body = `${card('odd')}
<script type="module">import '${LOADER}';</script>`;
  await withHtml('unserialisable', body, async ({ page }) => {
    // First the card with nothing to show ends in its own error: wait for it, so that the three
    // payloads below each meet a running card, however fast the engine started.
    await waitForState(page, '#odd', 'error');
    assert.deepEqual(await takeEvents(page), ['article-card-error odd']);
    for (const kind of ['cycle', 'bigint', 'cycle']) {
      await page.evaluate((kind) => {
        const el = document.querySelector('#odd');
        el.removeAttribute('data-state');
        const payload = { version: 1, headline: 'x' };
        if (kind === 'cycle') payload.self = payload;
        else payload.count = 1n;
        el.payload = payload;
      }, kind);
      await waitForState(page, '#odd', 'error');
      const lines = await problemLines(page, '#odd');
      assert.equal(lines.length, 1, JSON.stringify(lines));
      assert.match(lines[0], /^payload: is not valid JSON/);
    }
    assert.deepEqual(await takeEvents(page), Array(3).fill('article-card-error odd'));
  });
});

test('a payload attribute (an object a framework wrote as text) shows how to pass it; the property set later renders the card', TEST_TIMEOUT, async () => {
  const body = `${card('attr', 'payload="[object Object]"')}
${card('attr-src', 'payload="[object Object]" src="/cards/seed-anthropic-recall.json"')}
${card('none')}
<script type="module">import '${LOADER}';</script>`;
  await withHtml('payload-attribute', body, async ({ page, log }) => {
    await waitForState(page, '#attr', 'error');
    const [line, ...more] = await problemLines(page, '#attr');
    assert.deepEqual(more, []);
    assert.match(line, /^payload: was set as an attribute/);
    for (const fix of ['payload property', 'import article-card before', ':payload.prop']) {
      assert.ok(line.includes(fix), `the message should name the fix "${fix}": ${line}`);
    }
    // Control: with a src, the attribute is ignored; with no attribute, the usual message.
    await waitForState(page, '#attr-src', 'ready');
    await waitForState(page, '#none', 'error');
    assert.match((await problemLines(page, '#none'))[0], /^payload: no payload/);

    await page.evaluate((story) => { document.querySelector('#attr').payload = story; }, SEED);
    await waitForState(page, '#attr', 'ready');
    assert.equal(await textOf(page.locator('#attr').locator('.card__headline')), SEED_HEADLINE);
    assert.equal(log.pageErrors.length, 0, log.pageErrors.join('\n'));
  });
});
