// Load, end to end: examples/many.html with 1,000 cards renders them all; 10,000 section toggles
// across them leave no console errors and no memory growth beyond a stated bound; removing and
// re-adding every card leaks nothing. Memory is read after a forced garbage collection: the JS
// heap and DOM counters through the Chrome DevTools Protocol (Performance.getMetrics), the
// wasm memory as its buffer's byteLength (the glue's init() hands back the instance's exports,
// so nothing test-only is needed in the bundle).
//
//   bash scripts/build-bundle.sh && node --test tests/e2e/load.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BUNDLE_MOUNTS, LONG_TEST_TIMEOUT, measureMemory, useBrowserAndServer } from './browser.mjs';

const CARDS = 1_000;
const ROUNDS = 100;
const PER_ROUND = 100; // 100 rounds of 100 toggles: 10,000 toggles
const SECTIONS = 4;

// The bounds, per the issue: small and stated. Measured figures are printed as diagnostics.
// Wasm memory never shrinks: the first toggles may raise the allocator's high-water mark once
// (a few pages of 64 KiB), so the first 10,000 get a small allowance and a second 10,000 none.
const MiB = 1024 * 1024;
const BOUND = {
  /** Wasm memory growth over the first 10,000 toggles after rendering. */
  wasmFirstToggles: 1 * MiB,
  /** Wasm memory growth over the next 10,000: none, or something is kept per toggle. */
  wasmMoreToggles: 0,
  /** JS heap growth, garbage collected, over each batch of 10,000 toggles. */
  jsHeapToggles: 2 * MiB,
  /** A second full mount/unmount cycle of 1,000 cards reuses the wasm memory of the first. */
  wasmSecondCycle: 0,
  /** The JS heap after a second teardown is within 2 MiB of after the first. */
  jsHeapSecondCycle: 2 * MiB,
};

const { withPage } = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });

const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const fmt = (m) => `JS heap ${kib(m.jsHeap)}, wasm ${kib(m.wasm)}, ${m.nodes} DOM nodes, ${m.listeners} listeners`;

/**
 * 10,000 toggles: round r (of 100) clicks section floor(r / 20) % 4 of the r % 10-th block of
 * 100 cards, then waits (bounded, frame by frame) until each clicked button shows its new
 * state. Each button is toggled an even number of times, so every card ends as it began.
 */
function toggleAll(page) {
  return page.evaluate(
    async ({ rounds, perRound, sections }) => {
      const cards = [...document.querySelectorAll('#cards > article-card')];
      const button = (card, s) => card.shadowRoot.querySelectorAll('button.section__toggle')[s];
      const initial = cards.map((card) => [...Array(sections).keys()].map((s) => button(card, s).getAttribute('aria-expanded')));
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let clicks = 0;
      let frames = 0;
      const t0 = performance.now();
      for (let r = 0; r < rounds; r += 1) {
        const block = (r % 10) * perRound;
        const s = Math.floor(r / 20) % sections;
        const expected = [];
        for (let k = 0; k < perRound; k += 1) {
          const b = button(cards[(block + k) % cards.length], s);
          expected.push([b, b.getAttribute('aria-expanded') === 'true' ? 'false' : 'true']);
          b.click();
          clicks += 1;
        }
        for (let waited = 0; expected.some(([b, want]) => b.getAttribute('aria-expanded') !== want); waited += 1) {
          if (waited > 600) throw new Error(`round ${r}: toggles not rendered after 600 frames`);
          await frame();
          frames += 1;
        }
      }
      const ms = performance.now() - t0;
      let wrong = 0;
      cards.forEach((card, i) => {
        for (let s = 0; s < sections; s += 1) {
          const b = button(card, s);
          const panel = card.shadowRoot.getElementById(b.getAttribute('aria-controls'));
          const want = initial[i][s];
          // A closed panel is hidden="until-found", so its `hidden` property is a string: the
          // attribute's presence is the state.
          if (b.getAttribute('aria-expanded') !== want || panel.hasAttribute('hidden') !== (want === 'false')) wrong += 1;
        }
      });
      return { clicks, frames, ms, wrong };
    },
    { rounds: ROUNDS, perRound: PER_ROUND, sections: SECTIONS },
  );
}

/** Wait in the page until every card under #cards is ready (bounded). */
function waitAllReady(page, n) {
  return page.waitForFunction(
    (count) => {
      const cards = document.querySelectorAll('#cards > article-card');
      return cards.length === count && [...cards].every((c) => c.dataset.state === 'ready');
    },
    n,
    { polling: 100, timeout: 120_000 },
  );
}

test(`${CARDS} cards render; 2 × 10,000 toggles and two full teardowns stay within the memory bounds`, LONG_TEST_TIMEOUT, async (t) => {
  await withPage(`/many.html?n=${CARDS}`, {}, async ({ page, log, context }) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    const started = Date.now();
    await waitAllReady(page, CARDS);
    const renderMs = Date.now() - started;
    const rendered = await page.evaluate(() =>
      [...document.querySelectorAll('#cards > article-card')].filter(
        (c) => c.shadowRoot.querySelectorAll('article.card button.section__toggle').length === 4,
      ).length,
    );
    assert.equal(rendered, CARDS, 'every card rendered its four sections');
    const loaded = await measureMemory(page, cdp);
    t.diagnostic(`${CARDS} cards ready ${renderMs} ms after load started waiting; ${fmt(loaded)}`);

    // Two batches of 10,000 toggles; the DOM ends as it started (every button is toggled an even
    // number of times), so node counts can be compared exactly, with one allowance: a closed
    // panel is hidden="until-found" (content-visibility, not display: none, so the find bar can
    // search it), so the browser keeps the ::marker pseudo-elements a panel's list items got
    // when it was first opened. The first batch may add at most one node per list item and
    // panel; the second, which opens the same panels again, must add none.
    const pseudoAllowance = await page.evaluate(() =>
      [...document.querySelectorAll('#cards > article-card')].reduce(
        (n, c) => n + c.shadowRoot.querySelectorAll('.section__panel, .section__panel li').length,
        0,
      ),
    );
    let before = loaded;
    for (const [batch, wasmBound] of [['first', BOUND.wasmFirstToggles], ['second', BOUND.wasmMoreToggles]]) {
      const toggles = await toggleAll(page);
      assert.equal(toggles.clicks, 10_000);
      assert.equal(toggles.wrong, 0, 'buttons or panels in the wrong state after the toggles');
      const after = await measureMemory(page, cdp);
      t.diagnostic(
        `${batch} 10,000 toggles in ${toggles.ms.toFixed(0)} ms (${toggles.frames} frames waited); after: ${fmt(after)}; ` +
          `growth: JS heap ${kib(after.jsHeap - before.jsHeap)}, wasm ${kib(after.wasm - before.wasm)}, ` +
          `${after.nodes - before.nodes} nodes, ${after.listeners - before.listeners} listeners`,
      );
      assert.ok(after.wasm - before.wasm <= wasmBound, `${batch}: wasm memory grew by ${kib(after.wasm - before.wasm)}`);
      assert.ok(after.jsHeap - before.jsHeap <= BOUND.jsHeapToggles, `${batch}: JS heap grew by ${kib(after.jsHeap - before.jsHeap)}`);
      if (batch === 'first') {
        assert.ok(
          after.nodes >= before.nodes && after.nodes - before.nodes <= pseudoAllowance,
          `${batch}: DOM nodes after toggling grew by ${after.nodes - before.nodes} (allowed: ${pseudoAllowance} markers)`,
        );
      } else {
        assert.equal(after.nodes, before.nodes, `${batch}: DOM nodes after toggling`);
      }
      assert.equal(after.listeners, before.listeners, `${batch}: event listeners after toggling`);
      before = after;
    }

    // Teardown: remove every card, measure; add them all again, remove again, measure. The
    // second cycle must fit in the memory the first one left (nothing retained per card).
    const holderHtml = await page.evaluate(() => document.querySelector('#cards').innerHTML);
    const removeAll = () => page.evaluate(() => document.querySelector('#cards').replaceChildren());
    await removeAll();
    const empty1 = await measureMemory(page, cdp);
    await page.evaluate((html) => {
      document.querySelector('#cards').innerHTML = html;
    }, holderHtml);
    await waitAllReady(page, CARDS);
    const reloaded = await measureMemory(page, cdp);
    await removeAll();
    const empty2 = await measureMemory(page, cdp);
    t.diagnostic(`all removed: ${fmt(empty1)}; all re-added: ${fmt(reloaded)}; removed again: ${fmt(empty2)}`);
    assert.ok(empty2.wasm - empty1.wasm <= BOUND.wasmSecondCycle, `wasm grew by ${empty2.wasm - empty1.wasm} bytes in a second cycle`);
    assert.ok(Math.abs(empty2.jsHeap - empty1.jsHeap) <= BOUND.jsHeapSecondCycle, `JS heap: ${kib(empty1.jsHeap)} then ${kib(empty2.jsHeap)}`);
    assert.equal(empty2.nodes, empty1.nodes, 'DOM nodes after the second teardown');
    assert.equal(empty2.listeners, empty1.listeners, 'event listeners after the second teardown');

    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
    assert.deepEqual(log.consoleErrors, [], 'console errors');
  });
});
