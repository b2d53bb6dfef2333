// End-to-end tests for the reader features: heading levels, reading time, opening and closing a
// section, "Expand all", the keyboard, deep links, find-in-page, print, themes, reduced motion,
// languages and right to left, and payload label overrides. Pages: examples/reader.html,
// examples/rtl.html and examples/unstyled.html.
//
// No fixed sleeps: every wait is on a condition.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED, SEED_SECTION_TITLES } from './fixtures.mjs';
import {
  BUNDLE_MOUNTS, TEST_TIMEOUT, assertNoErrors, describeFocus, hasFocus, inCard, sectionByTitle,
  squash, useBrowserAndServer, waitForExpanded, waitForState, waitInPage,
} from './browser.mjs';

const READER_CARDS = ['#seed-card', '#theme-card', '#level-card', '#es-card', '#override-card'];

const harness = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });
const { withPage } = harness;

async function readerPage(urlPath, options, fn) {
  return withPage(urlPath, options, async (opened) => {
    for (const card of READER_CARDS) await waitForState(opened.page, card, 'ready');
    const result = await fn(opened);
    assertNoErrors(opened.log);
    return result;
  });
}

/** aria-expanded of every section toggle of a card, in order. */
function expandedStates(page, card) {
  return inCard(page, card, 'button.section__toggle').evaluateAll((els) =>
    els.map((el) => el.getAttribute('aria-expanded')),
  );
}

function waitForStates(page, card, expected) {
  return waitInPage(
    page,
    ([sel, want]) => {
      const got = [...document.querySelector(sel).shadowRoot.querySelectorAll('button.section__toggle')].map((el) =>
        el.getAttribute('aria-expanded'),
      );
      return JSON.stringify(got) === JSON.stringify(want);
    },
    [card, expected],
  );
}

/** Background colour of a card's box. */
function cardBackground(page, card) {
  return inCard(page, card, 'article.card').evaluate((el) => getComputedStyle(el).backgroundColor);
}

const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(31, 30, 29)';

test('section headings sit at the heading-level attribute, the headline one above', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    const levels = (card) =>
      page.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        return {
          headline: root.querySelector('.card__headline').tagName,
          sections: [...root.querySelectorAll('.section__heading')].map((h) => h.tagName),
          buttonsPerHeading: [...root.querySelectorAll('.section__heading')].map(
            (h) => h.querySelectorAll('button').length,
          ),
        };
      }, card);
    assert.deepEqual(await levels('#seed-card'), {
      headline: 'H2',
      sections: ['H3', 'H3', 'H3', 'H3'],
      buttonsPerHeading: [1, 1, 1, 1],
    });
    const deeper = await levels('#level-card');
    assert.equal(deeper.headline, 'H4');
    assert.deepEqual([...new Set(deeper.sections)], ['H5']);
    assert.deepEqual([...new Set(deeper.buttonsPerHeading)], [1]);
  });
});

test('each section shows its reading time beside its title, from its word count', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    const shown = await inCard(page, '#seed-card', 'button.section__toggle .section__time').allTextContents();
    const expected = SEED.sections.map((s) => {
      const words = s.body.split(/[ \n\t]+/).filter(Boolean).length;
      return `${Math.max(1, Math.ceil(words / 200))} min read`;
    });
    assert.deepEqual(shown, expected);
    // Beside the title: on the same line, after it.
    const boxes = await inCard(page, '#seed-card', 'button.section__toggle').first().evaluate((button) => {
      const title = button.querySelector('.section__title').getBoundingClientRect();
      const time = button.querySelector('.section__time').getBoundingClientRect();
      return { sameLine: time.top < title.bottom && time.bottom > title.top, after: time.left >= title.right };
    });
    assert.deepEqual(boxes, { sameLine: true, after: true });
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

test('"Expand all" opens every section, then reads "Collapse all" and closes them', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    const button = inCard(page, '#seed-card', 'button.card__expand');
    assert.equal(await button.textContent(), 'Expand all');
    const panels = await inCard(page, '#seed-card', 'div.section__panel').evaluateAll((els) => els.map((el) => el.id));
    assert.deepEqual((await button.getAttribute('aria-controls')).split(' '), panels);

    await button.click();
    await waitForStates(page, '#seed-card', ['true', 'true', 'true', 'true']);
    assert.equal(await button.textContent(), 'Collapse all');
    for (const panel of await inCard(page, '#seed-card', 'div.section__panel').all()) {
      assert.equal(await panel.isVisible(), true);
    }

    await button.click();
    await waitForStates(page, '#seed-card', ['false', 'false', 'false', 'false']);
    assert.equal(await button.textContent(), 'Expand all');

    // Opening every section one by one has the same effect on the button.
    const toggles = await inCard(page, '#seed-card', 'button.section__toggle').all();
    for (const toggle of toggles) {
      await toggle.click();
      await waitForExpanded(toggle, 'true');
    }
    assert.equal(await button.textContent(), 'Collapse all');
    // The other cards did not move.
    assert.deepEqual(await expandedStates(page, '#level-card'), ['true', 'false', 'false']);
  });
});

test('keyboard: Tab goes through "Expand all", the toggles and the link in order, with a visible focus ring', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    await page.focus('#before-seed-card');
    const order = [
      'button.card__expand',
      ...SEED.sections.map((_, i) => `section.section:nth-of-type(${i + 1}) button.section__toggle`),
      'a.card__link',
    ];
    for (const selector of order) {
      await page.keyboard.press('Tab');
      const target = inCard(page, '#seed-card', selector);
      assert.equal(await hasFocus(target), true, `Tab should reach ${selector}; focused: ${await describeFocus(page)}`);
      const ring = await target.evaluate((el) => {
        const cs = getComputedStyle(el);
        return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
      assert.equal(ring.style, 'solid', `${selector} shows a focus ring`);
      assert.ok(ring.width >= 2, `${selector} focus ring is at least 2px (${ring.width})`);
    }

    // Enter on "Expand all" opens everything; Space closes it again; focus stays.
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < SEED.sections.length; i += 1) await page.keyboard.press('Shift+Tab');
    const expand = inCard(page, '#seed-card', 'button.card__expand');
    assert.equal(await hasFocus(expand), true, `back on Expand all; focused: ${await describeFocus(page)}`);
    await page.keyboard.press('Enter');
    await waitForStates(page, '#seed-card', ['true', 'true', 'true', 'true']);
    await page.keyboard.press('Space');
    await waitForStates(page, '#seed-card', ['false', 'false', 'false', 'false']);
    assert.equal(await hasFocus(expand), true);

    // The toggles themselves: Enter and Space.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForStates(page, '#seed-card', ['true', 'false', 'false', 'false']);
    await page.keyboard.press('Space');
    await waitForStates(page, '#seed-card', ['false', 'false', 'false', 'false']);
  });
});

test('a deep link opens its section on load and scrolls it into view', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html#anthropic-model-recall--what-happens-next', { viewport: { width: 1280, height: 600 } }, async ({ page }) => {
    await waitForStates(page, '#seed-card', ['false', 'false', 'true', 'false']);
    const section = inCard(page, '#seed-card', '#anthropic-model-recall--what-happens-next');
    await waitInPage(page, () => {
      const el = document
        .querySelector('#seed-card')
        .shadowRoot.getElementById('anthropic-model-recall--what-happens-next');
      const r = el.getBoundingClientRect();
      return r.top >= -1 && r.top < window.innerHeight;
    });
    assert.equal(await section.isVisible(), true);
    // Only the card that has the address reacts.
    assert.deepEqual(await expandedStates(page, '#theme-card'), ['true', 'false', 'false', 'false']);
  });
});

test('a hashchange to a section address opens it and scrolls to it; other addresses change nothing', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', { viewport: { width: 1280, height: 600 } }, async ({ page }) => {
    await page.evaluate(() => {
      window.location.hash = '#library-hours--cost';
    });
    await waitForStates(page, '#override-card', ['false', 'true']);
    await waitInPage(page, () => {
      const el = document.querySelector('#override-card').shadowRoot.getElementById('library-hours--cost');
      const r = el.getBoundingClientRect();
      return r.top >= -1 && r.bottom <= window.innerHeight + 1;
    });

    // Closing it and following the same link again opens it again.
    await inCard(page, '#override-card', '#library-hours--cost button.section__toggle').click();
    await waitForStates(page, '#override-card', ['false', 'false']);
    await page.evaluate(() => {
      window.location.hash = '#after';
    });
    await page.evaluate(() => {
      window.location.hash = '#library-hours--cost';
    });
    await waitForStates(page, '#override-card', ['false', 'true']);
    assert.deepEqual(await expandedStates(page, '#seed-card'), ['false', 'false', 'false', 'false']);
  });
});

test('each open section links to its own address; following the link keeps it open and in view', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', { viewport: { width: 1280, height: 600 } }, async ({ page }) => {
    const toggle = inCard(page, '#seed-card', '#anthropic-model-recall--background-context--button');
    await toggle.click();
    await waitForExpanded(toggle, 'true');
    const link = inCard(page, '#seed-card', '#anthropic-model-recall--background-context a.section__link');
    assert.equal(await link.textContent(), 'Link to this section');
    const href = await link.evaluate((a) => a.href);
    assert.equal(href, `${harness.server.origin}/reader.html#anthropic-model-recall--background-context`);
    await link.click();
    await waitInPage(page, () => window.location.hash === '#anthropic-model-recall--background-context');
    await waitForStates(page, '#seed-card', ['false', 'true', 'false', 'false']);

    // The copied address, opened in a new page, opens the section there.
    const fresh = await page.context().newPage();
    await fresh.goto(href);
    await waitForState(fresh, '#seed-card', 'ready');
    await waitForStates(fresh, '#seed-card', ['false', 'true', 'false', 'false']);
    await fresh.close();
  });
});

test('find-in-page reaches closed sections: panels are hidden="until-found" and beforematch opens them', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    const panel = inCard(page, '#seed-card', '#anthropic-model-recall--bigger-picture--panel');
    assert.equal(await panel.getAttribute('hidden'), 'until-found');
    // What the browser does for a find-bar match: fire beforematch, then drop the attribute.
    await panel.evaluate((el) => {
      el.dispatchEvent(new Event('beforematch', { bubbles: true }));
      el.removeAttribute('hidden');
    });
    await waitForStates(page, '#seed-card', ['false', 'false', 'false', 'true']);
    assert.equal(await panel.isVisible(), true);
    assert.equal(await panel.getAttribute('hidden'), null);
    // And the card's own state follows: its button closes it again.
    await inCard(page, '#seed-card', '#anthropic-model-recall--bigger-picture--button').click();
    await waitForStates(page, '#seed-card', ['false', 'false', 'false', 'false']);
    assert.equal(await panel.getAttribute('hidden'), 'until-found');
  });
});

test('print shows every section expanded and no buttons', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    for (const card of READER_CARDS) {
      const printed = await page.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        const panels = [...root.querySelectorAll('.section__panel')];
        const tools = root.querySelector('.card__tools');
        const chevrons = [...root.querySelectorAll('.section__toggle')].map(
          (b) => getComputedStyle(b, '::after').display,
        );
        return {
          panelsShown: panels.every((p) => p.getBoundingClientRect().height > 0 && p.innerText.trim().length > 0),
          toolsShown: tools ? getComputedStyle(tools).display !== 'none' : false,
          chevrons: [...new Set(chevrons)],
          background: getComputedStyle(root.querySelector('.card')).backgroundColor,
        };
      }, card);
      assert.deepEqual(
        printed,
        { panelsShown: true, toolsShown: false, chevrons: ['none'], background: WHITE },
        `${card} in print`,
      );
    }
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(await expandedStates(page, '#seed-card'), ['false', 'false', 'false', 'false']);
    assert.equal(await inCard(page, '#seed-card', 'div.section__panel').first().isVisible(), false);
  });
});

test('themes: the system setting by default, the theme attribute live, theme="auto" follows the page', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal(await cardBackground(page, '#seed-card'), WHITE);
    assert.equal(await cardBackground(page, '#theme-card'), DARK, 'theme="dark" in a light system');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await cardBackground(page, '#seed-card'), DARK, 'follows prefers-color-scheme');

    // Switching live: the same elements, restyled, not re-created.
    await inCard(page, '#seed-card', 'article.card').evaluate((el) => {
      el.dataset.marker = 'same';
    });
    await page.evaluate(() => document.querySelector('#seed-card').setAttribute('theme', 'light'));
    assert.equal(await cardBackground(page, '#seed-card'), WHITE, 'theme="light" in a dark system');
    await page.evaluate(() => document.querySelector('#seed-card').setAttribute('theme', 'auto'));
    await page.evaluate(() => {
      document.documentElement.style.colorScheme = 'dark';
    });
    assert.equal(await cardBackground(page, '#seed-card'), DARK, 'theme="auto" on a dark page');
    await page.evaluate(() => {
      document.documentElement.style.colorScheme = 'light';
    });
    assert.equal(await cardBackground(page, '#seed-card'), WHITE, 'theme="auto" on a light page');
    assert.equal(await inCard(page, '#seed-card', 'article.card').getAttribute('data-marker'), 'same');
    assert.equal(await page.evaluate(() => document.querySelector('#seed-card').dataset.state), 'ready');

    // Dark text colours differ from light ones (the palette switched, not only the background).
    await page.evaluate(() => document.querySelector('#seed-card').setAttribute('theme', 'dark'));
    const dark = await inCard(page, '#seed-card', 'h2.card__headline').evaluate((el) => getComputedStyle(el).color);
    assert.equal(dark, 'rgb(241, 238, 234)');
  });
});

test('reduced motion: sections open without animation', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    const animationOf = async (title) => {
      const toggle = inCard(page, '#seed-card', `#anthropic-model-recall--${title}--button`);
      await toggle.click();
      await waitForExpanded(toggle, 'true');
      return inCard(page, '#seed-card', `#anthropic-model-recall--${title}--panel`).evaluate(
        (el) => getComputedStyle(el).animationName,
      );
    };
    assert.equal(await animationOf('why-this-matters'), 'section-open');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await animationOf('background-context'), 'none');
  });
});

test('a card without a language takes the page\'s, with that language\'s words and dates', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    const article = inCard(page, '#es-card', 'article.card');
    assert.equal(await article.getAttribute('lang'), null, 'inherits lang from the page');
    assert.equal(await article.evaluate((el) => el.closest('[lang]') === null), true);
    assert.equal(await article.getAttribute('dir'), 'ltr');
    assert.equal(await inCard(page, '#es-card', 'button.card__expand').textContent(), 'Desplegar todo');
    assert.equal(
      await inCard(page, '#es-card', 'a.card__link').textContent(),
      'Lee la noticia completa en Diario del Valle (se abre en una pestaña nueva)',
    );
    assert.equal(await inCard(page, '#es-card', '.card__date').textContent(), 'Publicado 27 de noviembre de 2026');
    assert.deepEqual(await inCard(page, '#es-card', '.section__time').allTextContents(), [
      '1 min de lectura',
      '1 min de lectura',
    ]);
  });
});

test('a payload overrides the card\'s own words', TEST_TIMEOUT, async () => {
  await readerPage('/reader.html', {}, async ({ page }) => {
    const expand = inCard(page, '#override-card', 'button.card__expand');
    assert.equal(await expand.textContent(), 'Show every section');
    await expand.click();
    await waitForStates(page, '#override-card', ['true', 'true']);
    assert.equal(await expand.textContent(), 'Hide every section');
    assert.equal(
      await inCard(page, '#override-card', 'a.card__link').textContent(),
      'Continue reading on The Riverside Ledger (opens in a new tab)',
    );
    assert.equal(await inCard(page, '#override-card', '.card__date').textContent(), 'First published 27 November 2026');
    assert.deepEqual(await inCard(page, '#override-card', '.section__time').allTextContents(), [
      '1-minute read',
      '1-minute read',
    ]);
  });
});

test('Arabic renders right to left with mirrored layout and Arabic words, errors included', TEST_TIMEOUT, async () => {
  await withPage('/rtl.html', {}, async ({ page, log }) => {
    await waitForState(page, '#ar-card', 'ready');
    await waitForState(page, '#ar-invalid', 'error');
    const article = inCard(page, '#ar-card', 'article.card');
    assert.equal(await article.getAttribute('dir'), 'rtl');
    assert.equal(await article.getAttribute('lang'), 'ar');
    assert.equal(await inCard(page, '#ar-card', 'button.card__expand').textContent(), 'توسيع الكل');
    assert.match(await inCard(page, '#ar-card', 'a.card__link').textContent(), /^اقرأ القصة كاملة على صحيفة الساحل/);
    assert.equal(await inCard(page, '#ar-card', '.card__date').textContent(), 'نُشر في 27 نوفمبر 2026');

    const layout = await page.evaluate(() => {
      const root = document.querySelector('#ar-card').shadowRoot;
      const card = root.querySelector('.card').getBoundingClientRect();
      const quote = getComputedStyle(root.querySelector('.card__pullquote'));
      const button = root.querySelector('.section__toggle');
      const title = button.querySelector('.section__title').getBoundingClientRect();
      const time = button.querySelector('.section__time').getBoundingClientRect();
      const tools = root.querySelector('.card__expand').getBoundingClientRect();
      return {
        quoteBarOnTheRight: quote.borderRightWidth === '4px' && quote.borderLeftWidth === '0px',
        titleStartsRight: card.right - title.right < card.left + card.width / 2 - card.left,
        timeLeftOfTitle: time.right <= title.left,
        expandAllOnTheLeft: tools.left - card.left < card.right - tools.right,
      };
    });
    assert.deepEqual(layout, {
      quoteBarOnTheRight: true,
      titleStartsRight: true,
      timeLeftOfTitle: true,
      expandAllOnTheLeft: true,
    });

    const error = inCard(page, '#ar-invalid', 'div.card-error');
    assert.equal(await error.getAttribute('dir'), 'rtl');
    assert.match(await error.textContent(), /تعذّر عرض بطاقة القصة هذه\./);
    assert.deepEqual(log.pageErrors, []);
  });
});
