// Layout shift as cumulative layout shift (CLS) counts it, measured in headless Chromium for
// tests/e2e/layout-shift.test.mjs (the publisher's example pages) and tests/e2e/demo.test.mjs
// (the built demo page).
//
// The layout shifts are read by a PerformanceObserver for 'layout-shift' installed before any
// page script (buffered, so shifts before it ran count too), summing the entries without recent
// input, as CLS does. On localhost the wasm could arrive before the first paint and hide what the
// page looks like while it downloads, so every `.wasm` response is held back WASM_DELAY_MS; each
// test checks that the page painted before the first card rendered. Nothing else is throttled.

import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';

import { WAIT_MS, openPage, waitInPage } from './browser.mjs';

export const WASM_DELAY_MS = 300;

// A page's stylesheet marks the block that reserves its cards' space with these two comments, so
// that a test can take the block out for its control page.
const RESERVE_START = '/* ==== article-card: reserved space (start) ==== */';
const RESERVE_END = '/* ==== article-card: reserved space (end) ==== */';

/** `css` (the stylesheet `name`) without its block that reserves the cards' space. */
export function withoutReserve(css, name) {
  const start = css.indexOf(RESERVE_START);
  const end = css.indexOf(RESERVE_END);
  assert.ok(start !== -1 && end > start, `${name} marks its reserved-space block`);
  return css.slice(0, start) + css.slice(end + RESERVE_END.length);
}

/** The widths every page is measured at: a desktop window and a phone. */
export const VIEWPORTS = Object.freeze([
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]);

/**
 * Record, from before any page script: every Content-Security-Policy violation, every layout shift without recent input (its value, time
 * and what moved), the first contentful paint, and when the first card started rendering (its
 * data-state attribute appeared).
 */
export function recordLayoutShifts(page) {
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
export function readShifts(page) {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return window.__cls.read();
  });
}

/** Hold every .wasm response back, so the page paints (and lays out) before any card renders. */
export function delayWasm(page) {
  return page.route('**/*.wasm', async (route) => {
    await delay(WASM_DELAY_MS);
    await route.continue().catch(() => {});
  });
}

/** Wait until every card that overlaps the viewport (and `below` viewports under it) is ready. */
export function waitForCardsInView(page, below = 0) {
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
export async function scrollToY(page, y) {
  await page.evaluate(async (y) => {
    scrollTo({ top: y, behavior: 'instant' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, y);
  await waitForCardsInView(page);
}

/**
 * Load `urlPath` from the harness's server at `viewport` with the wasm held back, wait for the
 * cards of the first two viewports, scroll from there to the bottom in steps of three quarters of
 * a viewport and back to the top, and wait for all `cardCount` cards to be ready. Returns the
 * recorded shifts, the number of scroll steps down, where the page opened, and the open session
 * (the caller closes it). `beforeGoto(page)` may install more routes before the page opens.
 */
export async function measureLayoutShift({ browser, server }, urlPath, viewport, cardCount, { beforeGoto } = {}) {
  const session = await openPage(browser, server.origin, urlPath, {
    viewport,
    beforeGoto: async (page) => {
      await recordLayoutShifts(page);
      await delayWasm(page);
      await beforeGoto?.(page);
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
      cardCount,
      WAIT_MS,
    );
    const cls = await readShifts(page);
    return { session, cls, steps, start };
  } catch (err) {
    await session.close();
    throw err;
  }
}

export function describeShifts(cls) {
  return cls.shifts
    .map((s) => `  ${s.value.toFixed(4)} at ${s.at} ms:\n${s.sources.map((x) => `    ${x}`).join('\n')}`)
    .join('\n');
}

/** The page painted before any card rendered: there was a "before the wasm is ready". */
export function assertPaintedBeforeCards(cls) {
  assert.ok(cls.firstPaint !== null, 'the page painted');
  assert.ok(cls.firstRender !== null, 'a card rendered');
  assert.ok(
    cls.firstPaint < cls.firstRender,
    `the first paint (${cls.firstPaint.toFixed(0)} ms) came before the first card rendered (${cls.firstRender.toFixed(0)} ms)`,
  );
}

/**
 * Each card's reserved height (its min-height), the height of its box and of its rendered
 * content, in px; `tall` for a card given the taller reserve (class reserve-tall).
 */
export function reservedHeights(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('article-card')].map((card, i) => ({
      id: card.id || `card ${i + 1}`,
      tall: card.classList.contains('reserve-tall'),
      reserve: parseFloat(getComputedStyle(card).minHeight),
      box: card.getBoundingClientRect().height,
      content: card.shadowRoot.querySelector('.root').getBoundingClientRect().height,
    })),
  );
}

/**
 * The cards of `reservedHeights` that do not render inside their reserve: with none, or with
 * content taller than it, or a box of another height (so the reserve is the box they have).
 */
export function outsideTheirReserve(fits) {
  return fits.filter((f) => !(f.reserve > 0 && f.content <= f.reserve && Math.abs(f.box - f.reserve) < 0.5));
}
