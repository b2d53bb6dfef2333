// What a panic in the card's code does to a page. The bundle is built with immediate-abort, so a
// panic is a bare wasm trap: the loader hears of it from the glue, every card shows the error
// state with an internal article-card-error event, and then the engine restarts from the
// compiled module and the cards render again, without a reload; traps that keep coming leave the
// cards in the error state. The panic is triggered through the test-only bundle (cargo feature
// `test-panic`, built the same way as the shipped one), which `scripts/build-bundle.sh
// --test-panic` builds into target/test-bundle/article-card/; the shipped bundle cannot panic on
// request, and a test here checks that it has no such export.
//
//   bash scripts/build-bundle.sh && bash scripts/build-bundle.sh --test-panic
//   node --test tests/e2e/panic.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_MOUNTS, REPO_ROOT } from './server.mjs';
import {
  BUNDLE_DIR,
  TEST_TIMEOUT,
  inCard,
  sectionByTitle,
  useBrowserAndServer,
  waitForExpanded,
  waitForState,
  waitInPage,
} from './browser.mjs';

const TEST_BUNDLE_DIR = path.resolve(
  REPO_ROOT,
  process.env.ARTICLE_CARD_TEST_BUNDLE || path.join('target', 'test-bundle', 'article-card'),
);
const CARDS = ['#seed-card', '#garages-card', '#missing-card'];
// What the loader logs and shows for a trap (js/article-card.js).
const INTERNAL = 'internal error (RuntimeError: unreachable)';
const RESTARTED = `article-card: ${INTERNAL}. The cards were restarted.`;
const STOPPED = `article-card: ${INTERNAL}. The cards stay stopped (3 in a minute).`;

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

/**
 * Before the page's own scripts: record every article-card-error event, with what its card
 * showed at that moment (the loader draws the error, then may restart the card at once), every
 * article-card-ready and article-card-toggle, and a host-page click.
 */
function recordEvents(page) {
  return page.addInitScript(() => {
    window.cardErrors = [];
    window.cardReady = [];
    window.cardToggles = [];
    document.addEventListener('article-card-error', (event) => {
      const host = event.target;
      const root = host.shadowRoot;
      window.cardErrors.push({
        id: host.id,
        ...event.detail,
        state: host.getAttribute('data-state'),
        shown: root && {
          cards: root.querySelectorAll('article.card').length,
          loading: root.querySelectorAll('.card-loading').length,
          part: root.querySelector('.card-error')?.getAttribute('part') ?? null,
          lang: root.querySelector('.card-error')?.lang ?? null,
          message: root.querySelector('.card-error p.card-error__message')?.textContent ?? null,
          problems: [...root.querySelectorAll('.card-error details li')].map((li) => li.textContent),
        },
      });
    });
    document.addEventListener('article-card-ready', (event) => window.cardReady.push(event.target.id));
    document.addEventListener('article-card-toggle', (event) => window.cardToggles.push(event.detail));
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

const errorCount = (page) => page.evaluate(() => window.cardErrors.length);

/** The page as loaded: two cards render, the 404 card shows its (non-internal) error. */
async function waitForCards(page) {
  await waitForState(page, '#seed-card', 'ready');
  await waitForState(page, '#garages-card', 'ready');
  await waitForState(page, '#missing-card', 'error');
}

/**
 * Triggers a panic and checks that each of `victims` showed the internal error and sent one
 * internal event for it (from `since` on, in the recorded events), and that every card is made
 * again afterwards: the ready ones render (but those still `loading`) and the 404 card is back
 * to its own error.
 */
async function panicAndRecover(page, mode, victims, since, loading = []) {
  const readyBefore = await page.evaluate(() => window.cardReady.length);
  await TRIGGERS[mode](page);

  await waitInPage(page, (n) => window.cardErrors.filter((e) => e.internal).length >= n, since.internal + victims.length);
  const internal = (await page.evaluate(() => window.cardErrors)).filter((e) => e.internal).slice(since.internal);
  assert.deepEqual(internal.map((e) => `#${e.id}`).sort(), [...victims].sort(), 'one internal event per card');
  for (const event of internal) {
    const who = `#${event.id} (${mode})`;
    assert.deepEqual(event.problems, [{ path: 'card', message: INTERNAL }], who);
    assert.equal(event.state, 'error', `${who}: data-state`);
    assert.deepEqual(
      event.shown,
      {
        cards: 0,
        loading: 0,
        part: 'error',
        lang: 'en',
        message: 'This story card could not be shown. Something went wrong inside the card; reloading the page may help.',
        problems: [`card: ${INTERNAL}`],
      },
      `${who}: what the card showed`,
    );
  }

  // Recovery: every card is made again by the fresh instance, without a reload.
  const ready = victims.filter((v) => v !== '#missing-card' && !loading.includes(v));
  await waitInPage(page, (n) => window.cardReady.length >= n, readyBefore + ready.length);
  const readyAgain = (await page.evaluate(() => window.cardReady)).slice(readyBefore);
  assert.deepEqual(readyAgain.map((id) => `#${id}`).sort(), [...ready].sort(), 'each card rendered again');
  for (const selector of ready) await waitForState(page, selector, 'ready');
  await waitForState(page, '#missing-card', 'error');
  await waitInPage(page, (n) => window.cardErrors.length >= n, since.all + victims.length + 1);
  const after = (await page.evaluate(() => window.cardErrors)).slice(since.all).filter((e) => !e.internal);
  assert.deepEqual(
    after.map((e) => [e.id, e.problems[0].path]),
    [['missing-card', 'src']],
    'the 404 card fetched again and shows its own error',
  );
}

/** Where the recorded events stand, for `panicAndRecover`. */
async function mark(page) {
  return page.evaluate(() => ({
    all: window.cardErrors.length,
    internal: window.cardErrors.filter((e) => e.internal).length,
  }));
}

/** A section of a restarted card opens or closes on a click, and tells the page. */
async function assertSectionsWork(page, selector) {
  const { toggle, panel } = sectionByTitle(page, selector, 'Why This Matters');
  const open = (await toggle.getAttribute('aria-expanded')) !== 'true';
  const toggles = await page.evaluate(() => window.cardToggles.length);
  await toggle.click();
  await waitForExpanded(toggle, String(open));
  assert.equal(await panel.isVisible(), open, `${selector}: the panel ${open ? 'opened' : 'closed'}`);
  await waitInPage(page, (n) => window.cardToggles.length > n, toggles);
  const last = await page.evaluate(() => window.cardToggles.at(-1));
  assert.equal(last.open, open);
}

for (const mode of Object.keys(TRIGGERS)) {
  test(`a panic (${mode}) shows every card's error, tells the page, and the cards render again`, TEST_TIMEOUT, async () => {
    await withPage('/', { beforeGoto: recordEvents }, async ({ page, log }) => {
      await waitForCards(page);
      const victims = mode === 'render' ? [...CARDS, '#render-victim'] : CARDS;
      await panicAndRecover(page, mode, victims, await mark(page));

      // The console hears about it once, from the loader.
      assert.deepEqual(log.consoleErrors.filter((m) => m.startsWith('article-card: internal error')), [RESTARTED]);
      // The trap itself is kept from the host page: thrown at the caller (now), or swallowed by
      // the loader when it reached the browser from a task, a render or an event handler.
      assert.deepEqual(log.pageErrors, []);

      // The restarted cards work: a section opens, a new card renders, cards can be removed.
      await assertSectionsWork(page, '#garages-card');
      await addCard(page, 'late-card', { src: '/cards/garages-to-homes.json' });
      await waitForState(page, '#late-card', 'ready');
      await page.evaluate(() => {
        document.querySelector('#late-card').remove();
        document.querySelector('#garages-card').remove();
      });

      // The host page is untouched and still runs its own scripts.
      await page.locator('#subscribe-button').click();
      assert.equal(await page.evaluate(() => window.hostPageClicked), true);
      assert.equal(await page.locator('h1.story__title').textContent(), 'Small firms weigh what an AI model recall means for them');
      assert.deepEqual(log.pageErrors, []);
    });
  });
}

test('a second panic, in the restarted engine, recovers too', TEST_TIMEOUT, async () => {
  await withPage('/', { beforeGoto: recordEvents }, async ({ page, log }) => {
    await waitForCards(page);
    await panicAndRecover(page, 'task', CARDS, await mark(page));
    await panicAndRecover(page, 'retry', CARDS, await mark(page));
    await assertSectionsWork(page, '#seed-card');
    assert.deepEqual(log.consoleErrors.filter((m) => m.startsWith('article-card: internal error')), [RESTARTED, RESTARTED]);
    assert.deepEqual(log.pageErrors, []);
  });
});

test("a fetch the dead engine was waiting for ends quietly, and only the restarted card renders", TEST_TIMEOUT, async () => {
  await withPage('/', { beforeGoto: recordEvents }, async ({ page, log }) => {
    await waitForCards(page);
    // Every request for this payload waits until the test lets them all through.
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    let requests = 0;
    await page.route('**/cards/slow.json', async (route) => {
      requests += 1;
      await gate;
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ version: 1, headline: 'Slow card', source: { name: 'Example', url: 'https://example.com/' } }),
      });
    });
    await addCard(page, 'slow-card', { src: '/cards/slow.json' });
    await waitForState(page, '#slow-card', 'loading');

    await panicAndRecover(page, 'now', [...CARDS, '#slow-card'], await mark(page), ['#slow-card']);
    // The restarted card asked again; the dead instance still awaits its own answer.
    await waitForState(page, '#slow-card', 'loading');
    assert.equal(requests, 2);
    release();

    // Both answers arrive: the dead instance's closure is never entered (no uncaught error, no
    // second event), the restarted card renders once.
    await waitForState(page, '#slow-card', 'ready');
    await page.waitForTimeout(300);
    assert.deepEqual((await page.evaluate(() => window.cardReady)).filter((id) => id === 'slow-card'), ['slow-card']);
    assert.deepEqual(await page.evaluate(() => window.cardErrors.filter((e) => e.id === 'slow-card').map((e) => e.internal)), [true]);
    assert.equal(await inCard(page, '#slow-card', 'h2, h3').first().textContent(), 'Slow card');
    assert.deepEqual(log.consoleErrors.filter((m) => m.startsWith('article-card: internal error')), [RESTARTED]);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('panics that keep coming leave every card in the error state, and say so', TEST_TIMEOUT, async () => {
  await withPage('/', { beforeGoto: recordEvents }, async ({ page, log }) => {
    await waitForCards(page);
    await panicAndRecover(page, 'now', CARDS, await mark(page));
    await panicAndRecover(page, 'now', CARDS, await mark(page));
    const since = await mark(page);
    const readyBefore = await page.evaluate(() => window.cardReady.length);
    await TRIGGERS.now(page);

    // The third trap in a minute: every card shows the error and stays so.
    await waitInPage(page, (n) => window.cardErrors.length >= n, since.all + CARDS.length);
    for (const selector of CARDS) await waitForState(page, selector, 'error');
    assert.deepEqual(log.consoleErrors.filter((m) => m.startsWith('article-card: internal error')), [RESTARTED, RESTARTED, STOPPED]);

    // A card connected now shows the error at once, not a spinner for ever.
    await addCard(page, 'late-card', { src: '/cards/garages-to-homes.json' });
    await waitForState(page, '#late-card', 'error');
    const late = (await page.evaluate(() => window.cardErrors)).filter((e) => e.id === 'late-card');
    assert.equal(late.length, 1);
    assert.equal(late[0].internal, true);
    assert.deepEqual(late[0].shown.problems, [`card: ${INTERNAL}`]);

    // Nothing restarted: no card rendered again, and every card still shows the error.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.cardReady.length), readyBefore);
    for (const selector of [...CARDS, '#late-card']) {
      assert.equal(await page.locator(selector).getAttribute('data-state'), 'error', selector);
      assert.equal(await inCard(page, selector, 'article.card').count(), 0, selector);
    }
    await page.evaluate(() => document.querySelector('#late-card').remove());
    await page.locator('#subscribe-button').click();
    assert.equal(await page.evaluate(() => window.hostPageClicked), true);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('the shipped bundle cannot be made to panic: no test_panic export', () => {
  const shipped = readFileSync(path.join(BUNDLE_DIR, 'article_card.js'), 'utf8');
  assert.ok(!shipped.includes('test_panic'), 'dist glue must not export test_panic');
  const testGlue = readFileSync(path.join(TEST_BUNDLE_DIR, 'article_card.js'), 'utf8');
  assert.ok(testGlue.includes('test_panic'), 'the test bundle does export it');
});
