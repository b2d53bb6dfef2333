// Pre-rendered cards (`article-card render`) in headless Chromium: the full card shows before
// any script runs; the loader leaves it asleep (no glue, no wasm) while the reader only reads;
// the first interaction (a click or key on a section, a script calling its API, a deep link)
// is answered at once in the pre-rendered markup and wakes the card, and the widget then takes
// it over in place, with the same sections open and no layout change, and it works (sections
// toggle) afterwards. Without JavaScript at all, every section's text is shown.
//
//   bash scripts/build-bundle.sh      # the widget bundle, dist/article-card/
//   node --test tests/e2e/prerender.test.mjs
//
// The pages are generated here, by the command line itself, into target/prerender-e2e/: the
// test always checks what the current renderer writes. It builds the binary with cargo unless
// ARTICLE_CARD_BIN names one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { SEED } from './fixtures.mjs';
import { REPO_ROOT } from './server.mjs';
import {
  BUNDLE_DIR, TEST_TIMEOUT, hasFocus, inCard, nextFrame, sectionByTitle, useBrowserAndServer,
  waitForExpanded, waitForState,
} from './browser.mjs';

const OUT_DIR = path.join(REPO_ROOT, 'target', 'prerender-e2e');
const BIN = process.env.ARTICLE_CARD_BIN || path.join(REPO_ROOT, 'target', 'debug', 'article-card');
const CARDS = ['#seed', '#garages'];
const SEED_ID = 'anthropic-model-recall';
const GARAGES_ID = 'garages-to-homes';

function cli(...args) {
  return execFileSync(BIN, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
}

/** A publisher's page with pre-rendered cards between paragraphs, as a CMS template would. */
function hostPage(title, cards) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script type="module" src="/article-card/article-card.js"></script>
<style>body { font: 17px/1.5 Georgia, serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }</style>
</head>
<body>
<h1>${title}</h1>
<p id="before">Owners of several businesses said this week they were checking which of their tools depend on a single AI model.</p>
${cards.map(({ id, html }) => `${html.replace('<article-card>', `<article-card id="${id}">`)}<p id="after-${id}">A paragraph after the card, which would move if the card changed size.</p>`).join('\n')}
</body>
</html>
`;
}

/** The same fragment with its inline payload changed: a pre-render that no longer matches. */
function withChangedPayload(fragment, change) {
  return fragment.replace(/(<script type="application\/json">)([\s\S]*?)(<\/script>)/, (_, open, json, close) => {
    const payload = JSON.parse(json);
    change(payload);
    return open + JSON.stringify(payload).replace(/</g, '\\u003c') + close;
  });
}

/** Builds the command line (unless ARTICLE_CARD_BIN names one) and writes the pages it pre-renders into OUT_DIR. */
function generatePages() {
  if (!process.env.ARTICLE_CARD_BIN) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'article-card'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const seed = cli('render', 'fixtures/seed-anthropic-recall.json');
  const garages = cli('render', 'fixtures/garages-to-homes.json');
  writeFileSync(
    path.join(OUT_DIR, 'index.html'),
    hostPage('Pre-rendered cards', [
      { id: 'seed', html: seed },
      { id: 'garages', html: garages },
    ]),
  );
  // The control: the pre-rendered headline is short, the payload's is long, so taking over
  // must move what follows. If the measurement below missed that, it would prove nothing.
  const mismatched = withChangedPayload(seed, (p) => {
    p.headline = `${p.headline} ${p.headline}`;
  });
  writeFileSync(path.join(OUT_DIR, 'mismatch.html'), hostPage('Mismatched pre-render', [{ id: 'seed', html: mismatched }]));
  // A pre-rendered card and, after it, a card with only its inline payload, as before.
  const plain = `<article-card><script type="application/json">${readFileSync(path.join(REPO_ROOT, 'fixtures/garages-to-homes.json'), 'utf8')}</script></article-card>`;
  writeFileSync(
    path.join(OUT_DIR, 'mixed.html'),
    hostPage('A pre-rendered card and a plain one', [
      { id: 'seed', html: seed },
      { id: 'plain', html: plain },
    ]),
  );
  cli('render', '--standalone', '--out', path.join(OUT_DIR, 'standalone.html'), 'fixtures/seed-anthropic-recall.json');
}

const harness = useBrowserAndServer({ mounts: { '/article-card/': BUNDLE_DIR, '/': OUT_DIR } }, { prepare: generatePages });
const { withPage } = harness;

/** Layout shifts from the first paint on, kept in window.__shifts (installed before any script). */
function recordLayoutShifts(page) {
  return page.addInitScript(() => {
    window.__shifts = [];
    window.__shiftObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    });
    window.__shiftObserver.observe({ type: 'layout-shift', buffered: true });
  });
}

/** Every layout shift so far (after letting two frames pass, so pending entries are queued). */
function layoutShifts(page) {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const entry of window.__shiftObserver.takeRecords()) window.__shifts.push(entry.value);
    return window.__shifts.slice();
  });
}

/** Holds back the responses for `pattern` until `release()` is called. */
async function hold(page, pattern) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    await released;
    await route.continue().catch(() => {});
  });
  return () => release();
}

/** Holds back the widget's loader until `release()` is called. */
const holdBundle = (page) => hold(page, '**/article-card/article-card.js');

/** The requests for the engine: the wasm-bindgen glue and the .wasm. */
const engineRequests = (log) =>
  log.requests.filter((url) => /\/article_card(_bg\.wasm|\.js)$/.test(new URL(url).pathname));

/** Waits until the page has asked for the .wasm (whose response a test may be holding). */
async function waitForWasmRequest(page, log) {
  while (!log.requests.some((url) => url.endsWith('.wasm'))) await nextFrame(page);
}

/**
 * The card events the page hears, each as { type, target id, detail }, kept in window.__events;
 * and in window.__atClick, a section button's aria-expanded as the click reaches the document:
 * in the same task as the click, after the card's own listener.
 */
function recordEvents(page) {
  return page.addInitScript(() => {
    window.__events = [];
    window.__atClick = [];
    // Layout shifts that no input explains: what counts against the page (CLS).
    window.__lateShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__lateShifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('click', (event) => {
      const button = event.composedPath().find((node) => node.classList?.contains('section__toggle'));
      if (button) window.__atClick.push(button.getAttribute('aria-expanded'));
    });
    for (const type of ['ready', 'toggle', 'link']) {
      document.addEventListener(`article-card-${type}`, (event) => {
        window.__events.push({ type, card: event.target.id, detail: event.detail });
      });
    }
  });
}

/**
 * Nothing threw, nothing logged an error, and every response the page saw succeeded. (Chromium's
 * own favicon request, which the page does not see, may log a 404: it is the one console error
 * let through, as its response is checked with the rest.)
 */
function assertClean(log) {
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.badResponses, []);
  assert.deepEqual(log.consoleErrors.filter((text) => !/^Failed to load resource: .*404/.test(text)), []);
}

const eventsOf = (page, type) => page.evaluate((type) => window.__events.filter((e) => e.type === type), type);

/** The loader has run: the element is defined (a sleeping card shows no other sign). */
const loaderRan = (page) => page.evaluate(() => customElements.whenDefined('article-card').then(() => true));

/** Each card's data-state (null while it sleeps). */
const states = (page, cards = CARDS) =>
  page.evaluate((cards) => cards.map((sel) => document.querySelector(sel).getAttribute('data-state')), cards);

/** Wakes every card without changing what it shows: `loading="eager"` asks for the engine now. */
const wakeAll = (page) =>
  page.evaluate((cards) => {
    for (const sel of cards) document.querySelector(sel)?.setAttribute('loading', 'eager');
  }, CARDS);

/** Positions and sizes of the parts of each card and of the host page around them. */
function measure(page) {
  return page.evaluate((cards) => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 100) / 100);
    };
    const out = { before: box(document.getElementById('before')) };
    for (const sel of cards) {
      const host = document.querySelector(sel);
      if (!host) continue;
      const root = host.shadowRoot;
      const parts = {};
      for (const part of ['.card', '.card__source', '.card__headline', '.card__dek', '.card__meta', '.card__pullquote', '.card__sections', '.card__link']) {
        parts[part] = box(root?.querySelector(part));
      }
      parts.sections = [...(root?.querySelectorAll('section.section') ?? [])].map(box);
      out[sel] = { host: box(host), parts, after: box(document.getElementById(`after-${host.id}`)) };
    }
    return out;
  }, CARDS);
}

/**
 * Every box is where it was, to a hundredth of a pixel's rounding. (Yew creates one text node per
 * `{ }` in a component, where the HTML parser merges adjacent text into one; text shaped across
 * node boundaries can come out a hundredth of a pixel wider or narrower. Nothing visible.)
 */
function assertSameBoxes(actual, expected, where = 'page') {
  if (Array.isArray(expected) && expected.every((n) => typeof n === 'number')) {
    assert.ok(
      Array.isArray(actual) && actual.length === expected.length && actual.every((n, i) => Math.abs(n - expected[i]) <= 0.02),
      `${where} moved: ${JSON.stringify(expected)} → ${JSON.stringify(actual)}`,
    );
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    assert.deepEqual(actual, expected, where);
    return;
  }
  assert.deepEqual(Object.keys(actual ?? {}).sort(), Object.keys(expected).sort(), where);
  for (const key of Object.keys(expected)) assertSameBoxes(actual[key], expected[key], `${where} ${key}`);
}

/** Each card's markup inside its container, as the DOM serialises it. */
function cardMarkup(page) {
  return page.evaluate((cards) =>
    Object.fromEntries(
      cards
        .filter((sel) => document.querySelector(sel))
        .map((sel) => [sel, document.querySelector(sel).shadowRoot?.querySelector('.root')?.innerHTML ?? null]),
    ),
  CARDS);
}

test('the full card shows before any script runs', TEST_TIMEOUT, async () => {
  await withPage(
    '/',
    { beforeGoto: (page) => page.route('**/article-card/**', (route) => route.abort()) },
    async ({ page }) => {
      const state = await page.evaluate(() => ({
        defined: Boolean(customElements.get('article-card')),
        dataState: document.querySelector('#seed').getAttribute('data-state'),
        shadow: Boolean(document.querySelector('#seed').shadowRoot),
      }));
      assert.deepEqual(state, { defined: false, dataState: null, shadow: true }, 'no widget code ran; the shadow root is declarative');

      const headline = inCard(page, '#seed', 'h2.card__headline');
      assert.ok(await headline.isVisible(), 'headline visible');
      assert.equal(
        (await headline.textContent()).trim(),
        'Anthropic’s safety warnings may have just backfired — the government has pulled the plug on its most powerful AI',
      );
      assert.ok(await inCard(page, '#seed', '.card__quote').isVisible(), 'pull quote visible');
      assert.equal(await inCard(page, '#seed', '.card__attribution').textContent(), 'Anthropic');
      assert.equal(await inCard(page, '#seed', 'a.card__link').getAttribute('href'), 'https://techcrunch.com/');
      assert.equal(await inCard(page, '#seed', 'section.section').count(), 4);
      // Styled by the card's own CSS, from the <style> in the declarative shadow root.
      const card = await inCard(page, '#seed', 'article.card').evaluate((el) => {
        const cs = getComputedStyle(el);
        return { radius: cs.borderTopLeftRadius, border: cs.borderTopWidth };
      });
      assert.deepEqual(card, { radius: '12px', border: '1px' });
      // Sections start as the payload says: the garages card opens "Why This Matters".
      const { panel: open } = sectionByTitle(page, '#garages', 'Why This Matters');
      assert.ok(await open.isVisible(), 'an open section is shown');
      const { panel: closed } = sectionByTitle(page, '#garages', 'Background Context');
      assert.equal(await closed.isVisible(), false, 'a closed section is folded');
      // The host page's own content is untouched.
      assert.ok(await page.locator('#after-seed').isVisible());
    },
  );
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
  test(`the widget takes over in place at ${viewport.width}px: same markup, same boxes, no layout shift`, TEST_TIMEOUT, async () => {
    let release;
    await withPage(
      '/',
      {
        viewport,
        waitUntil: 'commit',
        beforeGoto: async (page) => {
          await recordLayoutShifts(page);
          release = await holdBundle(page);
        },
      },
      async ({ page, log }) => {
        await page.waitForSelector('#after-garages', { state: 'attached' });
        await page.evaluate(() => document.fonts.ready);
        const waiting = await page.evaluate((cards) => cards.map((sel) => document.querySelector(sel).getAttribute('data-state')), CARDS);
        assert.deepEqual(waiting, [null, null], 'the widget has not run yet');
        const before = await measure(page);
        const markupBefore = await cardMarkup(page);
        // Mark the pre-rendered containers, to tell afterwards that the widget replaced them.
        await page.evaluate((cards) => {
          for (const sel of cards) document.querySelector(sel).shadowRoot.querySelector('.root').dataset.prerendered = '';
        }, CARDS);
        assert.deepEqual(await layoutShifts(page), [], 'nothing shifted while the pre-rendered page loaded');

        release();
        assert.ok(await loaderRan(page));
        await wakeAll(page);
        for (const sel of CARDS) await waitForState(page, sel, 'ready');
        const after = await measure(page);
        const markupAfter = await cardMarkup(page);
        const replaced = await page.evaluate((cards) =>
          cards.every((sel) => !('prerendered' in document.querySelector(sel).shadowRoot.querySelector('.root').dataset)),
        CARDS);
        assert.ok(replaced, 'the widget rendered each card itself');

        assert.deepEqual(markupAfter, markupBefore, 'the widget renders exactly the pre-rendered markup');
        assertSameBoxes(after, before);
        assert.deepEqual(await layoutShifts(page), [], 'no layout shift was recorded');
        assert.deepEqual(log.pageErrors, []);
        assert.deepEqual(log.consoleErrors, []);

        // And the card works: a closed section opens and closes again.
        const { toggle, panel } = sectionByTitle(page, '#seed', 'Background Context');
        assert.equal(await panel.isVisible(), false);
        await toggle.click();
        await waitForExpanded(toggle, 'true');
        assert.ok(await panel.isVisible(), 'the section opened');
        assert.match(await panel.textContent(), /rapid ascent in the AI arms race/);
        await toggle.click();
        await waitForExpanded(toggle, 'false');
        assert.equal(await panel.isVisible(), false, 'the section closed');
      },
    );
  });
}

test('control: a pre-render that does not match its payload is caught as a layout shift', TEST_TIMEOUT, async () => {
  let release;
  await withPage(
    '/mismatch.html',
    {
      waitUntil: 'commit',
      beforeGoto: async (page) => {
        await recordLayoutShifts(page);
        release = await holdBundle(page);
      },
    },
    async ({ page }) => {
      await page.waitForSelector('#after-seed', { state: 'attached' });
      const before = await measure(page);
      assert.deepEqual(await layoutShifts(page), []);
      release();
      assert.ok(await loaderRan(page));
      await wakeAll(page);
      await waitForState(page, '#seed', 'ready');
      const after = await measure(page);
      assert.notDeepEqual(after['#seed'].after, before['#seed'].after, 'the paragraph after the card moved');
      const shifts = await layoutShifts(page);
      assert.ok(shifts.length > 0 && shifts.reduce((a, b) => a + b, 0) > 0, `layout shift recorded (${shifts})`);
    },
  );
});

test('a reader who only reads downloads no glue and no wasm; links still work and tell the page', TEST_TIMEOUT, async () => {
  await withPage('/', { beforeGoto: recordEvents }, async ({ page, log }) => {
    assert.ok(await loaderRan(page));
    // Scroll to the bottom and back, rest the pointer on a section button, and focus one: a
    // reader tabbing past a card must not download the engine either.
    await page.evaluate(async () => {
      for (const y of [document.documentElement.scrollHeight, 0]) {
        scrollTo({ top: y, behavior: 'instant' });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
    });
    const { toggle } = sectionByTitle(page, '#garages', 'Background Context');
    await toggle.hover();
    await toggle.focus();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 5; i += 1) await nextFrame(page);
    assert.ok(log.requests.some((url) => url.endsWith('/article-card/article-card.js')), 'the loader was fetched');
    assert.deepEqual(engineRequests(log), [], 'no glue and no wasm');
    assert.deepEqual(await states(page), [null, null], 'both cards sleep');

    // The full-story link: the page hears of it, as from a live card, and may cancel it.
    await page.evaluate(() => document.addEventListener('article-card-link', (e) => e.preventDefault()));
    const pages = page.context().pages().length;
    await inCard(page, '#seed', 'a.card__link').click();
    assert.deepEqual(await eventsOf(page, 'link'), [
      { type: 'link', card: 'seed', detail: { id: SEED_ID, link: 'full-story', href: 'https://techcrunch.com/', section: null } },
    ]);
    for (let i = 0; i < 3; i += 1) await nextFrame(page);
    assert.equal(page.context().pages().length, pages, 'the cancelled link opened nothing');
    assert.deepEqual(engineRequests(log), [], 'following a link wakes nothing');
    assertClean(log);
  });
});

for (const how of ['click', 'keyboard']) {
  test(`a ${how} on a sleeping card's section opens it at once; the widget takes over with it open and focused`, TEST_TIMEOUT, async () => {
    let releaseWasm;
    await withPage(
      '/',
      {
        beforeGoto: async (page) => {
          await recordEvents(page);
          releaseWasm = await hold(page, '**/article_card_bg.wasm');
        },
      },
      async ({ page, log }) => {
        assert.ok(await loaderRan(page));
        const background = sectionByTitle(page, '#seed', 'Background Context');
        const next = sectionByTitle(page, '#seed', 'What Happens Next');
        if (how === 'click') {
          await background.toggle.click();
        } else {
          await background.toggle.focus();
          for (let i = 0; i < 3; i += 1) await nextFrame(page);
          assert.deepEqual(engineRequests(log), [], 'focus alone fetches nothing');
          await page.keyboard.press('Enter');
        }
        assert.deepEqual(await page.evaluate(() => window.__atClick), ['true'], 'open in the same task as the activation');
        // Whichever way, before the engine could answer: its .wasm is held back.
        assert.equal(await background.toggle.getAttribute('aria-expanded'), 'true');
        assert.ok(await background.panel.isVisible(), 'the section shows');
        assert.match(await background.panel.textContent(), /rapid ascent in the AI arms race/);
        assert.ok(await hasFocus(background.toggle), 'focus is on the button');
        assert.deepEqual(await eventsOf(page, 'toggle'), [
          { type: 'toggle', card: 'seed', detail: { id: SEED_ID, section: 'background-context', title: 'Background Context', open: true } },
        ]);
        // The card woke: the engine is on its way (its .wasm held back here).
        await waitForWasmRequest(page, log);
        assert.deepEqual(await states(page), [null, null], 'not taken over yet');

        // Twice more before the engine is ready: the same section closes, another opens.
        if (how === 'click') {
          await background.toggle.click();
          await next.toggle.click();
        } else {
          await page.keyboard.press('Space');
          await next.toggle.focus();
          await page.keyboard.press('Space');
        }
        assert.equal(await background.toggle.getAttribute('aria-expanded'), 'false');
        assert.equal(await background.panel.isVisible(), false);
        assert.equal(await next.toggle.getAttribute('aria-expanded'), 'true');
        assert.equal((await eventsOf(page, 'toggle')).length, 3);
        // Mark the pre-rendered container, to tell that the widget replaced it; put the open
        // section mid-screen, where a line added at the takeover would move what follows.
        const opened = await next.section.evaluate((section) => {
          section.getRootNode().querySelector('.root').dataset.prerendered = '';
          section.scrollIntoView({ block: 'center' });
          return section.outerHTML;
        });
        // Past the 500 ms after an input in which the browser forgives a shift.
        await page.waitForTimeout(600);

        releaseWasm();
        await waitForState(page, '#seed', 'ready');
        assert.equal(await next.section.evaluate((section) => section.outerHTML), opened, 'the widget renders the section as the loader opened it');
        assert.deepEqual(await page.evaluate(() => window.__lateShifts), [], 'the takeover moved nothing');
        assert.equal(
          await page.evaluate(() => 'prerendered' in document.querySelector('#seed').shadowRoot.querySelector('.root').dataset),
          false,
          'the widget renders the card now',
        );
        assert.equal(await next.toggle.getAttribute('aria-expanded'), 'true', 'still open after the takeover');
        assert.ok(await next.panel.isVisible());
        assert.equal(await background.toggle.getAttribute('aria-expanded'), 'false', 'still closed after the takeover');
        assert.equal(await background.panel.isVisible(), false);
        assert.ok(await hasFocus(next.toggle), 'focus stays where the reader is');
        // The widget's own markup for an open section: its permalink.
        assert.equal(await next.panel.locator('a.section__link').count(), 1);
        assert.equal((await eventsOf(page, 'toggle')).length, 3, 'the takeover repeats no toggle');

        // Live: the widget toggles, and says so.
        if (how === 'click') await next.toggle.click();
        else await page.keyboard.press('Enter');
        await waitForExpanded(next.toggle, 'false');
        const toggles = await eventsOf(page, 'toggle');
        assert.equal(toggles.length, 4);
        assert.deepEqual(toggles[3].detail, { id: SEED_ID, section: 'what-happens-next', title: 'What Happens Next', open: false });
        assert.deepEqual(await states(page), ['ready', null], 'the other card still sleeps');
        assertClean(log);
      },
    );
  });
}

test('expandAll() from a script opens every section at once and wakes the card', TEST_TIMEOUT, async () => {
  await withPage('/', { beforeGoto: recordEvents }, async ({ page, log }) => {
    assert.ok(await loaderRan(page));
    assert.deepEqual(engineRequests(log), []);
    const expanded = await page.evaluate(() => {
      const card = document.querySelector('#garages');
      card.expandAll();
      return [...card.shadowRoot.querySelectorAll('.section__toggle')].map((b) => b.getAttribute('aria-expanded'));
    });
    assert.deepEqual(expanded, ['true', 'true', 'true', 'true'], 'open at once');
    // "Why This Matters" was open already: three sections opened.
    assert.deepEqual((await eventsOf(page, 'toggle')).map((e) => e.detail.section), ['background', 'next', 'bigger-picture']);
    await waitForState(page, '#garages', 'ready');
    const after = await inCard(page, '#garages', '.section__toggle').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-expanded')));
    assert.deepEqual(after, ['true', 'true', 'true', 'true'], 'still open when live');
    assert.equal((await eventsOf(page, 'toggle')).length, 3);
    // Live now: the method goes to the widget.
    await page.evaluate(() => document.querySelector('#garages').collapseAll());
    await waitForExpanded(inCard(page, '#garages', '.section__toggle').first(), 'false');
    assert.equal((await eventsOf(page, 'toggle')).length, 7);
    assert.deepEqual(await states(page), [null, 'ready']);
    assertClean(log);
  });
});

test('the find bar opening a folded section of a sleeping card opens it and wakes the card', TEST_TIMEOUT, async () => {
  await withPage('/', { beforeGoto: recordEvents }, async ({ page, log }) => {
    assert.ok(await loaderRan(page));
    const { toggle, panel } = sectionByTitle(page, '#garages', 'What Happens Next');
    // What the browser fires on a hidden="until-found" panel about to show a match.
    const now = await panel.evaluate((el) => {
      el.dispatchEvent(new Event('beforematch', { bubbles: true }));
      return el.getAttribute('hidden');
    });
    assert.equal(now, null, 'unfolded at once');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.deepEqual((await eventsOf(page, 'toggle')).map((e) => [e.detail.section, e.detail.open]), [['next', true]]);
    await waitForState(page, '#garages', 'ready');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'still open when live');
    assert.ok(await panel.isVisible());
    assertClean(log);
  });
});

test('a sleeping card whose engine cannot start keeps working as pre-rendered, and says so once', TEST_TIMEOUT, async () => {
  await withPage(
    '/',
    {
      beforeGoto: async (page) => {
        await recordEvents(page);
        await page.route('**/article_card_bg.wasm', (route) => route.abort());
        await page.addInitScript(() => {
          window.__errors = 0;
          document.addEventListener('article-card-error', () => {
            window.__errors += 1;
          });
        });
      },
    },
    async ({ page }) => {
      assert.ok(await loaderRan(page));
      const { toggle, panel } = sectionByTitle(page, '#seed', 'Background Context');
      await toggle.click();
      await waitForState(page, '#seed', 'error');
      assert.ok(await panel.isVisible(), 'the section the reader opened stays open');
      await toggle.click();
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'and still toggles');
      assert.ok(await panel.isVisible());
      for (let i = 0; i < 3; i += 1) await nextFrame(page);
      assert.equal(await page.evaluate(() => window.__errors), 1, 'one article-card-error');
      assert.equal((await eventsOf(page, 'toggle')).length, 3);
    },
  );
});

test('a deep link to a section wakes that card only, and a later one wakes the other', TEST_TIMEOUT, async () => {
  await withPage(`/#${SEED_ID}--bigger-picture`, { beforeGoto: recordEvents }, async ({ page, log }) => {
    await waitForState(page, '#seed', 'ready');
    const seed = sectionByTitle(page, '#seed', 'Bigger Picture');
    assert.equal(await seed.toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(await seed.panel.isVisible());
    assert.ok(await seed.section.evaluate((el) => el.getBoundingClientRect().top < innerHeight), 'scrolled into view');
    assert.deepEqual(await states(page), ['ready', null], 'the other card sleeps');

    await page.evaluate((hash) => {
      location.hash = hash;
    }, `${GARAGES_ID}--next`);
    await waitForState(page, '#garages', 'ready');
    const garages = sectionByTitle(page, '#garages', 'What Happens Next');
    assert.equal(await garages.toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(await garages.panel.isVisible());
    // The load's deep link is the first state, as for a live card; the later one is a change.
    assert.deepEqual((await eventsOf(page, 'toggle')).map((e) => [e.card, e.detail.section, e.detail.open]), [['garages', 'next', true]]);
    assertClean(log);
  });
});

test('a card that is not pre-rendered loads as before on the same page', TEST_TIMEOUT, async () => {
  await withPage('/mixed.html', {}, async ({ page, log }) => {
    await waitForState(page, '#plain', 'ready');
    assert.equal(await inCard(page, '#plain', 'section.section').count(), 4);
    assert.equal(engineRequests(log).filter((url) => url.endsWith('.wasm')).length, 1, 'one wasm');
    assert.deepEqual(await states(page, ['#seed', '#plain']), [null, 'ready'], 'the pre-rendered card sleeps');
    assertClean(log);
  });
});

test('without JavaScript the standalone page shows every section, with its structured data', TEST_TIMEOUT, async () => {
  const context = await harness.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${harness.server.origin}/standalone.html`);
    assert.equal(await page.title(), 'Anthropic’s safety warnings may have just backfired — the government has pulled the plug on its most powerful AI | TechCrunch');
    const card = page.locator('article-card');
    assert.ok(await card.locator('h2.card__headline').isVisible());
    const panels = card.locator('div.section__panel');
    assert.equal(await panels.count(), 4);
    for (let i = 0; i < 4; i += 1) {
      assert.ok(await panels.nth(i).isVisible(), `section ${i} is shown without JavaScript`);
    }
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(ld['@type'], 'AnalysisNewsArticle');
    assert.equal(ld.isBasedOn.url, 'https://techcrunch.com/');
    assert.equal(ld.inLanguage, 'en');
    const payload = JSON.parse(await page.locator('article-card > script[type="application/json"]').textContent());
    assert.deepEqual(payload, SEED);
  } finally {
    await context.close();
  }
});
