// Zero layout shift, end to end: on examples/twenty.html (a publisher's page with twenty cards,
// src and inline, lazily rendered) the cumulative layout shift is 0.00 from the first paint to
// every card rendered, with the page scrolled to the bottom and back, at a desktop and a phone
// width, opened at the top and at a heading halfway down. The page's CSS reserves each card's
// space (examples/twenty.css); a page of the same twenty cards pre-rendered by
// `article-card render` needs no reserve and measures 0.00 too; and the control, the same page
// with the reserve taken out, must measure more than 0, or the measurement could not fail.
//
// CLS only sees what moves in view, and lazy cards mostly render a viewport ahead of it, so a
// reserve too small for a card further down could still measure 0.00 here. The reserved page is
// therefore also checked card by card: each renders inside the height reserved for it.
//
//   bash scripts/build-bundle.sh      # the widget bundle, dist/article-card/
//   node --test tests/e2e/layout-shift.test.mjs
//
// How the shifts are read, with the wasm held back so the page paints before any card renders,
// is tests/e2e/layout-shift.mjs, shared with the demo page's test.
//
// The control and pre-rendered pages are generated here into target/layout-shift-e2e/ from
// examples/twenty.html, so they always have the example's cards and text: the control drops the
// stylesheet's block between the "reserved space" markers; the pre-rendered page also drops it
// and replaces each card with what the command line renders for its payload, marked
// `loading="eager"` so that the widget takes every card over while the shifts are recorded (a
// pre-rendered card otherwise sleeps until a reader interacts with it: tests/e2e/prerender.test.mjs).
// The binary is built with cargo unless ARTICLE_CARD_BIN names one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
  VIEWPORTS, assertPaintedBeforeCards, describeShifts, measureLayoutShift, outsideTheirReserve,
  reservedHeights, withoutReserve,
} from './layout-shift.mjs';
import { REPO_ROOT } from './server.mjs';
import { BUNDLE_MOUNTS, LONG_TEST_TIMEOUT, assertNoErrors, useBrowserAndServer } from './browser.mjs';

const OUT_DIR = path.join(REPO_ROOT, 'target', 'layout-shift-e2e');
const BIN = process.env.ARTICLE_CARD_BIN || path.join(REPO_ROOT, 'target', 'debug', 'article-card');
const CARD_COUNT = 20;
// The policy README.md gives for a page serving the bundle and payloads itself: twenty.html is
// served with it, so its reserve needs no inline style.
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// Where the reader lands: the top, and a heading halfway down (a link to it, or a reload that
// restores the scroll position), where the cards render in view, not a viewport ahead.
const STARTS = [
  { hash: '', where: 'opened at the top' },
  { hash: '#story-09', where: 'opened at #story-09' },
];

const PAGES = {
  reserved: '/twenty.html',
  prerendered: '/generated/prerendered.html',
  control: '/generated/control.html',
};

function cli(args, input) {
  return execFileSync(BIN, args, { cwd: REPO_ROOT, encoding: 'utf8', input, maxBuffer: 16 << 20 });
}

/** The page with its stylesheet swapped for `href`. */
function withStylesheet(html, href) {
  const out = html.replace('<link rel="stylesheet" href="twenty.css">', `<link rel="stylesheet" href="${href}">`);
  assert.notEqual(out, html, 'examples/twenty.html links twenty.css');
  return out;
}

/** Every <article-card> of the page replaced by the command line's pre-render of its payload. */
function prerendered(html) {
  let count = 0;
  const out = html.replace(/<article-card\b([^>]*)>([\s\S]*?)<\/article-card>/g, (_, attrs, inner) => {
    count += 1;
    const id = /\bid="([^"]+)"/.exec(attrs)[1];
    const src = /\bsrc="\/cards\/([^"]+)"/.exec(attrs)?.[1];
    const rendered = src
      ? cli(['render', path.join('fixtures', src)])
      : cli(['render', '-'], /<script type="application\/json">([\s\S]*?)<\/script>/.exec(inner)[1]);
    assert.ok(rendered.startsWith('<article-card>'), `the render of ${id} is an <article-card> element`);
    return rendered.trim().replace('<article-card>', `<article-card id="${id}" loading="eager">`);
  });
  assert.equal(count, CARD_COUNT, `examples/twenty.html has ${CARD_COUNT} cards`);
  return out;
}

/**
 * Builds the command line (unless ARTICLE_CARD_BIN names one) and writes the control page, the
 * pre-rendered page and their stylesheet into OUT_DIR.
 */
function generatePages() {
  if (!process.env.ARTICLE_CARD_BIN) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'article-card'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const html = readFileSync(path.join(REPO_ROOT, 'examples', 'twenty.html'), 'utf8');
  const css = readFileSync(path.join(REPO_ROOT, 'examples', 'twenty.css'), 'utf8');
  writeFileSync(path.join(OUT_DIR, 'no-reserve.css'), withoutReserve(css, 'examples/twenty.css'));
  writeFileSync(path.join(OUT_DIR, 'control.html'), withStylesheet(html, 'no-reserve.css'));
  writeFileSync(path.join(OUT_DIR, 'prerendered.html'), prerendered(withStylesheet(html, 'no-reserve.css')));
}

const harness = useBrowserAndServer(
  {
    mounts: { ...BUNDLE_MOUNTS, '/generated/': OUT_DIR },
    headers: (urlPath) => (urlPath === PAGES.reserved ? { 'Content-Security-Policy': STRICT_CSP } : undefined),
  },
  { prepare: generatePages },
);

for (const viewport of VIEWPORTS) for (const { hash, where } of STARTS) {
  const size = `${viewport.width}×${viewport.height}, ${where}`;

  test(`twenty.html at ${size}: the reserved size holds every card, CLS 0.00`, LONG_TEST_TIMEOUT, async (t) => {
    const { session, cls, steps, start } = await measureLayoutShift(harness, PAGES.reserved + hash, viewport, CARD_COUNT);
    try {
      t.diagnostic(`CLS ${cls.value.toFixed(2)} (${cls.shifts.length} shifts; opened at scrollY ${start}, ${steps} scroll steps down)`);
      assertPaintedBeforeCards(cls);
      assert.equal(cls.value, 0, `CLS is ${cls.value.toFixed(4)}, not 0; the shifts:\n${describeShifts(cls)}`);

      // Not luck of timing: every card's content fits the box reserved for it, which is the
      // box it has (no card is taller than its reserve at this width).
      const fits = await reservedHeights(session.page);
      assert.deepEqual(outsideTheirReserve(fits), [], 'every card renders inside its reserved height');
      t.diagnostic(
        `reserves ${fits.find((f) => !f.tall)?.reserve}px and ${fits.find((f) => f.tall)?.reserve}px (tall); ` +
          `cards ${Math.round(Math.min(...fits.map((f) => f.content)))}–${Math.round(Math.max(...fits.map((f) => f.content)))}px; ` +
          `least spare ${Math.round(Math.min(...fits.map((f) => f.reserve - f.content)))}px`,
      );
      assert.deepEqual(cls.violations, [], 'no Content-Security-Policy violation');
      assertNoErrors(session.log);
      // (And the policy was in force: an inline style attribute, added now, is refused.)
      const enforced = await session.page.evaluate(
        () =>
          new Promise((resolve) => {
            document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
            const probe = document.createElement('span');
            probe.setAttribute('style', 'color: red');
            document.body.append(probe);
            setTimeout(() => resolve(false), 2000);
          }),
      );
      assert.ok(enforced, 'the page was served with a strict Content-Security-Policy');
    } finally {
      await session.close();
    }
  });

  test(`twenty pre-rendered cards (no reserve) at ${size}: CLS 0.00`, LONG_TEST_TIMEOUT, async (t) => {
    const { session, cls, steps, start } = await measureLayoutShift(harness, PAGES.prerendered + hash, viewport, CARD_COUNT);
    try {
      t.diagnostic(`CLS ${cls.value.toFixed(2)} (${cls.shifts.length} shifts; opened at scrollY ${start}, ${steps} scroll steps down)`);
      assertPaintedBeforeCards(cls);
      assert.equal(cls.value, 0, `CLS is ${cls.value.toFixed(4)}, not 0; the shifts:\n${describeShifts(cls)}`);
      const reserved = await session.page.evaluate(() =>
        [...document.querySelectorAll('article-card')].filter((card) => getComputedStyle(card).minHeight !== '0px').length,
      );
      assert.equal(reserved, 0, 'no card has a reserved height: the pre-render alone keeps the page still');
      assertNoErrors(session.log);
    } finally {
      await session.close();
    }
  });

  test(`control, the same twenty cards with no reserve and no pre-render at ${size}: CLS > 0`, LONG_TEST_TIMEOUT, async (t) => {
    const { session, cls, start } = await measureLayoutShift(harness, PAGES.control + hash, viewport, CARD_COUNT);
    try {
      t.diagnostic(`CLS ${cls.value.toFixed(2)} (${cls.value.toFixed(4)}; ${cls.shifts.length} shifts; opened at scrollY ${start})`);
      for (const s of cls.shifts) t.diagnostic(`  ${s.value.toFixed(4)} at ${s.at} ms: ${s.sources[0] ?? ''}`);
      assertPaintedBeforeCards(cls);
      assert.ok(cls.value > 0, 'the cards moved the page: the measurement can fail');
      assertNoErrors(session.log);
    } finally {
      await session.close();
    }
  });
}

test('without JavaScript: each card is its fallback link, and no space is reserved', LONG_TEST_TIMEOUT, async () => {
  const context = await harness.browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
  try {
    const page = await context.newPage();
    await page.goto(new URL(PAGES.reserved, harness.server.origin).href);
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('article-card')].map((card) => {
        const link = card.querySelector('.card-fallback a');
        return {
          link: Boolean(link && link.getBoundingClientRect().height > 0 && /^https:/.test(link.href)),
          shadow: Boolean(card.shadowRoot),
          minHeight: getComputedStyle(card).minHeight,
        };
      }),
    );
    assert.equal(cards.length, CARD_COUNT);
    assert.deepEqual(
      cards.filter((c) => !c.link || c.shadow || c.minHeight !== '0px'),
      [],
      'every card shows a link to its story, with nothing reserved around it',
    );
  } finally {
    await context.close();
  }
});
