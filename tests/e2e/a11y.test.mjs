// Accessibility audit: axe-core (the npm package) injected into example pages in headless
// Chromium, run over the whole document (axe walks open shadow roots, so every card is
// included), in the light and the dark theme, left to right and right to left, with the
// sections closed and open. Zero violations of WCAG 2.2 A/AA and axe's best practices.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { BUNDLE_MOUNTS, useBrowserAndServer, waitForState, waitInPage } from './browser.mjs';

const TEST_TIMEOUT = { timeout: 180_000 };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const PAGES = [
  { path: '/reader.html', cards: ['#seed-card', '#theme-card', '#level-card', '#es-card', '#override-card'] },
  { path: '/rtl.html', cards: ['#ar-card', '#ar-invalid'] },
];

const { withPage } = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });

/** Runs axe in the page; returns each violation as "rule: target (summary)". */
async function audit(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} (${n.failureSummary?.split('\n').slice(1).join(' ')})`),
    );
  }, TAGS);
  return violations;
}

for (const { path, cards } of PAGES) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: ${path} in the ${colorScheme} theme has no violations, sections closed and open`, TEST_TIMEOUT, async () => {
      await withPage(path, {}, async ({ page, log }) => {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        for (const card of cards) {
          await waitForState(page, card, card.includes('invalid') ? 'error' : 'ready');
        }
        assert.deepEqual(await audit(page), [], `${path} (${colorScheme}, closed)`);

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
        assert.deepEqual(await audit(page), [], `${path} (${colorScheme}, open)`);
        assert.deepEqual(log.pageErrors, []);
      });
    });
  }
}
