// End-to-end tests for the built <article-card> bundle in headless Chromium.
//
//   bash scripts/build-bundle.sh      # builds dist/article-card/
//   node --test tests/e2e/            # from the repository root
//
// One browser and one static server for the whole file; every test opens its
// own browser context. No fixed sleeps: every wait is on a condition.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './server.mjs';
import {
  BUNDLE_DIR,
  BUNDLE_MOUNTS,
  bundleFiles,
  computedStyle,
  describeFocus,
  hasFocus,
  inCard,
  sectionByTitle,
  useBrowserAndServer,
  waitForExpanded,
  waitForState,
  wasmRequests,
} from './browser.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };

const readFixture = (name) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'fixtures', name), 'utf8'));
const SEED = readFixture('seed-anthropic-recall.json');
const GARAGES = readFixture('garages-to-homes.json');

const SEED_HEADLINE =
  'Anthropic’s safety warnings may have just backfired — the government has pulled the plug on its most powerful AI';
const SEED_SECTION_TITLES = ['Why This Matters', 'Background Context', 'What Happens Next', 'Bigger Picture'];

// Mounted in addition to the defaults to show the bundle works from any path.
const VENDOR_PREFIX = '/vendor/article-card/1.0.0/';

const harness = useBrowserAndServer({ mounts: { ...BUNDLE_MOUNTS, [VENDOR_PREFIX]: BUNDLE_DIR } });
const { withPage } = harness;

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

async function text(locator) {
  return squash(await locator.first().textContent());
}

function assertNoErrors(log, what = 'the page') {
  assert.deepEqual(log.pageErrors, [], `uncaught errors on ${what}`);
  assert.deepEqual(
    log.consoleErrors,
    [],
    `console errors on ${what}${log.badResponses.length ? ` (HTTP errors: ${log.badResponses.join(', ')})` : ''}`,
  );
}

/** Every request went to the test server: the card calls no third party. */
function assertSameOrigin(log) {
  const foreign = log.requests.filter((url) => !url.startsWith(`${harness.server.origin}/`) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other origins');
}

/** Problem lines (li texts) in an error card. */
async function problemLines(page, hostSelector) {
  return inCard(page, hostSelector, 'details.card-error__details li').evaluateAll((lis) =>
    lis.map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
  );
}

/** Structure and ARIA wiring of every section of one card, read in the page. */
function readSections(page, hostSelector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return [...root.querySelectorAll('section.section')].map((section) => {
      const button = section.querySelector(':scope > h3.section__heading > button.section__toggle');
      const panel = section.querySelector('div.section__panel');
      const controlled = button && root.getElementById(button.getAttribute('aria-controls'));
      return {
        title: button?.querySelector('span.section__title')?.textContent.trim() ?? null,
        buttonType: button?.getAttribute('type') ?? null,
        buttonId: button?.id ?? null,
        expanded: button?.getAttribute('aria-expanded') ?? null,
        ariaControls: button?.getAttribute('aria-controls') ?? null,
        controlsThePanel: Boolean(panel) && controlled === panel,
        panelId: panel?.id ?? null,
        panelRole: panel?.getAttribute('role') ?? null,
        panelLabelledBy: panel?.getAttribute('aria-labelledby') ?? null,
        headlineId: root.querySelector('.card__headline')?.id ?? null,
        panelHidden: panel ? panel.hasAttribute('hidden') : null,
        // A closed panel is hidden="until-found" (the find bar reaches it): it keeps a box,
        // of no height, with its contents skipped.
        panelHiddenValue: panel?.getAttribute('hidden') ?? null,
        panelDisplayed: panel ? panel.getBoundingClientRect().height > 0 : null,
        panelText: panel?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      };
    });
  }, hostSelector);
}

// ---------------------------------------------------------------------------

test('the bundle folder holds exactly the loader, the glue, the wasm and the iframe resizer', () => {
  assert.deepEqual(bundleFiles().sort(), ['article-card-resizer.js', 'article-card.js', 'article_card.js', 'article_card_bg.wasm']);
});

test('the seed card renders inside an open shadow root with no errors', TEST_TIMEOUT, async () => {
  await withPage('/unstyled.html', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');

    const host = await page.evaluate(() => {
      const el = document.querySelector('#seed-card');
      return {
        hasOpenShadowRoot: el.shadowRoot !== null,
        mode: el.shadowRoot?.mode,
        cardInShadow: el.shadowRoot?.querySelectorAll('article.card').length,
        headlineInLightDom: document.querySelector('.card__headline') !== null,
      };
    });
    assert.deepEqual(host, { hasOpenShadowRoot: true, mode: 'open', cardInShadow: 1, headlineInLightDom: false });

    assert.equal(await text(inCard(page, '#seed-card', 'article.card h2.card__headline')), SEED_HEADLINE);
    assert.equal(await text(inCard(page, '#seed-card', 'article.card p.card__dek')), squash(SEED.dek));
    assert.match(await text(inCard(page, '#seed-card', 'article.card p.card__source')), /TechCrunch/);
    assert.match(
      await text(inCard(page, '#seed-card', 'article.card blockquote.card__quote')),
      /We disagree that the finding of a narrow potential jailbreak/,
    );

    const sections = await readSections(page, '#seed-card');
    assert.deepEqual(
      sections.map((s) => s.title),
      SEED_SECTION_TITLES,
    );
    for (const s of sections) {
      assert.equal(s.expanded, 'false', `${s.title} starts collapsed`);
      assert.equal(s.panelHidden, true, `${s.title} panel starts hidden`);
      assert.equal(s.panelHiddenValue, 'until-found', `${s.title} panel is hidden until found`);
      assert.equal(s.panelDisplayed, false, `${s.title} panel is not displayed`);
    }

    const link = inCard(page, '#seed-card', 'article.card a.card__link');
    // The label; the widget may append a screen-reader-only "(opens in a new tab)" hint and a
    // decorative arrow, so only the start of the text is fixed.
    assert.ok(
      (await text(link)).startsWith('Read the full story at TechCrunch'),
      `link text starts with "Read the full story at TechCrunch": ${JSON.stringify(await text(link))}`,
    );
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await link.getAttribute('href'), SEED.source.url);
    assert.equal(await link.isVisible(), true, 'source link is visible');

    assertNoErrors(log);
    assertSameOrigin(log);
    assert.equal(wasmRequests(log).length, 1, 'wasm requests');
  });
});

test('every section is wired for assistive technology (ids, aria-controls, aria-labelledby, role)', TEST_TIMEOUT, async () => {
  await withPage('/', {}, async ({ page }) => {
    await waitForState(page, '#seed-card', 'ready');
    await waitForState(page, '#garages-card', 'ready');
    for (const [card, expectedCount] of [
      ['#seed-card', SEED.sections.length],
      ['#garages-card', GARAGES.sections.length],
    ]) {
      const sections = await readSections(page, card);
      assert.equal(sections.length, expectedCount, `${card}: one section.section per payload section`);
      const ids = [];
      for (const s of sections) {
        const where = `${card} "${s.title}"`;
        assert.equal(s.buttonType, 'button', `${where}: toggle type`);
        assert.ok(s.buttonId, `${where}: toggle has an id`);
        assert.ok(s.panelId, `${where}: panel has an id`);
        assert.equal(s.ariaControls, s.panelId, `${where}: aria-controls equals the panel id`);
        assert.equal(s.controlsThePanel, true, `${where}: aria-controls resolves to the panel in the shadow root`);
        assert.equal(s.panelRole, 'region', `${where}: panel role`);
        // Named by its toggle, then the card's headline: landmarks stay distinct on a page of
        // cards whose sections share titles.
        assert.equal(
          s.panelLabelledBy,
          `${s.buttonId} ${s.headlineId}`,
          `${where}: panel aria-labelledby is the toggle id and the headline id`,
        );
        assert.ok(['true', 'false'].includes(s.expanded), `${where}: aria-expanded is "true" or "false"`);
        assert.equal(s.panelHidden, s.expanded === 'false', `${where}: hidden attribute matches aria-expanded`);
        ids.push(s.buttonId, s.panelId);
      }
      assert.equal(new Set(ids).size, ids.length, `${card}: ids are unique (${ids.join(', ')})`);
    }
  });
});

test('clicking "Why This Matters" expands the panel and clicking again collapses it', TEST_TIMEOUT, async () => {
  await withPage('/unstyled.html', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');
    const { toggle, panel } = sectionByTitle(page, '#seed-card', 'Why This Matters');
    const others = SEED_SECTION_TITLES.slice(1).map((t) => sectionByTitle(page, '#seed-card', t));

    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await panel.isVisible(), false, 'panel starts hidden');

    await toggle.click();
    await waitForExpanded(toggle, 'true');
    await panel.waitFor({ state: 'visible' });
    assert.equal(await panel.getAttribute('hidden'), null, 'hidden attribute removed');
    const body = squash(await panel.innerText());
    assert.ok(
      body.includes('The standoff between Anthropic'),
      `panel text should contain "The standoff between Anthropic", got ${JSON.stringify(body.slice(0, 120))}`,
    );
    // One click toggles once: still expanded a frame later, and only this section opened.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'still expanded after another frame');
    for (const other of others) {
      assert.equal(await other.toggle.getAttribute('aria-expanded'), 'false', 'other sections stay collapsed');
    }

    await toggle.click();
    await waitForExpanded(toggle, 'false');
    await panel.waitFor({ state: 'hidden' });
    assert.notEqual(await panel.getAttribute('hidden'), null, 'hidden attribute back');

    // Clicking the title text inside the button works too.
    await toggle.locator('span.section__title').click();
    await waitForExpanded(toggle, 'true');
    await panel.waitFor({ state: 'visible' });

    assertNoErrors(log);
  });
});

test('keyboard: Tab reaches the toggle, Enter expands, Space collapses', TEST_TIMEOUT, async () => {
  // On the hostile page, so host CSS cannot break keyboard use either.
  await withPage('/', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');
    const why = sectionByTitle(page, '#seed-card', 'Why This Matters');
    const background = sectionByTitle(page, '#seed-card', 'Background Context');

    await page.focus('#before-seed-card');
    await page.keyboard.press('Tab');
    assert.equal(
      await hasFocus(inCard(page, '#seed-card', 'button.card__expand')),
      true,
      `Tab from the link before the card should focus "Expand all"; focused: ${await describeFocus(page)}`,
    );
    await page.keyboard.press('Tab');
    assert.equal(
      await hasFocus(why.toggle),
      true,
      `the next Tab should focus the first toggle; focused: ${await describeFocus(page)}`,
    );

    const panelId = await why.panel.getAttribute('id');
    assert.equal(await why.toggle.getAttribute('aria-controls'), panelId, 'aria-controls points to the panel');

    await page.keyboard.press('Enter');
    await waitForExpanded(why.toggle, 'true');
    await why.panel.waitFor({ state: 'visible' });
    assert.match(squash(await why.panel.innerText()), /The standoff between Anthropic/);
    assert.equal(await hasFocus(why.toggle), true, 'focus stays on the toggle after Enter');

    await page.keyboard.press('Space');
    await waitForExpanded(why.toggle, 'false');
    await why.panel.waitFor({ state: 'hidden' });
    assert.equal(await hasFocus(why.toggle), true, 'focus stays on the toggle after Space');

    // The next Tab goes to the next toggle: all toggles are in the tab order.
    await page.keyboard.press('Tab');
    assert.equal(
      await hasFocus(background.toggle),
      true,
      `second Tab should focus "Background Context"; focused: ${await describeFocus(page)}`,
    );

    assert.deepEqual(log.pageErrors, []);
  });
});

test('a card whose src is a 404 shows the error state while the other cards keep working', TEST_TIMEOUT, async () => {
  await withPage('/', {}, async ({ page, log }) => {
    await waitForState(page, '#missing-card', 'error');
    await waitForState(page, '#seed-card', 'ready');
    await waitForState(page, '#garages-card', 'ready');

    const error = inCard(page, '#missing-card', 'div.card-error');
    await error.waitFor({ state: 'visible' });
    assert.equal(await inCard(page, '#missing-card', 'article.card').count(), 0, 'no card markup in the error card');
    const message = await text(inCard(page, '#missing-card', 'div.card-error p.card-error__message'));
    assert.ok(message.length > 0, 'a reader-facing message is shown');

    const lines = await problemLines(page, '#missing-card');
    assert.equal(lines.length, 1, `one problem for a failed fetch, got ${JSON.stringify(lines)}`);
    assert.match(lines[0], /^src: /, 'the problem path is src');
    assert.match(lines[0], /missing\.json/, 'the problem names the URL');
    assert.match(lines[0], /404/, 'the problem names the HTTP status');

    const logged = log.consoleErrors.filter((m) => m.startsWith('article-card:'));
    assert.ok(
      logged.some((m) => m.includes(lines[0])),
      `console.error should contain ${JSON.stringify(lines[0])}; got ${JSON.stringify(log.consoleErrors)}`,
    );

    // The seed card still works.
    const why = sectionByTitle(page, '#seed-card', 'Why This Matters');
    await why.toggle.click();
    await waitForExpanded(why.toggle, 'true');
    await why.panel.waitFor({ state: 'visible' });

    // The only console errors are the browser's own 404 report and the card's message.
    const unexpected = log.consoleErrors.filter(
      (m) => !m.startsWith('article-card:') && !/Failed to load resource.*404/.test(m),
    );
    assert.deepEqual(unexpected, [], 'unexpected console errors');
    assert.deepEqual(log.pageErrors, []);
  });
});

test('an invalid inline payload lists every problem in the details and in console.error', TEST_TIMEOUT, async () => {
  await withPage('/invalid.html', {}, async ({ page, log }) => {
    for (const id of ['#missing-card', '#invalid-card', '#malformed-card', '#empty-card']) {
      await waitForState(page, id, 'error');
      await inCard(page, id, 'div.card-error').waitFor({ state: 'visible' });
      assert.ok((await text(inCard(page, id, 'p.card-error__message'))).length > 0, `${id}: reader-facing message`);
      const lines = await problemLines(page, id);
      assert.ok(lines.length >= 1, `${id}: at least one problem listed`);
      for (const line of lines) {
        assert.match(line, /^\S+: \S/, `${id}: problem line has the form "path: message": ${JSON.stringify(line)}`);
      }
    }
    await waitForState(page, '#seed-card', 'ready');

    const expected = [
      'headline: is required',
      'sections[0].title: must not be empty',
      'source.url: must be an http or https URL',
    ];
    const lines = await problemLines(page, '#invalid-card');
    assert.deepEqual([...lines].sort(), [...expected].sort(), 'problem lines of #invalid-card');

    const logged = log.consoleErrors.filter((m) => m.startsWith('article-card:'));
    assert.ok(
      logged.some((m) => expected.every((line) => m.includes(line))),
      `one console.error starting "article-card:" should contain every problem line; got ${JSON.stringify(logged)}`,
    );
    // Each failing card reports to the console.
    for (const id of ['#missing-card', '#malformed-card', '#empty-card']) {
      const [first] = await problemLines(page, id);
      assert.ok(
        logged.some((m) => m.includes(first)),
        `console.error should contain ${JSON.stringify(first)} for ${id}; got ${JSON.stringify(logged)}`,
      );
    }

    // The invalid payload must not end up half-rendered.
    assert.equal(await inCard(page, '#invalid-card', 'article.card').count(), 0);

    // The valid card on the same page still toggles.
    const why = sectionByTitle(page, '#seed-card', 'Why This Matters');
    await why.toggle.click();
    await waitForExpanded(why.toggle, 'true');
    await why.panel.waitFor({ state: 'visible' });

    assert.deepEqual(log.pageErrors, []);
    assert.equal(wasmRequests(log).length, 1, 'wasm requests');
  });
});

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
    assertSameOrigin(log);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('cards appended later render (createElement and innerHTML) and removed cards leave no errors', TEST_TIMEOUT, async () => {
  await withPage('/unstyled.html', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');

    // createElement + src
    await page.evaluate(() => {
      const card = document.createElement('article-card');
      card.id = 'added-by-src';
      card.setAttribute('src', '/cards/garages-to-homes.json');
      document.body.append(card);
    });
    // innerHTML with an inline payload
    await page.evaluate((json) => {
      const wrapper = document.createElement('div');
      wrapper.id = 'wrapper';
      wrapper.innerHTML = `<article-card id="added-inline"><script type="application/json">${json}</script></article-card>`;
      document.body.append(wrapper);
    }, JSON.stringify(SEED));

    await waitForState(page, '#added-by-src', 'ready');
    await waitForState(page, '#added-inline', 'ready');
    assert.equal(await text(inCard(page, '#added-by-src', 'h2.card__headline')), squash(GARAGES.headline));
    assert.equal(await text(inCard(page, '#added-inline', 'h2.card__headline')), SEED_HEADLINE);

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
    await page.evaluate(() => {
      const card = document.createElement('article-card');
      card.id = 'added-after-removal';
      card.setAttribute('src', '/cards/seed-anthropic-recall.json');
      document.body.append(card);
    });
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

      await page.evaluate(() => {
        const card = document.createElement('article-card');
        card.id = 'slow-card';
        card.setAttribute('src', '/cards/slow.json');
        document.body.append(card);
      });
      await waitForState(page, '#slow-card', 'loading');

      await page.evaluate(() => document.querySelector('#slow-card').remove());
      release();
      await routeDone;
      await settled;

      // Let the page process the late response (if any), then prove it is still
      // healthy by rendering another card.
      await page.evaluate(() => {
        const card = document.createElement('article-card');
        card.id = 'after-slow';
        card.setAttribute('src', '/cards/garages-to-homes.json');
        document.body.append(card);
      });
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

test('a section with "open": true starts expanded (garages-to-homes, inline payload)', TEST_TIMEOUT, async () => {
  await withPage('/', {}, async ({ page, log }) => {
    await waitForState(page, '#garages-card', 'ready');
    assert.equal(await text(inCard(page, '#garages-card', 'h2.card__headline')), squash(GARAGES.headline));

    const sections = await readSections(page, '#garages-card');
    assert.deepEqual(
      sections.map((s) => [s.title, s.expanded, s.panelHidden]),
      GARAGES.sections.map((s) => [s.title, s.open ? 'true' : 'false', !s.open]),
    );

    const why = sectionByTitle(page, '#garages-card', 'Why This Matters');
    await why.panel.waitFor({ state: 'visible' });
    assert.match(squash(await why.panel.innerText()), /Housing waiting lists in the city have doubled/);

    // Byline and date.
    const meta = inCard(page, '#garages-card', 'p.card__meta');
    assert.match(await text(meta), /Priya Raman/);
    assert.ok((await meta.locator('time[datetime]').count()) >= 1, 'meta has a <time datetime>');

    // A section with a bullet list shows its items.
    const background = sectionByTitle(page, '#garages-card', 'Background Context');
    await background.toggle.click();
    await background.panel.waitFor({ state: 'visible' });
    assert.match(squash(await background.panel.innerText()), /occupancy has not passed 55% on a weekday since 2020/);

    // The open section collapses like any other.
    await why.toggle.click();
    await waitForExpanded(why.toggle, 'false');
    await why.panel.waitFor({ state: 'hidden' });

    const link = inCard(page, '#garages-card', 'a.card__link');
    assert.ok(
      (await text(link)).startsWith('Read the full story at The Riverside Ledger'),
      `link text starts with "Read the full story at The Riverside Ledger": ${JSON.stringify(await text(link))}`,
    );
    assert.equal(await link.getAttribute('href'), GARAGES.source.url);

    assert.deepEqual(log.pageErrors, []);
  });
});

// --- Style isolation -------------------------------------------------------

// font-family is left out on purpose: styles/card.css lets the card inherit the host page's
// font (publishers override it with --article-card-font). Widths are left out because they
// follow from the font; overflow at small widths has its own test.
const CARD_STYLE_PROPS = [
  'display',
  'visibility',
  'color',
  'background-color',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-decoration-line',
  'margin-top',
  'margin-bottom',
  'padding-top',
  'padding-left',
  'border-left-width',
  'border-left-style',
  'border-left-color',
];

const CARD_PARTS = [
  'article.card',
  'h2.card__headline',
  'p.card__dek',
  'p.card__source',
  'blockquote.card__quote',
  'section.section',
  'button.section__toggle',
  'span.section__title',
  'div.section__panel',
  'a.card__link',
];

async function cardStyles(page, hostSelector) {
  const out = {};
  for (const part of CARD_PARTS) {
    out[part] = await computedStyle(inCard(page, hostSelector, part), CARD_STYLE_PROPS);
  }
  return out;
}

function styleDiffs(baseline, actual) {
  const diffs = [];
  for (const [part, props] of Object.entries(baseline)) {
    for (const [prop, value] of Object.entries(props)) {
      if (actual[part]?.[prop] !== value) {
        diffs.push(`${part} ${prop}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual[part]?.[prop])}`);
      }
    }
  }
  return diffs;
}

const STYLE_VIEWPORT = { width: 1280, height: 900 };

/** Styles of the seed card on `/unstyled.html` (no host CSS at all), same viewport. */
function baselineCardStyles() {
  return withPage('/unstyled.html', { viewport: STYLE_VIEWPORT }, async ({ page }) => {
    await waitForState(page, '#seed-card', 'ready');
    return cardStyles(page, '#seed-card');
  });
}

test('hostile host CSS does not restyle the card', TEST_TIMEOUT, async () => {
  let hostile;
  await withPage('/', { viewport: STYLE_VIEWPORT }, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');
    hostile = await cardStyles(page, '#seed-card');

    // host.css makes every h2 magenta 40px Impact uppercase; the card's headline is none of that.
    const headline = hostile['h2.card__headline'];
    assert.notEqual(headline.color, 'rgb(194, 0, 107)', 'headline colour comes from the card');
    assert.notEqual(headline['font-size'], '40px', 'headline size comes from the card');
    assert.equal(headline['text-transform'], 'none', 'headline is not uppercased by the host');

    // The hostile sheet hides <section> and un-hides [hidden]; neither reaches the card.
    for (const title of SEED_SECTION_TITLES) {
      const { section, toggle, panel } = sectionByTitle(page, '#seed-card', title);
      assert.equal(await section.isVisible(), true, `section "${title}" is visible`);
      assert.equal(await toggle.isVisible(), true, `toggle "${title}" is visible`);
      const box = await toggle.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, `toggle "${title}" has a size`);
      assert.equal(await panel.isVisible(), false, `collapsed panel "${title}" stays hidden`);
    }
    assert.deepEqual(log.pageErrors, []);
  });

  const baseline = await baselineCardStyles();
  assert.deepEqual(styleDiffs(baseline, hostile), [], 'card styles on the hostile page differ from the unstyled page');
});

test('the root font-size trick (html { font-size: 62.5% }) does not resize the card', TEST_TIMEOUT, async () => {
  let actual;
  await withPage('/root-font-size.html', { viewport: STYLE_VIEWPORT }, async ({ page }) => {
    await waitForState(page, '#seed-card', 'ready');
    actual = await cardStyles(page, '#seed-card');
  });
  const baseline = await baselineCardStyles();
  assert.deepEqual(styleDiffs(baseline, actual), [], 'card styles under a 10px root font size differ');
});

const HOST_ELEMENTS = [
  'body',
  '.masthead__title a',
  '.story__title',
  '#before-seed-card',
  '#elsewhere-heading',
  '#most-read-heading',
  '#newsletter-pitch',
  '#subscribe-button',
  '#comments',
];
const HOST_STYLE_PROPS = [
  'display',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-transform',
  'margin-top',
  'margin-bottom',
  'padding-top',
  'padding-left',
  'border-top-width',
  'border-bottom-style',
];

async function hostStyles(page) {
  const styles = {};
  for (const sel of HOST_ELEMENTS) styles[sel] = await computedStyle(page.locator(sel), HOST_STYLE_PROPS);
  const sheets = await page.evaluate(() => ({
    styleSheets: document.styleSheets.length,
    adoptedStyleSheets: document.adoptedStyleSheets.length,
    styleElements: document.querySelectorAll('style, link[rel~="stylesheet"]').length,
  }));
  return { styles, sheets };
}

test("the card's CSS stays in its shadow root and does not restyle the host page", TEST_TIMEOUT, async () => {
  // Baseline: the same page with the bundle blocked, so no card code runs.
  const without = await withPage(
    '/',
    { beforeGoto: (page) => page.route('**/article-card/**', (route) => route.abort()) },
    async ({ page }) => {
      await page.waitForLoadState('load');
      assert.equal(await page.evaluate(() => customElements.get('article-card')), undefined);
      return hostStyles(page);
    },
  );

  await withPage('/', {}, async ({ page }) => {
    await waitForState(page, '#seed-card', 'ready');
    await waitForState(page, '#garages-card', 'ready');
    await waitForState(page, '#missing-card', 'error');
    const withCards = await hostStyles(page);

    assert.deepEqual(withCards.sheets, without.sheets, 'the document gained no stylesheets');
    assert.deepEqual(styleDiffs(without.styles, withCards.styles), [], 'host element styles changed');

    const shadowStyles = await page.evaluate(() =>
      ['#seed-card', '#garages-card', '#missing-card'].map((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        return root.adoptedStyleSheets.length + root.querySelectorAll('style, link[rel~="stylesheet"]').length;
      }),
    );
    for (const count of shadowStyles) assert.ok(count > 0, 'each shadow root carries its own styles');
  });
});

// --- Small screens ---------------------------------------------------------

test('at 375px wide the cards do not overflow horizontally and their text wraps', TEST_TIMEOUT, async () => {
  await withPage('/', { viewport: { width: 375, height: 812 } }, async ({ page, log }) => {
    // On a phone the later cards are far below: they render as the reader scrolls to them.
    for (const [card, state] of [['#seed-card', 'ready'], ['#garages-card', 'ready'], ['#missing-card', 'error']]) {
      await page.locator(card).scrollIntoViewIfNeeded();
      await waitForState(page, card, state);
    }

    // Expand every section so the longest content is laid out.
    for (const card of ['#seed-card', '#garages-card']) {
      const toggles = inCard(page, card, 'button.section__toggle');
      const count = await toggles.count();
      for (let i = 0; i < count; i += 1) {
        const toggle = toggles.nth(i);
        if ((await toggle.getAttribute('aria-expanded')) === 'false') {
          await toggle.click();
          await waitForExpanded(toggle, 'true');
        }
      }
    }

    const measure = (sel) =>
      page.evaluate((s) => {
        const host = document.querySelector(s);
        const root = host.shadowRoot;
        const box = root.querySelector('article.card, div.card-error');
        const headline = root.querySelector('h2.card__headline');
        const hostRect = host.getBoundingClientRect();
        const boxRect = box.getBoundingClientRect();
        let headlineLines = null;
        if (headline) {
          const cs = getComputedStyle(headline);
          const lineHeight = cs.lineHeight === 'normal' ? parseFloat(cs.fontSize) * 1.2 : parseFloat(cs.lineHeight);
          headlineLines = headline.getBoundingClientRect().height / lineHeight;
        }
        const overflowing = [...root.querySelectorAll('*')]
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.right > boxRect.right + 0.5 || r.left < boxRect.left - 0.5;
          })
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
        return {
          boxScrollWidth: box.scrollWidth,
          boxClientWidth: box.clientWidth,
          boxWidth: boxRect.width,
          hostWidth: hostRect.width,
          // Document coordinates, so a page scrolled sideways cannot hide an overflow.
          hostLeft: hostRect.left + window.scrollX,
          hostRight: hostRect.right + window.scrollX,
          headlineLines,
          overflowing,
        };
      }, sel);

    for (const card of ['#seed-card', '#garages-card', '#missing-card']) {
      const m = await measure(card);
      assert.ok(
        m.boxScrollWidth <= m.boxClientWidth,
        `${card}: scrollWidth ${m.boxScrollWidth} <= clientWidth ${m.boxClientWidth}`,
      );
      assert.deepEqual(m.overflowing, [], `${card}: elements sticking out of the card`);
      assert.ok(m.boxWidth <= m.hostWidth + 0.5, `${card}: the card (${m.boxWidth}px) fits its host element (${m.hostWidth}px)`);
      assert.ok(
        m.hostLeft >= 0 && m.hostRight <= 375,
        `${card}: the host element lies inside the 375px viewport (${m.hostLeft}..${m.hostRight})`,
      );
      if (m.headlineLines !== null) {
        assert.ok(m.headlineLines >= 1.9, `${card}: the headline wraps onto several lines (${m.headlineLines.toFixed(2)} lines)`);
      }
    }

    const doc = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(doc.scrollWidth <= doc.clientWidth, `the page does not scroll sideways (${doc.scrollWidth} > ${doc.clientWidth})`);
    assert.deepEqual(log.pageErrors, []);
  });
});

// --- Deployment ------------------------------------------------------------

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
      assert.equal(await text(inCard(page, '#seed-card', 'h2.card__headline')), SEED_HEADLINE);
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
