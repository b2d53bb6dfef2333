// A page of pre-rendered cards (`article-card render`), as a reader meets it: what script the
// browser downloads while the reader only reads and scrolls, and then after a click on one
// card's section (which must open), and when the widget took that card over.
//
// Bytes are the browser's own Resource Timing figures (encodedBodySize: the body as transferred,
// gzip from the bench's compressing server), per resource; "script" is every .js and .wasm.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { openPage } from '../tests/e2e/browser.mjs';
import { REPO_ROOT } from '../tests/e2e/server.mjs';

export const PRERENDERED_PAGE = 'prerendered.html';
const PHONE = { width: 390, height: 844 };
// How long the network must stay quiet before a phase counts as finished.
const QUIET_MS = 1500;

/**
 * Writes a publisher's page of `list.length` pre-rendered cards (one `article-card render` of
 * each payload) between paragraphs of text, with the loader's one script tag, into `site`.
 */
export function buildPrerenderedPage(site, cli, list) {
  const cards = list.map((payload, i) => {
    const html = execFileSync(cli, ['render', '-'], { cwd: REPO_ROOT, encoding: 'utf8', input: JSON.stringify(payload), maxBuffer: 16 << 20 });
    if (!html.startsWith('<article-card')) throw new Error(`article-card render wrote no <article-card> for payload ${i + 1}`);
    return `<p>Paragraph ${i + 1} of the story around the cards: a reader reads it, and scrolls on.</p>\n${html.trim()}`;
  });
  writeFileSync(
    path.join(site, PRERENDERED_PAGE),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${list.length} pre-rendered cards</title>
<link rel="icon" href="data:,">
<script type="module" src="/article-card/article-card.js"></script>
<style>body { font: 17px/1.5 Georgia, serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }</style>
</head>
<body>
<h1>${list.length} pre-rendered cards</h1>
${cards.join('\n')}
<p>The end of the page.</p>
</body>
</html>
`,
  );
}

// Before any page script: when each card was taken over (its data-state first became ready),
// and when the last click happened, on the page's clock.
const INSTRUMENT = () => {
  const takenOver = (window.__takenOver = []);
  new MutationObserver((records) => {
    for (const r of records) {
      const cards = [...document.querySelectorAll('article-card')];
      const i = cards.indexOf(r.target);
      if (i !== -1 && r.target.getAttribute('data-state') === 'ready' && takenOver[i] === undefined) takenOver[i] = performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  addEventListener('click', (event) => (window.__clickedAt = event.timeStamp), { capture: true });
};

const resources = (page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({
      path: new URL(e.name).pathname,
      type: e.initiatorType,
      start: e.startTime,
      end: e.responseEnd,
      bytes: e.encodedBodySize,
    })),
  );

/** Waits until no resource has started or finished for QUIET_MS. */
async function networkQuiet(page) {
  let last = '';
  let since = Date.now();
  for (;;) {
    const now = JSON.stringify((await resources(page)).map((r) => [r.path, r.end]));
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= QUIET_MS) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const isScript = (r) => /\.(m?js|wasm)$/.test(r.path);

/** Reads the page top to bottom and back, clicks one section of the first card, measures. */
export async function measurePrerendered(browser, origin) {
  const session = await openPage(browser, origin, `/${PRERENDERED_PAGE}`, {
    viewport: PHONE,
    beforeGoto: (page) => page.addInitScript(INSTRUMENT),
  });
  const { page, log } = session;
  try {
    // A reader reads: scrolls down three quarters of a screen at a time, pausing, to the end,
    // and back up to the first card.
    await networkQuiet(page);
    for (;;) {
      const atEnd = await page.evaluate(() => {
        scrollBy({ top: Math.round(innerHeight * 0.75), behavior: 'instant' });
        return scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
      });
      await new Promise((r) => setTimeout(r, 250));
      if (atEnd) break;
    }
    await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    await networkQuiet(page);
    const reading = (await resources(page)).filter(isScript);
    const cardCount = await page.locator('article-card').count();
    const takenOverWhileReading = (await page.evaluate(() => window.__takenOver.filter((t) => t !== undefined).length));

    // The reader opens the first card's second section.
    const toggle = page.locator('article-card').first().locator('.section__toggle').nth(1);
    const before = await toggle.getAttribute('aria-expanded');
    await toggle.click();
    let opened = true;
    try {
      await page.waitForFunction(
        () => {
          const card = document.querySelector('article-card');
          const button = card?.shadowRoot?.querySelectorAll('.section__toggle')[1];
          const panel = button && card.shadowRoot.getElementById(button.getAttribute('aria-controls'));
          return card?.getAttribute('data-state') === 'ready' && button.getAttribute('aria-expanded') === 'true' && panel && !panel.hidden;
        },
        null,
        { timeout: 20_000, polling: 'raf' },
      );
    } catch {
      opened = false;
    }
    await networkQuiet(page);
    const all = (await resources(page)).filter(isScript);
    const { clickedAt, takenOver } = await page.evaluate(() => ({ clickedAt: window.__clickedAt, takenOver: window.__takenOver[0] ?? null }));
    const errors = [...log.pageErrors, ...log.consoleErrors, ...log.badResponses];
    return {
      cards: cardCount,
      takenOverWhileReading,
      expandedBefore: before,
      opened,
      clickedAt,
      takenOver,
      reading,
      afterClick: all.filter((r) => !reading.some((s) => s.path === r.path && s.start === r.start)),
      // Script that had arrived when the widget took the clicked card over.
      untilTakeover: takenOver === null ? null : all.filter((r) => r.end <= takenOver).reduce((n, r) => n + r.bytes, 0),
      errors,
    };
  } finally {
    await session.close();
  }
}
