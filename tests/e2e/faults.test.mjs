// Network faults, end to end: each card on examples/faults.html fetches from an address of the
// fault server (tests/e2e/faults-server.mjs) that fails in its own way. Each must end in its own
// clear error, with a retry that really fetches again, while the healthy cards on the same page
// stay intact.
//
//   bash scripts/build-bundle.sh && node --test tests/e2e/faults.test.mjs
//
// No fixed sleeps: every wait is on a condition. Server-side delays (the slow server, the
// paced oversized bodies) are part of the faults being tested.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { FAULTS, OVERSIZED_TOTAL, refusedPort, serveGoodOn, startFaultServer } from './faults-server.mjs';
import { GARAGES } from './fixtures.mjs';
import {
  BUNDLE_MOUNTS, TEST_TIMEOUT, inCard, problemLines, sectionByTitle, squash, useBrowserAndServer,
  waitForExpanded, waitForState,
} from './browser.mjs';


/** Each failing card, the fault it fetches, and the one problem it must report. */
const FAILING = [
  { id: '#fault-404', fault: '404', line: /^src: could not load \/fault\/404\.json: HTTP 404 Not Found$/ },
  { id: '#fault-500', fault: '500', line: /^src: could not load \/fault\/500\.json: HTTP 500 Internal Server Error$/ },
  {
    id: '#fault-hang',
    fault: 'hang',
    line: /^src: could not load \/fault\/hang\.json: no complete response within 800 ms \(the card's timeout\)$/,
  },
  {
    id: '#fault-stall',
    fault: 'stall',
    line: /^src: could not load \/fault\/stall\.json: no complete response within 800 ms \(the card's timeout\)$/,
  },
  {
    id: '#fault-refused',
    fault: null,
    line: /^src: could not load http:\/\/127\.0\.0\.1:\d+\/refused\.json: the network request failed \(the server refused the connection/,
  },
  {
    id: '#fault-truncated',
    fault: 'truncated',
    line: /^src: could not load \/fault\/truncated\.json: the connection closed before the whole response arrived \(after \d+ bytes\)$/,
  },
  { id: '#fault-not-json', fault: 'not-json', line: /^payload: is not valid JSON \(.+\)$/ },
  {
    id: '#fault-oversized-declared',
    fault: 'oversized-declared',
    line: new RegExp(`^payload: is ${OVERSIZED_TOTAL} bytes; the limit is 262144 bytes$`),
  },
  {
    id: '#fault-oversized-streamed',
    fault: 'oversized-streamed',
    line: /^payload: is larger than the limit of 262144 bytes \(it was not read in full\)$/,
  },
  { id: '#fault-version', fault: 'version-2', line: /^version: unsupported version 2; this card reads version 1$/ },
];

// harness.server is the fault server: its /fault/… addresses fail, the rest is the example site.
const harness = useBrowserAndServer({ mounts: BUNDLE_MOUNTS }, { start: startFaultServer });

/** Opens faults.html with a port that refuses connections for its refused card; `fn` gets it as `refused`. */
async function withFaultPage(fn) {
  const refused = await refusedPort();
  return harness.withPage(`/faults.html?refused=${refused}`, {}, (session) => fn({ ...session, refused }));
}

function shadowHtml(page, hostSelector) {
  return page.evaluate((sel) => document.querySelector(sel).shadowRoot.innerHTML, hostSelector);
}

/** Wait (bounded) for a condition on this side, such as what the fault server has recorded. */
async function until(condition, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeout} ms: ${condition}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Console errors other than the cards' own reports and the browser's failed-load lines. */
function unexpectedConsoleErrors(log) {
  return log.consoleErrors.filter(
    (m) => !m.startsWith('article-card:') && !/^Failed to load resource/.test(m),
  );
}

test('each network fault ends in its own clear error; the healthy cards stay intact', TEST_TIMEOUT, async (t) => {
  const faults = harness.server;
  await withFaultPage(async ({ page, log }) => {
    await waitForState(page, '#healthy-inline', 'ready');
    await waitForState(page, '#healthy-src', 'ready');
    const healthyBefore = await shadowHtml(page, '#healthy-inline');

    const lines = {};
    for (const { id, line } of FAILING) {
      await waitForState(page, id, 'error');
      const found = await problemLines(page, id);
      assert.equal(found.length, 1, `${id}: one problem, got ${JSON.stringify(found)}`);
      assert.match(found[0], line, `${id}`);
      lines[id] = found[0];
      const reader = squash(await inCard(page, id, 'p.card-error__message').textContent());
      assert.ok(reader.startsWith('This story card could not be shown.'), `${id}: reader message ${JSON.stringify(reader)}`);
      const retry = inCard(page, id, 'button.card-error__retry');
      assert.equal(await retry.isVisible(), true, `${id}: a retry button`);
      assert.equal(squash(await retry.textContent()), 'Try again');
      assert.equal(await retry.getAttribute('type'), 'button');
      assert.equal(await inCard(page, id, 'article.card').count(), 0, `${id}: no card markup in the error card`);
    }

    // Every failure says something different (addresses and byte counts aside); only the two
    // timeouts, a silent server and a stalled body, share theirs.
    const messages = Object.values(lines).map((l) =>
      l.replace(/could not load \S+: /, '').replace(/\(after \d+ bytes\)/, ''),
    );
    assert.equal(new Set(messages).size, messages.length - 1, JSON.stringify(messages, null, 2));

    // The slow server answered in time: the card rendered.
    await waitForState(page, '#fault-slow', 'ready');
    assert.equal(squash(await inCard(page, '#fault-slow', 'h2.card__headline').textContent()), GARAGES.headline);

    // Oversized bodies were cut off long before the server's 8 MiB (offered at 64 KiB per 20 ms,
    // so half of it means the card took over a second to hang up): the declared one when its
    // headers were read, the streamed one soon after the 256 KiB limit.
    const record = (name) => faults.records[name];
    await until(
      () => record('oversized-declared')?.closedAfter !== undefined && record('oversized-streamed')?.closedAfter !== undefined,
    );
    const declared = record('oversized-declared');
    const streamed = record('oversized-streamed');
    for (const [name, record] of [['declared', declared], ['streamed', streamed]]) {
      assert.ok(record && record.closedAfter !== undefined, `${name}: the client closed the connection`);
      assert.equal(record.finished, false, `${name}: the body was not read to its end`);
      assert.ok(record.closedAfter < OVERSIZED_TOTAL / 2, `${name}: closed after ${record.closedAfter} bytes`);
      t.diagnostic(`oversized (${name}): the card hung up after the server had sent ${record.closedAfter} of ${OVERSIZED_TOTAL} bytes`);
    }
    const received = Number(/after (\d+) bytes/.exec(lines['#fault-truncated'])[1]);
    // What the card had read when the connection broke: at most what was sent (a browser may drop
    // the part it had not handed over yet).
    assert.ok(received <= faults.records.truncated.sent, `truncated: ${received} bytes`);
    t.diagnostic(`truncated: the card had read ${received} of the ${faults.records.truncated.sent} bytes sent when the connection closed`);

    // Each failure went out once as an article-card-error event, with the same problem.
    const events = await page.evaluate(() => window.cardErrors);
    for (const { id } of FAILING) {
      const mine = events.filter((e) => `#${e.id}` === id);
      assert.equal(mine.length, 1, `${id}: one article-card-error event, got ${mine.length}`);
      assert.equal(mine[0].internal, false);
      assert.deepEqual(mine[0].problems.map((p) => `${p.path}: ${p.message}`), [lines[id]]);
    }
    assert.ok(!events.some((e) => e.id.startsWith('healthy') || e.id === 'fault-slow'), 'no events from healthy cards');

    // And to the console, with the element.
    for (const { id } of FAILING) {
      assert.ok(
        log.consoleErrors.some((m) => m.startsWith('article-card:') && m.includes(lines[id])),
        `${id}: console.error carries ${JSON.stringify(lines[id])}`,
      );
    }

    // The healthy cards did not notice: same DOM, still toggling.
    assert.equal(await shadowHtml(page, '#healthy-inline'), healthyBefore);
    for (const host of ['#healthy-inline', '#healthy-src']) {
      const why = sectionByTitle(page, host, 'Why This Matters');
      await why.toggle.click();
      await waitForExpanded(why.toggle, 'true');
      await why.panel.waitFor({ state: 'visible' });
    }

    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
    assert.deepEqual(unexpectedConsoleErrors(log), [], 'unexpected console errors');
  });
});

test('"Try again" really fetches again: once the server recovers, every failed card renders', TEST_TIMEOUT, async () => {
  const faults = harness.server;
  const recovered = [];
  try {
    await withFaultPage(async ({ page, log, refused }) => {
      for (const { id } of FAILING) await waitForState(page, id, 'error');

      // Two clicks before the card re-renders start one fetch, not two; still broken, it fails again.
      const before500 = faults.requests('500');
      const eventsBefore = await page.evaluate(() => window.cardErrors.filter((e) => e.id === 'fault-500').length);
      const stateAfterClicks = await inCard(page, '#fault-500', 'button.card-error__retry').evaluate((button) => {
        button.click();
        button.click();
        return button.getRootNode().host.dataset.state;
      });
      assert.equal(stateAfterClicks, 'loading', 'retrying shows loading at once');
      await page.waitForFunction(
        (n) => window.cardErrors.filter((e) => e.id === 'fault-500').length > n,
        eventsBefore,
        { polling: 'raf' },
      );
      await waitForState(page, '#fault-500', 'error');
      assert.equal(faults.requests('500'), before500 + 1, 'one request for a double click');
      assert.match((await problemLines(page, '#fault-500'))[0], /HTTP 500/);

      for (const { id, fault } of FAILING) {
        if (fault) faults.heal(fault);
        else recovered.push(await serveGoodOn(refused));
        const count = fault ? faults.requests(fault) : 0;
        await inCard(page, id, 'button.card-error__retry').click();
        await waitForState(page, id, 'ready');
        assert.equal(
          squash(await inCard(page, id, 'h2.card__headline').textContent()),
          GARAGES.headline,
          `${id}: the recovered payload is shown`,
        );
        if (fault) assert.equal(faults.requests(fault), count + 1, `${id}: one new request`);
        assert.equal(await inCard(page, id, 'div.card-error').count(), 0, `${id}: the error card is gone`);
      }

      // A recovered card works like any other.
      const why = sectionByTitle(page, '#fault-404', 'Why This Matters');
      await why.toggle.click();
      await waitForExpanded(why.toggle, 'false');

      assert.deepEqual(log.pageErrors, [], 'uncaught errors');
      assert.deepEqual(unexpectedConsoleErrors(log), [], 'unexpected console errors');
    });
  } finally {
    for (const name of FAULTS) faults.hurt(name);
    for (const server of recovered) await server.close();
  }
});

test('inline payloads show no retry button (retrying cannot change them)', TEST_TIMEOUT, async () => {
  await harness.withPage('/invalid.html', {}, async ({ page }) => {
    await waitForState(page, '#malformed-card', 'error');
    await waitForState(page, '#missing-card', 'error');
    assert.equal(await inCard(page, '#malformed-card', 'button.card-error__retry').isVisible(), false);
    assert.equal(await inCard(page, '#missing-card', 'button.card-error__retry').isVisible(), true, 'a src card shows it');
  });
});
