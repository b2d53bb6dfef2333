// Pre-rendered cards (`article-card render`) in headless Chromium: the full card shows before
// any script runs, the widget then takes it over in place with no layout change, and it works
// (sections toggle) afterwards. Without JavaScript at all, every section's text is shown.
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
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { SEED } from './fixtures.mjs';
import { REPO_ROOT } from './server.mjs';
import {
  BUNDLE_DIR, TEST_TIMEOUT, inCard, sectionByTitle, useBrowserAndServer, waitForExpanded,
  waitForState,
} from './browser.mjs';

const OUT_DIR = path.join(REPO_ROOT, 'target', 'prerender-e2e');
const BIN = process.env.ARTICLE_CARD_BIN || path.join(REPO_ROOT, 'target', 'debug', 'article-card');
const CARDS = ['#seed', '#garages'];

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

/** Holds back the widget's loader until `release()` is called. */
async function holdBundle(page) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/article-card/article-card.js', async (route) => {
    await released;
    await route.continue().catch(() => {});
  });
  return () => release();
}

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
      await waitForState(page, '#seed', 'ready');
      const after = await measure(page);
      assert.notDeepEqual(after['#seed'].after, before['#seed'].after, 'the paragraph after the card moved');
      const shifts = await layoutShifts(page);
      assert.ok(shifts.length > 0 && shifts.reduce((a, b) => a + b, 0) > 0, `layout shift recorded (${shifts})`);
    },
  );
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
