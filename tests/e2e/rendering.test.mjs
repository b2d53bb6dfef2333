// What a card shows, end to end: the seed card inside its open shadow root with every part a
// reader sees, a payload's open section, and the cards at a phone's width with nothing sticking
// out. Pages: examples/unstyled.html (no host CSS) and examples/index.html (a publisher's page
// under a hostile stylesheet).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { GARAGES, SEED, SEED_HEADLINE, SEED_SECTION_TITLES } from './fixtures.mjs';
import {
  BUNDLE_MOUNTS, TEST_TIMEOUT, assertNoErrors, assertSameOrigin, inCard, readSections,
  sectionByTitle, squash, textOf, useBrowserAndServer, waitForExpanded, waitForState, wasmRequests,
} from './browser.mjs';

const harness = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });
const { withPage } = harness;

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

    assert.equal(await textOf(inCard(page, '#seed-card', 'article.card h2.card__headline')), SEED_HEADLINE);
    assert.equal(await textOf(inCard(page, '#seed-card', 'article.card p.card__dek')), squash(SEED.dek));
    assert.match(await textOf(inCard(page, '#seed-card', 'article.card p.card__source')), /TechCrunch/);
    assert.match(
      await textOf(inCard(page, '#seed-card', 'article.card blockquote.card__quote')),
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
      (await textOf(link)).startsWith('Read the full story at TechCrunch'),
      `link text starts with "Read the full story at TechCrunch": ${JSON.stringify(await textOf(link))}`,
    );
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await link.getAttribute('href'), SEED.source.url);
    assert.equal(await link.isVisible(), true, 'source link is visible');

    assertNoErrors(log);
    assertSameOrigin(log, harness.server.origin);
    assert.equal(wasmRequests(log).length, 1, 'wasm requests');
  });
});

test('a section with "open": true starts expanded (garages-to-homes, inline payload)', TEST_TIMEOUT, async () => {
  await withPage('/', {}, async ({ page, log }) => {
    await waitForState(page, '#garages-card', 'ready');
    assert.equal(await textOf(inCard(page, '#garages-card', 'h2.card__headline')), squash(GARAGES.headline));

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
    assert.match(await textOf(meta), /Priya Raman/);
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
      (await textOf(link)).startsWith('Read the full story at The Riverside Ledger'),
      `link text starts with "Read the full story at The Riverside Ledger": ${JSON.stringify(await textOf(link))}`,
    );
    assert.equal(await link.getAttribute('href'), GARAGES.source.url);

    assert.deepEqual(log.pageErrors, []);
  });
});

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
