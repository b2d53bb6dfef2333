// Accessibility, end to end: an axe-core audit of example pages in headless Chromium over the
// whole document (axe walks open shadow roots, so every card is included), in the light and the
// dark theme, left to right and right to left, with the sections closed and open: zero
// violations of WCAG 2.2 A/AA and axe's best practices. And the wiring of every section that
// assistive technology relies on (ids, aria-controls, aria-labelledby, role), checked directly.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { GARAGES, SEED } from './fixtures.mjs';
import {
  BUNDLE_MOUNTS, LONG_TEST_TIMEOUT, TEST_TIMEOUT, axeViolations, readSections, useBrowserAndServer,
  waitForState, waitInPage,
} from './browser.mjs';

const PAGES = [
  { path: '/reader.html', cards: ['#seed-card', '#theme-card', '#level-card', '#es-card', '#override-card'] },
  { path: '/rtl.html', cards: ['#ar-card', '#ar-invalid'] },
];

const { withPage } = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });

for (const { path, cards } of PAGES) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: ${path} in the ${colorScheme} theme has no violations, sections closed and open`, LONG_TEST_TIMEOUT, async () => {
      await withPage(path, {}, async ({ page, log }) => {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        for (const card of cards) {
          await waitForState(page, card, card.includes('invalid') ? 'error' : 'ready');
        }
        assert.deepEqual(await axeViolations(page), [], `${path} (${colorScheme}, closed)`);

        // Open every section (no animation, so colours are final) and audit again.
        await page.evaluate((sels) => {
          for (const sel of sels) document.querySelector(sel).shadowRoot.querySelector('.card__expand')?.click();
        }, cards);
        await waitInPage(
          page,
          (sels) =>
            sels.every((sel) =>
              [...document.querySelector(sel).shadowRoot.querySelectorAll('.section__toggle')].every(
                (b) => b.getAttribute('aria-expanded') === 'true',
              ),
            ),
          cards,
        );
        assert.deepEqual(await axeViolations(page), [], `${path} (${colorScheme}, open)`);
        assert.deepEqual(log.pageErrors, []);
      });
    });
  }
}

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
