// Shared helpers for the end-to-end tests: launch the system Chromium through
// playwright-core, open pages that record what happened, and read state from
// inside <article-card> shadow roots.
//
// Playwright's CSS locators pierce open shadow roots, so
// `page.locator('#seed-card .section__toggle')` finds the toggles rendered
// inside the card's shadow root.

import { existsSync, readdirSync } from 'node:fs';
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

// Headless Chromium as root, with nothing that tries to reach the network.
// Playwright adds --headless and gives every launch a fresh temporary user
// data dir (it refuses --user-data-dir in args), which is what we want.
const CHROMIUM_ARGS = [
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

/** Files in the built bundle folder (recursive, relative paths). */
export function bundleFiles(dir = BUNDLE_DIR, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? bundleFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
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
 *
 * Returns { page, context, log, close } where log has
 *   consoleErrors: string[], consoleMessages: {type, text}[],
 *   pageErrors: string[], requests: string[] (URLs), failedRequests: string[],
 *   badResponses: string[] ("404 http://..." for every HTTP status >= 400).
 */
export async function openPage(browser, origin, urlPath, options = {}) {
  const { viewport = { width: 1280, height: 900 }, beforeGoto, waitUntil = 'load' } = options;
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(30_000);
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

/** Poll `fn` (a function run in the page with `arg`) until it returns a truthy value. */
export async function waitInPage(page, fn, arg, timeout = WAIT_MS) {
  const handle = await page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
  return handle.jsonValue();
}

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
    // Let the page run a frame before checking again (no fixed sleeps).
    await toggle.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
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

/**
 * JS heap, DOM node and listener counts (Chrome DevTools Protocol, Performance.getMetrics; the
 * session needs `Performance.enable`) and the wasm instance's memory, after a full garbage
 * collection. The glue's init() hands back the running instance's exports, so its memory is
 * every card's.
 */
export async function measureMemory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value;
  const wasm = await page.evaluate(async () => {
    const glue = await import('/article-card/article_card.js');
    return (await glue.default()).memory.buffer.byteLength;
  });
  return {
    jsHeap: metric('JSHeapUsedSize'),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    wasm,
  };
}
