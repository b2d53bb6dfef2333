// Style isolation, end to end: the card and its host page cannot restyle each other. A
// deliberately hostile stylesheet (examples/index.html with host.css) and a page with a 10px
// root font size leave every part of the card styled exactly as on a page with no CSS at all
// (examples/unstyled.html); the card adds no stylesheet to the document and changes no style of
// the page around it; and keyboard use survives the hostile sheet. (Theming, what a page may
// change on purpose, is theming.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { SEED_SECTION_TITLES } from './fixtures.mjs';
import {
  BUNDLE_MOUNTS, TEST_TIMEOUT, computedStyle, describeFocus, hasFocus, inCard, sectionByTitle,
  squash, useBrowserAndServer, waitForExpanded, waitForState,
} from './browser.mjs';

const { withPage } = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });

// font-family is left out on purpose: styles/card.css lets the card inherit the host page's
// font (publishers override it with --article-card-font). Widths are left out because they
// follow from the font; overflow at small widths is rendering.test.mjs's.
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

// The keyboard itself is reader.test.mjs's; this is about the hostile page around the card.
test('keyboard use survives hostile host CSS: Tab reaches the toggle, Enter expands, Space collapses', TEST_TIMEOUT, async () => {
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
