// Shared helpers for the end-to-end tests: launch the system Chromium through
// playwright-core, open pages that record what happened, and read state from
// inside <article-card> shadow roots.
//
// Playwright's CSS locators pierce open shadow roots, so
// `page.locator('#seed-card .section__toggle')` finds the toggles rendered
// inside the card's shadow root.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { DEFAULT_MOUNTS, REPO_ROOT, startServer } from './server.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM || '/usr/bin/chromium';
// The built bundle under test; ARTICLE_CARD_BUNDLE points the tests at another build.
export const BUNDLE_DIR = path.resolve(REPO_ROOT, process.env.ARTICLE_CARD_BUNDLE || path.join('dist', 'article-card'));
/** The example site's mounts, with /article-card/ serving the bundle under test (BUNDLE_DIR). */
export const BUNDLE_MOUNTS = Object.freeze({ ...DEFAULT_MOUNTS, '/article-card/': BUNDLE_DIR });

/** How long to wait for a condition in the page before failing. */
export const WAIT_MS = 20_000;

// How long one test may take, as node:test options. Generous, since the machine may be busy: a
// test that opens a page or two, and one that audits whole pages, renders hundreds of cards or
// scrolls through many. A test that hangs fails at its limit instead of stopping the run.
export const TEST_TIMEOUT = Object.freeze({ timeout: 120_000 });
export const LONG_TEST_TIMEOUT = Object.freeze({ timeout: 300_000 });

// Headless Chromium as root, with nothing that tries to reach the network.
// Playwright adds --headless and gives every launch a fresh temporary user
// data dir (it refuses --user-data-dir in args), which is what we want.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Throw a helpful error when the bundle has not been built yet. */
export function assertBundleBuilt() {
  const missing = ['article-card.js', 'article_card.js', 'article_card_bg.wasm'].filter(
    (f) => !existsSync(path.join(BUNDLE_DIR, f)),
  );
  if (missing.length > 0) {
    throw new Error(
      `The bundle is not built (missing ${missing.join(', ')} in ${path.relative(REPO_ROOT, BUNDLE_DIR)}/). ` +
        'Run `bash scripts/build-bundle.sh` first.',
    );
  }
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM to its path).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * Open `urlPath` on `origin` in a fresh browser context and record console
 * errors, uncaught page errors and every request.
 *
 * Options:
 *  - viewport: { width, height } (default 1280x900)
 *  - beforeGoto(page): hook to install routes before navigation
 *  - waitUntil: navigation wait condition (default 'load')
 *  - navigationTimeout: how long the navigation may take, in ms (default 30 s)
 *
 * Returns { page, context, log, close } where log has
 *   consoleErrors: string[], consoleMessages: {type, text}[],
 *   pageErrors: string[], requests: string[] (URLs), failedRequests: string[],
 *   badResponses: string[] ("404 http://..." for every HTTP status >= 400).
 */
export async function openPage(browser, origin, urlPath, options = {}) {
  const { viewport = { width: 1280, height: 900 }, beforeGoto, waitUntil = 'load', navigationTimeout = 30_000 } = options;
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(navigationTimeout);
  const page = await context.newPage();

  const log = {
    consoleErrors: [],
    consoleMessages: [],
    pageErrors: [],
    requests: [],
    failedRequests: [],
    badResponses: [],
  };
  page.on('console', (msg) => {
    log.consoleMessages.push({ type: msg.type(), text: msg.text() });
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack || err)));
  page.on('request', (req) => log.requests.push(req.url()));
  page.on('response', (res) => {
    if (res.status() >= 400) log.badResponses.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => log.failedRequests.push(`${req.url()} (${req.failure()?.errorText})`));

  if (beforeGoto) await beforeGoto(page);
  await page.goto(new URL(urlPath, origin).href, { waitUntil });

  return {
    page,
    context,
    log,
    close: () => context.close(),
  };
}

/**
 * One server and one browser for a whole test file (starting Chromium per test would be slow),
 * each test opening its own browser context. Registers node:test hooks: before the file's first
 * test, check that the bundle is built, run `prepare`, start the server with `serverOptions` and
 * launch Chromium; after its last test, close both. Call it once, at the top level of the file.
 *
 * `serverOptions` go to `start` as they are (for startServer: mounts, headers).
 * The second argument:
 *  - start(serverOptions): what starts the server, startServer unless given (faults.test.mjs
 *    passes startFaultServer). It must resolve to an object with `origin` and `close()`.
 *  - prepare(): work that must be done before the server starts, such as generating the pages it
 *    serves or checking for another build.
 *
 * Returns { server, browser, withPage }. `server` and `browser` are getters, since neither exists
 * until the hooks have run. `withPage(urlPath, options, fn)` opens `urlPath` on the server with
 * openPage (same options: viewport, beforeGoto, waitUntil), resolves to what `fn(session)` does
 * and closes the page's context even when `fn` throws.
 */
export function useBrowserAndServer(serverOptions = {}, { start = startServer, prepare } = {}) {
  let server;
  let browser;

  before(async () => {
    assertBundleBuilt();
    await prepare?.();
    server = await start(serverOptions);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    async withPage(urlPath, options, fn) {
      const session = await openPage(browser, server.origin, urlPath, options);
      try {
        return await fn(session);
      } finally {
        await session.close();
      }
    },
  };
}

/** The page threw nothing and logged no error, and every response it got was a success. */
export function assertNoErrors(log, what = 'the page') {
  assert.deepEqual(log.pageErrors, [], `uncaught errors on ${what}`);
  assert.deepEqual(log.consoleErrors, [], `console errors on ${what}`);
  assert.deepEqual(log.badResponses, [], `failed responses on ${what}`);
}

/** Every request in `log` went to `origin` (or was a data: URL): the card calls no third party. */
export function assertSameOrigin(log, origin) {
  const foreign = log.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other origins');
}

/** Number of requests for a `.wasm` file recorded in `log`. */
export function wasmRequests(log) {
  return log.requests.filter((url) => new URL(url).pathname.endsWith('.wasm'));
}

/** Wait until the host element matching `hostSelector` has data-state=`state`. */
export async function waitForState(page, hostSelector, state, timeout = WAIT_MS) {
  try {
    await page.waitForSelector(`${hostSelector}[data-state="${state}"]`, { state: 'attached', timeout });
  } catch (err) {
    const actual = await page
      .evaluate((sel) => {
        const el = document.querySelector(sel);
        if (!el) return 'element not found';
        return `data-state=${JSON.stringify(el.getAttribute('data-state'))}; shadow root: ${
          el.shadowRoot ? JSON.stringify(el.shadowRoot.innerHTML.slice(0, 400)) : 'none'
        }`;
      }, hostSelector)
      .catch(() => 'unknown');
    throw new Error(`${hostSelector} did not reach data-state="${state}" within ${timeout} ms (${actual})`, {
      cause: err,
    });
  }
}

/** Text with every run of white space made one space, and trimmed: text as a reader sees it. */
export const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The squashed text of the first element the locator matches. */
export async function textOf(locator) {
  return squash(await locator.first().textContent());
}

/** The problem lines ("path: message") an error card lists in its details. */
export function problemLines(page, hostSelector) {
  return inCard(page, hostSelector, 'details.card-error__details li').evaluateAll((lis) =>
    lis.map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
  );
}

/** Locator for `innerSelector` inside the card `hostSelector` (pierces the shadow root). */
export function inCard(page, hostSelector, innerSelector) {
  return page.locator(hostSelector).locator(innerSelector);
}

/**
 * Toggle button and panel of the section titled `title` in card `hostSelector`.
 * Returns { section, toggle, panel } locators.
 */
export function sectionByTitle(page, hostSelector, title) {
  const section = page
    .locator(hostSelector)
    .locator('section.section')
    .filter({ has: page.locator('.section__title', { hasText: title }) });
  return {
    section,
    toggle: section.locator('h3.section__heading > button.section__toggle'),
    panel: section.locator('div.section__panel'),
  };
}

/** Structure and ARIA wiring of every section of one card, read in the page. */
export function readSections(page, hostSelector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return [...root.querySelectorAll('section.section')].map((section) => {
      const button = section.querySelector(':scope > h3.section__heading > button.section__toggle');
      const panel = section.querySelector('div.section__panel');
      const controlled = button && root.getElementById(button.getAttribute('aria-controls'));
      return {
        title: button?.querySelector('span.section__title')?.textContent.trim() ?? null,
        buttonType: button?.getAttribute('type') ?? null,
        buttonId: button?.id ?? null,
        expanded: button?.getAttribute('aria-expanded') ?? null,
        ariaControls: button?.getAttribute('aria-controls') ?? null,
        controlsThePanel: Boolean(panel) && controlled === panel,
        panelId: panel?.id ?? null,
        panelRole: panel?.getAttribute('role') ?? null,
        panelLabelledBy: panel?.getAttribute('aria-labelledby') ?? null,
        headlineId: root.querySelector('.card__headline')?.id ?? null,
        panelHidden: panel ? panel.hasAttribute('hidden') : null,
        // A closed panel is hidden="until-found" (the find bar reaches it): it keeps a box,
        // of no height, with its contents skipped.
        panelHiddenValue: panel?.getAttribute('hidden') ?? null,
        panelDisplayed: panel ? panel.getBoundingClientRect().height > 0 : null,
        panelText: panel?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      };
    });
  }, hostSelector);
}

/** Poll `fn` (a function run in the page with `arg`) until it returns a truthy value. */
export async function waitInPage(page, fn, arg, timeout = WAIT_MS) {
  const handle = await page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
  return handle.jsonValue();
}

/**
 * Appends a `<div id=holderId>` of cards to the page (each `{ id, inline }`, inline JSON text, or
 * `{ id, src }`) and waits until every one has settled, ready or in error.
 */
export async function addSettledCards(page, holderId, cards, timeout = WAIT_MS) {
  await page.evaluate(
    ({ holderId, list }) => {
      const holder = document.createElement('div');
      holder.id = holderId;
      for (const { id, inline, src } of list) {
        const card = document.createElement('article-card');
        card.id = id;
        if (src) card.setAttribute('src', src);
        else {
          const script = document.createElement('script');
          script.type = 'application/json';
          script.textContent = inline;
          card.append(script);
        }
        holder.append(card);
      }
      document.body.append(holder);
    },
    { holderId, list: cards },
  );
  await waitInPage(
    page,
    ({ holderId, n }) => {
      const all = [...document.querySelectorAll(`#${holderId} > article-card`)];
      return all.length === n && all.every((c) => c.dataset.state === 'ready' || c.dataset.state === 'error');
    },
    { holderId, n: cards.length },
    timeout,
  );
}

/** Resolves after the page has run its next animation frame: a wait with no fixed sleep. */
export const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));

/** Wait until the toggle's aria-expanded equals `expected` ('true' | 'false'). */
export async function waitForExpanded(toggle, expected, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  let actual;
  for (;;) {
    actual = await toggle.getAttribute('aria-expanded');
    if (actual === expected) return;
    if (Date.now() > deadline) {
      throw new Error(`aria-expanded is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
    await nextFrame(toggle.page());
  }
}

/** Computed style properties of the first element matching the locator. */
export function computedStyle(locator, properties) {
  return locator.first().evaluate(
    (el, props) => {
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    },
    properties,
  );
}

/** Does the element matching the locator currently have focus (inside its own shadow root)? */
export function hasFocus(locator) {
  return locator.evaluate((el) => el.getRootNode().activeElement === el);
}

/** A short description of what is focused, following shadow roots, for assertion messages. */
export function describeFocus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    const parts = [];
    while (el) {
      parts.push(
        el.tagName.toLowerCase() +
          (el.id ? `#${el.id}` : '') +
          (typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : ''),
      );
      el = el.shadowRoot?.activeElement ?? null;
    }
    return parts.join(' >> ') || '(nothing)';
  });
}

// The rules the audits hold the pages to: WCAG 2.2 A and AA, and axe's best practices.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
let axeSource;

/**
 * Runs axe-core (the npm package) over the whole document, open shadow roots included, so every
 * card is audited; resolves to each violation as "rule: target (summary)".
 */
export async function axeViolations(page) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} (${n.failureSummary?.split('\n').slice(1).join(' ')})`),
    );
  }, AXE_TAGS);
}

/**
 * JS heap, DOM node and listener counts (Chrome DevTools Protocol, Performance.getMetrics; the
 * session needs `Performance.enable`) and the wasm instance's memory, after a full garbage
 * collection. Two collections: objects whose finalizers ran in the first are freed by the second,
 * so the figure does not depend on what the page had just let go of. The glue's init() hands back
 * the running instance's exports, so its memory is every card's. `wasm: false` (a page without
 * the card, such as the benchmark's peers) reports 0 instead of loading the card's code.
 */
export async function measureMemory(page, cdp, { wasm: readWasm = true } = {}) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value;
  const wasm = readWasm
    ? await page.evaluate(async () => {
        const glue = await import('/article-card/article_card.js');
        return (await glue.default()).memory.buffer.byteLength;
      })
    : 0;
  return {
    jsHeap: metric('JSHeapUsedSize'),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    wasm,
  };
}
