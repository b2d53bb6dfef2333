// Cards over a page's life, end to end: several cards share one download and one wasm instance,
// also those added later; cards appended from script (createElement, innerHTML) render; cards
// removed, removed while their payload is still loading, or moved elsewhere in the document
// leave no errors behind and the others keep working. Pages: examples/index.html and
// examples/unstyled.html.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { GARAGES, SEED, SEED_HEADLINE } from './fixtures.mjs';
import {
  BUNDLE_MOUNTS, TEST_TIMEOUT, assertNoErrors, assertSameOrigin, inCard, sectionByTitle, squash,
  textOf, useBrowserAndServer, waitForExpanded, waitForState, wasmRequests,
} from './browser.mjs';

const harness = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });
const { withPage } = harness;

/** Appends to the page's body a card with the id `id` whose payload is fetched from `src`. */
function appendCard(page, id, src) {
  return page.evaluate(
    ([id, src]) => {
      const card = document.createElement('article-card');
      card.id = id;
      card.setAttribute('src', src);
      document.body.append(card);
    },
    [id, src],
  );
}

test('several cards share one wasm instance: the .wasm is fetched once, also for cards added later', TEST_TIMEOUT, async () => {
  await withPage('/', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');
    await waitForState(page, '#garages-card', 'ready');
    await waitForState(page, '#missing-card', 'error');
    assert.equal(wasmRequests(log).length, 1, `wasm requests: ${JSON.stringify(wasmRequests(log))}`);

    await page.evaluate(() => {
      for (let i = 0; i < 3; i += 1) {
        const card = document.createElement('article-card');
        card.id = `extra-${i}`;
        card.setAttribute('src', '/cards/seed-anthropic-recall.json');
        document.querySelector('#comments').before(card);
      }
    });
    // Cards render as they come near the viewport (lazy loading): scroll to them, as a reader would.
    for (let i = 0; i < 3; i += 1) {
      await page.locator(`#extra-${i}`).scrollIntoViewIfNeeded();
      await waitForState(page, `#extra-${i}`, 'ready');
    }

    assert.equal(wasmRequests(log).length, 1, `wasm requests after adding cards: ${JSON.stringify(wasmRequests(log))}`);
    const bundleRequests = log.requests
      .map((u) => new URL(u).pathname)
      .filter((p) => p.startsWith('/article-card/'));
    assert.deepEqual(
      [...new Set(bundleRequests)].sort(),
      ['/article-card/article-card.js', '/article-card/article_card.js', '/article-card/article_card_bg.wasm'],
      'the page loads exactly the three bundle files',
    );
    assertSameOrigin(log, harness.server.origin);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('cards appended later render (createElement and innerHTML) and removed cards leave no errors', TEST_TIMEOUT, async () => {
  await withPage('/unstyled.html', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');

    // createElement + src
    await appendCard(page, 'added-by-src', '/cards/garages-to-homes.json');
    // innerHTML with an inline payload
    await page.evaluate((json) => {
      const wrapper = document.createElement('div');
      wrapper.id = 'wrapper';
      wrapper.innerHTML = `<article-card id="added-inline"><script type="application/json">${json}</script></article-card>`;
      document.body.append(wrapper);
    }, JSON.stringify(SEED));

    await waitForState(page, '#added-by-src', 'ready');
    await waitForState(page, '#added-inline', 'ready');
    assert.equal(await textOf(inCard(page, '#added-by-src', 'h2.card__headline')), squash(GARAGES.headline));
    assert.equal(await textOf(inCard(page, '#added-inline', 'h2.card__headline')), SEED_HEADLINE);

    // Remove the original card, and the inline one with its wrapper.
    await page.evaluate(() => {
      document.querySelector('#seed-card').remove();
      document.querySelector('#wrapper').remove();
    });
    assert.equal(await page.locator('article-card').count(), 1);

    // The remaining card still works after the others were torn down.
    const bigger = sectionByTitle(page, '#added-by-src', 'Bigger Picture');
    await bigger.toggle.click();
    await waitForExpanded(bigger.toggle, 'true');
    await bigger.panel.waitFor({ state: 'visible' });

    // And a new one can still be added.
    await appendCard(page, 'added-after-removal', '/cards/seed-anthropic-recall.json');
    await waitForState(page, '#added-after-removal', 'ready');

    assertNoErrors(log);
    assert.equal(wasmRequests(log).length, 1, 'wasm requests');
  });
});

test('a card removed while its payload is still loading is torn down without errors', TEST_TIMEOUT, async () => {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  let routeDone = Promise.resolve();
  const seedJson = JSON.stringify(SEED);

  await withPage(
    '/unstyled.html',
    {
      // Hold the payload response until the card has been removed.
      beforeGoto: (page) =>
        page.route('**/cards/slow.json', (route) => {
          routeDone = (async () => {
            await released;
            // The card may have aborted the request already; then there is nothing to answer.
            await route.fulfill({ status: 200, contentType: 'application/json', body: seedJson }).catch(() => {});
          })();
        }),
    },
    async ({ page, log }) => {
      await waitForState(page, '#seed-card', 'ready');

      const settled = new Promise((resolve) => {
        const isSlow = (req) => req.url().endsWith('/cards/slow.json');
        page.on('requestfinished', (req) => isSlow(req) && resolve('finished'));
        page.on('requestfailed', (req) => isSlow(req) && resolve('failed'));
      });

      await appendCard(page, 'slow-card', '/cards/slow.json');
      await waitForState(page, '#slow-card', 'loading');

      await page.evaluate(() => document.querySelector('#slow-card').remove());
      release();
      await routeDone;
      await settled;

      // Let the page process the late response (if any), then prove it is still
      // healthy by rendering another card.
      await appendCard(page, 'after-slow', '/cards/garages-to-homes.json');
      await waitForState(page, '#after-slow', 'ready');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

      assertNoErrors(log);
    },
  );
});

test('a card moved to another place in the document still renders once and toggles', TEST_TIMEOUT, async () => {
  await withPage('/unstyled.html', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');
    await page.evaluate(() => {
      const target = document.createElement('div');
      target.id = 'new-home';
      document.body.append(target);
      target.append(document.querySelector('#seed-card'));
    });
    await page.waitForSelector('#new-home > #seed-card[data-state="ready"]', { state: 'attached' });

    const why = sectionByTitle(page, '#seed-card', 'Why This Matters');
    await why.toggle.click();
    await waitForExpanded(why.toggle, 'true');
    await why.panel.waitFor({ state: 'visible' });

    assert.equal(
      await page.evaluate(() => document.querySelector('#seed-card').shadowRoot.querySelectorAll('article.card').length),
      1,
      'exactly one rendered card after the move',
    );
    assertNoErrors(log);
  });
});
