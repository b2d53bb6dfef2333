// What a panic in the card's code does to a page: every card ends in the error state with an
// article-card-error event, instead of a silent, frozen page. The panic is triggered through the
// test-only bundle (cargo feature `test-panic`), which `scripts/build-bundle.sh --test-panic`
// builds into target/test-bundle/article-card/; the shipped bundle cannot panic on request, and a
// test here checks that it has no such export.
//
//   bash scripts/build-bundle.sh && bash scripts/build-bundle.sh --test-panic
//   node --test tests/e2e/panic.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_MOUNTS, REPO_ROOT } from './server.mjs';
import { BUNDLE_DIR, TEST_TIMEOUT, inCard, useBrowserAndServer, waitForState } from './browser.mjs';

const TEST_BUNDLE_DIR = path.resolve(
  REPO_ROOT,
  process.env.ARTICLE_CARD_TEST_BUNDLE || path.join('target', 'test-bundle', 'article-card'),
);
const CARDS = ['#seed-card', '#garages-card', '#missing-card'];

/** Throw a helpful error when the test bundle has not been built yet. */
function assertTestBundleBuilt() {
  if (!existsSync(path.join(TEST_BUNDLE_DIR, 'article_card_bg.wasm'))) {
    throw new Error(
      `The test bundle is not built (${path.relative(REPO_ROOT, TEST_BUNDLE_DIR)}/). ` +
        'Run `bash scripts/build-bundle.sh --test-panic` first.',
    );
  }
}

// The pages load the test bundle. The shipped one must be built too (the harness checks): the
// last test reads it.
const { withPage } = useBrowserAndServer(
  { mounts: { ...DEFAULT_MOUNTS, '/article-card/': TEST_BUNDLE_DIR } },
  { prepare: assertTestBundleBuilt },
);

/** Before the page's own scripts: record every article-card-error event and a host-page click. */
function recordEvents(page) {
  return page.addInitScript(() => {
    window.cardErrors = [];
    document.addEventListener('article-card-error', (event) => {
      window.cardErrors.push({ id: event.target.id, ...event.detail });
    });
    document.addEventListener('click', (event) => {
      if (event.target.id === 'subscribe-button') window.hostPageClicked = true;
    });
  });
}

function callTestPanic(page, mode) {
  return page.evaluate(async (m) => {
    const glue = await import('/article-card/article_card.js');
    try {
      glue.test_panic(m);
      return 'returned';
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  }, mode);
}

function addCard(page, id, attrs = {}) {
  return page.evaluate(
    ({ id, attrs }) => {
      const card = document.createElement('article-card');
      card.id = id;
      // Rendered at once, wherever it lands on the page (not when scrolled near).
      card.setAttribute('loading', 'eager');
      for (const [k, v] of Object.entries(attrs)) card.setAttribute(k, v);
      if (!attrs.src) {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify({
          version: 1,
          headline: `Card ${id}`,
          source: { name: 'Example', url: 'https://example.com/' },
        });
        card.append(script);
      }
      document.querySelector('#comments').before(card);
    },
    { id, attrs },
  );
}

async function assertStoppedWithError(page, selector, mode) {
  await waitForState(page, selector, 'error');
  const shown = await page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return {
      cards: root.querySelectorAll('article.card').length,
      loading: root.querySelectorAll('.card-loading').length,
      message: root.querySelector('.card-error p.card-error__message')?.textContent ?? null,
      problems: [...root.querySelectorAll('.card-error details li')].map((li) => li.textContent),
    };
  }, selector);
  assert.equal(shown.cards, 0, `${selector}: no card left half-working`);
  assert.equal(shown.loading, 0, `${selector}: not stuck loading`);
  assert.equal(
    shown.message,
    'This story card could not be shown. Something went wrong inside the card; reloading the page may help.',
    `${selector}: reader message`,
  );
  assert.equal(shown.problems.length, 1, `${selector}: one problem`);
  assert.match(shown.problems[0], new RegExp(`^card: internal error \\(panicked at .*test panic: ${mode}\\)$`));
}

const TRIGGERS = {
  // In a call from JavaScript into the wasm: the caller gets the RuntimeError.
  now: async (page) => {
    assert.equal(await callTestPanic(page, 'now'), 'RuntimeError: unreachable');
  },
  // In an async task (as while handling a fetch result).
  task: async (page) => {
    assert.equal(await callTestPanic(page, 'task'), 'returned');
  },
  // In a Yew render, inside Yew's scheduler: the case that would otherwise freeze every card.
  render: async (page) => {
    assert.equal(await callTestPanic(page, 'render'), 'returned');
    await addCard(page, 'render-victim');
  },
  // In a Yew event handler: the reader presses "Try again" on the 404 card.
  retry: async (page) => {
    assert.equal(await callTestPanic(page, 'retry'), 'returned');
    await inCard(page, '#missing-card', 'button.card-error__retry').click();
  },
};

for (const [mode, trigger] of Object.entries(TRIGGERS)) {
  test(`a panic (${mode}) puts every card in the error state and tells the page`, TEST_TIMEOUT, async () => {
    await withPage('/', { beforeGoto: recordEvents }, async ({ page, log }) => {
      await waitForState(page, '#seed-card', 'ready');
      await waitForState(page, '#garages-card', 'ready');
      await waitForState(page, '#missing-card', 'error');
      const eventsBefore = await page.evaluate(() => window.cardErrors.length);

      await trigger(page);

      const victims = mode === 'render' ? [...CARDS, '#render-victim'] : CARDS;
      for (const selector of victims) await assertStoppedWithError(page, selector, mode);

      // One article-card-error per card, marked internal, with the panic's description.
      await page.waitForFunction((n) => window.cardErrors.length >= n, eventsBefore + victims.length, { polling: 'raf' });
      const events = (await page.evaluate(() => window.cardErrors)).slice(eventsBefore);
      assert.deepEqual(events.map((e) => `#${e.id}`).sort(), [...victims].sort());
      for (const event of events) {
        assert.equal(event.internal, true);
        assert.equal(event.problems.length, 1);
        assert.equal(event.problems[0].path, 'card');
        assert.match(event.problems[0].message, new RegExp(`test panic: ${mode}`));
      }
      // The console hears about it once, with what a developer needs.
      const logged = log.consoleErrors.filter((m) => m.startsWith('article-card: internal error'));
      assert.equal(logged.length, 1, JSON.stringify(log.consoleErrors));
      assert.match(logged[0], new RegExp(`panicked at src/.*test panic: ${mode}`));

      // A card connected after the panic shows the error at once, not a spinner for ever.
      await addCard(page, 'late-card', { src: '/cards/garages-to-homes.json' });
      await assertStoppedWithError(page, '#late-card', mode);
      // Removing cards still works and throws nothing.
      await page.evaluate(() => {
        document.querySelector('#late-card').remove();
        document.querySelector('#garages-card').remove();
      });

      // The host page is untouched and still runs its own scripts.
      await page.locator('#subscribe-button').click();
      assert.equal(await page.evaluate(() => window.hostPageClicked), true);
      assert.equal(await page.locator('h1.story__title').textContent(), 'Small firms weigh what an AI model recall means for them');

      // The trap itself: thrown at the caller (now), or reported once as uncaught by the browser
      // when it happened in a task, a render or an event handler.
      const expectedUncaught = mode === 'now' ? 0 : 1;
      assert.equal(log.pageErrors.length, expectedUncaught, JSON.stringify(log.pageErrors));
      for (const error of log.pageErrors) assert.match(error, /RuntimeError: unreachable/);
    });
  });
}

test('the shipped bundle cannot be made to panic: no test_panic export', () => {
  const shipped = readFileSync(path.join(BUNDLE_DIR, 'article_card.js'), 'utf8');
  assert.ok(!shipped.includes('test_panic'), 'dist glue must not export test_panic');
  const testGlue = readFileSync(path.join(TEST_BUNDLE_DIR, 'article_card.js'), 'utf8');
  assert.ok(testGlue.includes('test_panic'), 'the test bundle does export it');
});
