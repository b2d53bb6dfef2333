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
// The layout shifts are read by a PerformanceObserver for 'layout-shift' installed before any
// page script (buffered, so shifts before it ran count too), summing the entries without
// recent input, as CLS does. On localhost the wasm could arrive before the first paint and
// hide what the page looks like while it downloads, so every `.wasm` response is held back
// WASM_DELAY_MS; each test checks that the page painted before the first card rendered.
// Nothing else is throttled.
//
// The control and pre-rendered pages are generated here into target/layout-shift-e2e/ from
// examples/twenty.html, so they always have the example's cards and text: the control drops the
// stylesheet's block between the "reserved space" markers; the pre-rendered page also drops it
// and replaces each card with what the command line renders for its payload. The binary is
// built with cargo unless ARTICLE_CARD_BIN names one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { REPO_ROOT } from './server.mjs';
import { BUNDLE_MOUNTS, WAIT_MS, openPage, useBrowserAndServer, waitInPage } from './browser.mjs';

const TEST_TIMEOUT = { timeout: 180_000 };
const OUT_DIR = path.join(REPO_ROOT, 'target', 'layout-shift-e2e');
const BIN = process.env.ARTICLE_CARD_BIN || path.join(REPO_ROOT, 'target', 'debug', 'article-card');
const CARD_COUNT = 20;
const WASM_DELAY_MS = 300;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
// The policy README.md gives for a page serving the bundle and payloads itself: twenty.html is
// served with it, so its reserve needs no inline style.
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// Where the reader lands: the top, and a heading halfway down (a link to it, or a reload that
// restores the scroll position), where the cards render in view, not a viewport ahead.
const STARTS = [
  { hash: '', where: 'opened at the top' },
  { hash: '#story-09', where: 'opened at #story-09' },
];
const RESERVE_START = '/* ==== article-card: reserved space (start) ==== */';
const RESERVE_END = '/* ==== article-card: reserved space (end) ==== */';

const PAGES = {
  reserved: '/twenty.html',
  prerendered: '/generated/prerendered.html',
  control: '/generated/control.html',
};

function cli(args, input) {
  return execFileSync(BIN, args, { cwd: REPO_ROOT, encoding: 'utf8', input, maxBuffer: 16 << 20 });
}

/** twenty.css without the block a publisher copies to reserve the cards' space. */
function withoutReserve(css) {
  const start = css.indexOf(RESERVE_START);
  const end = css.indexOf(RESERVE_END);
  assert.ok(start !== -1 && end > start, 'examples/twenty.css marks its reserved-space block');
  return css.slice(0, start) + css.slice(end + RESERVE_END.length);
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
    return rendered.trim().replace('<article-card>', `<article-card id="${id}">`);
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
  writeFileSync(path.join(OUT_DIR, 'no-reserve.css'), withoutReserve(css));
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

/**
 * Record, from before any page script: every Content-Security-Policy violation, every layout shift without recent input (its value, time
 * and what moved), the first contentful paint, and when the first card started rendering (its
 * data-state attribute appeared).
 */
function recordLayoutShifts(page) {
  return page.addInitScript(() => {
    const label = (el) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
    const describe = (node) => {
      if (!node) return '(a node since removed)';
      const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      if (!el) return node.nodeName;
      const text = node.nodeType === Node.TEXT_NODE ? `text "${node.textContent.trim().slice(0, 40)}" in ` : '';
      const host = el.getRootNode().host;
      const card = host ?? el.closest('article-card');
      return `${text}${label(el)}${card && card !== el ? ` in ${label(card)}` : ''}`;
    };
    const rect = (r) => `[${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}]`;

    const cls = { value: 0, shifts: [], firstPaint: null, firstRender: null, violations: [] };
    document.addEventListener('securitypolicyviolation', (e) => cls.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const record = (entries) => {
      for (const entry of entries) {
        if (entry.hadRecentInput) continue;
        cls.value += entry.value;
        cls.shifts.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          sources: (entry.sources ?? []).map((s) => `${describe(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`),
        });
      }
    };
    const observer = new PerformanceObserver((list) => record(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'first-contentful-paint') cls.firstPaint ??= entry.startTime;
      }
    }).observe({ type: 'paint', buffered: true });
    const rendering = new MutationObserver(() => {
      cls.firstRender ??= performance.now();
      rendering.disconnect();
    });
    rendering.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });

    Object.defineProperty(window, '__cls', {
      value: {
        read: () => {
          record(observer.takeRecords());
          return JSON.parse(JSON.stringify(cls));
        },
      },
    });
  });
}

/** The shifts recorded so far, after two frames (so the last frame's entries are queued). */
function readShifts(page) {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return window.__cls.read();
  });
}

/** Hold every .wasm response back, so the page paints (and lays out) before any card renders. */
function delayWasm(page) {
  return page.route('**/*.wasm', async (route) => {
    await delay(WASM_DELAY_MS);
    await route.continue().catch(() => {});
  });
}

/** Wait until every card that overlaps the viewport (and `below` viewports under it) is ready. */
function waitForCardsInView(page, below = 0) {
  return waitInPage(
    page,
    (below) =>
      [...document.querySelectorAll('article-card')]
        .filter((card) => {
          const r = card.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight * (1 + below);
        })
        .every((card) => card.getAttribute('data-state') === 'ready'),
    below,
  );
}

/** Scroll to `y` at once (no smooth scrolling), let a frame pass, and wait for the cards in view. */
async function scrollToY(page, y) {
  await page.evaluate(async (y) => {
    scrollTo({ top: y, behavior: 'instant' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, y);
  await waitForCardsInView(page);
}

/**
 * Load `urlPath` at `viewport` with the wasm held back, wait for the cards of the first two
 * viewports, scroll from there to the bottom in steps of three quarters of a viewport and back
 * to the top, and wait for every card. Returns the recorded shifts and the session.
 */
async function measurePage(urlPath, viewport) {
  const session = await openPage(harness.browser, harness.server.origin, urlPath, {
    viewport,
    beforeGoto: async (page) => {
      await recordLayoutShifts(page);
      await delayWasm(page);
    },
  });
  const { page } = session;
  try {
    await waitForCardsInView(page, 1);
    const step = Math.round(viewport.height * 0.75);
    const start = Math.round(await page.evaluate(() => scrollY));
    if (new URL(urlPath, 'http://x').hash) assert.ok(start > 0, `${urlPath} opened scrolled to its fragment`);
    let steps = 0;
    for (let y = start + step; ; y += step) {
      await scrollToY(page, y);
      steps += 1;
      const atBottom = await page.evaluate(
        () => scrollY + innerHeight >= document.documentElement.scrollHeight - 1,
      );
      if (atBottom) break;
      assert.ok(steps < 500, 'the page has a bottom');
    }
    const bottom = await page.evaluate(() => scrollY);
    for (let y = bottom - step; y > -step; y -= step) await scrollToY(page, Math.max(0, y));
    await waitInPage(
      page,
      (n) => {
        const cards = document.querySelectorAll('article-card');
        return cards.length === n && [...cards].every((card) => card.getAttribute('data-state') === 'ready');
      },
      CARD_COUNT,
      WAIT_MS,
    );
    const cls = await readShifts(page);
    return { session, cls, steps, start };
  } catch (err) {
    await session.close();
    throw err;
  }
}

function describeShifts(cls) {
  return cls.shifts
    .map((s) => `  ${s.value.toFixed(4)} at ${s.at} ms:\n${s.sources.map((x) => `    ${x}`).join('\n')}`)
    .join('\n');
}

/** The page painted before any card rendered: there was a "before the wasm is ready". */
function assertPaintedBeforeCards(cls) {
  assert.ok(cls.firstPaint !== null, 'the page painted');
  assert.ok(cls.firstRender !== null, 'a card rendered');
  assert.ok(
    cls.firstPaint < cls.firstRender,
    `the first paint (${cls.firstPaint.toFixed(0)} ms) came before the first card rendered (${cls.firstRender.toFixed(0)} ms)`,
  );
}

function assertNoErrors(log) {
  assert.deepEqual(log.pageErrors, [], 'no uncaught page errors');
  assert.deepEqual(log.consoleErrors, [], 'no console errors');
  assert.deepEqual(log.badResponses, [], 'no failed responses');
}

for (const viewport of VIEWPORTS) for (const { hash, where } of STARTS) {
  const size = `${viewport.width}×${viewport.height}, ${where}`;

  test(`twenty.html at ${size}: the reserved size holds every card, CLS 0.00`, TEST_TIMEOUT, async (t) => {
    const { session, cls, steps, start } = await measurePage(PAGES.reserved + hash, viewport);
    try {
      t.diagnostic(`CLS ${cls.value.toFixed(2)} (${cls.shifts.length} shifts; opened at scrollY ${start}, ${steps} scroll steps down)`);
      assertPaintedBeforeCards(cls);
      assert.equal(cls.value, 0, `CLS is ${cls.value.toFixed(4)}, not 0; the shifts:\n${describeShifts(cls)}`);

      // Not luck of timing: every card's content fits the box reserved for it, which is the
      // box it has (no card is taller than its reserve at this width).
      const fits = await session.page.evaluate(() =>
        [...document.querySelectorAll('article-card')].map((card) => ({
          id: card.id,
          tall: card.classList.contains('reserve-tall'),
          reserve: parseFloat(getComputedStyle(card).minHeight),
          box: card.getBoundingClientRect().height,
          content: card.shadowRoot.querySelector('.root').getBoundingClientRect().height,
        })),
      );
      const misfits = fits.filter((f) => !(f.reserve > 0 && f.content <= f.reserve && Math.abs(f.box - f.reserve) < 0.5));
      assert.deepEqual(misfits, [], 'every card renders inside its reserved height');
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

  test(`twenty pre-rendered cards (no reserve) at ${size}: CLS 0.00`, TEST_TIMEOUT, async (t) => {
    const { session, cls, steps, start } = await measurePage(PAGES.prerendered + hash, viewport);
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

  test(`control, the same twenty cards with no reserve and no pre-render at ${size}: CLS > 0`, TEST_TIMEOUT, async (t) => {
    const { session, cls, start } = await measurePage(PAGES.control + hash, viewport);
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

test('without JavaScript: each card is its fallback link, and no space is reserved', TEST_TIMEOUT, async () => {
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
