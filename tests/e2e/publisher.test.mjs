// Publisher integration, end to end: the card under a strict Content-Security-Policy, its
// fallback where WebAssembly is not allowed, and a bundle and payloads served from other
// origins (a CDN and an API), each from its own localhost port.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, startServer } from './server.mjs';
import {
  BUNDLE_DIR, TEST_TIMEOUT, assertBundleBuilt, launchBrowser, openPage, waitForState,
} from './browser.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";

let browser;
const servers = [];

before(async () => {
  assertBundleBuilt();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(options) {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    window.__cardErrors = [];
    document.addEventListener('article-card-error', (e) => window.__cardErrors.push(e.detail));
  });
}

test('a page with a strict CSP (no unsafe-inline) renders and toggles every card', TEST_TIMEOUT, async () => {
  const server = await serve({ headers: (p) => (p === '/csp.html' ? { 'Content-Security-Policy': STRICT } : undefined) });
  const { page, log, close } = await openPage(browser, server.origin, '/csp.html', { beforeGoto: recordViolations });
  try {
    await waitForState(page, '#from-src', 'ready');
    await waitForState(page, '#inline', 'ready');
    const toggle = page.locator('#from-src .section__toggle').first();
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('#from-src .section__panel').first().isVisible());
    // The card's own styles apply (a constructable stylesheet is not an inline style).
    const radius = await page.locator('#from-src .card').evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    assert.notEqual(radius, '0px');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
  } finally {
    await close();
  }
});

test('where WebAssembly is not allowed, the fallback content stays and article-card-error says why', TEST_TIMEOUT, async () => {
  const server = await serve({ headers: (p) => (p === '/csp.html' ? { 'Content-Security-Policy': NO_WASM } : undefined) });
  const { page, close } = await openPage(browser, server.origin, '/csp.html', { beforeGoto: recordViolations });
  try {
    await waitForState(page, '#from-src', 'error');
    await waitForState(page, '#inline', 'error');
    // No shadow root was attached, so the publisher's light-DOM fallback is what readers see.
    for (const id of ['#from-src', '#inline']) {
      assert.equal(await page.locator(id).evaluate((el) => el.shadowRoot), null);
      assert.ok(await page.locator(`${id} > a`).isVisible(), `${id}: the fallback link is visible`);
    }
    const errors = await page.evaluate(() => window.__cardErrors);
    assert.equal(errors.length, 2);
    for (const detail of errors) {
      assert.equal(detail.internal, true);
      assert.match(detail.problems[0].message, /the card engine could not start .*(WebAssembly|wasm)/i);
    }
    assert.ok((await page.evaluate(() => window.__violations)).some((v) => v.startsWith('script-src')));
  } finally {
    await close();
  }
});

test('bundle from a CDN origin (with SRI) and payloads from an API origin: CORS headers decide', TEST_TIMEOUT, async () => {
  const cors = { 'Access-Control-Allow-Origin': '*' };
  const cdn = await serve({ mounts: { '/article-card/1.0.0/': BUNDLE_DIR }, headers: () => cors });
  const api = await serve({ mounts: { '/cards/': 'fixtures' }, headers: () => cors });
  const closed = await serve({ mounts: { '/cards/': 'fixtures' } }); // no CORS headers
  // As scripts/release.sh prints it: the loader pinned by its Subresource Integrity hash.
  const loader = readFileSync(path.join(BUNDLE_DIR, 'article-card.js'));
  const integrity = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
  // examples/cross-origin.html, with its placeholder origins and hash made real.
  const dir = path.join(REPO_ROOT, 'target', 'e2e-cross-origin');
  mkdirSync(dir, { recursive: true });
  const template = readFileSync(path.join(REPO_ROOT, 'examples', 'cross-origin.html'), 'utf8');
  const filled = template
    .replaceAll('http://cdn.example', cdn.origin)
    .replaceAll('http://api.example', api.origin)
    .replaceAll('http://closed.example', closed.origin)
    .replaceAll('sha384-INTEGRITY', integrity);
  for (const placeholder of ['cdn.example', 'api.example', 'closed.example', 'INTEGRITY']) {
    assert.ok(template.includes(placeholder) && !filled.includes(placeholder), placeholder);
  }
  writeFileSync(path.join(dir, 'index.html'), filled);
  copyFileSync(path.join(REPO_ROOT, 'examples', 'publisher.css'), path.join(dir, 'publisher.css'));
  const site = await serve({ mounts: { '/': dir } });
  const { page, log, close } = await openPage(browser, site.origin, '/');
  try {
    await waitForState(page, '#allowed', 'ready');
    await waitForState(page, '#refused', 'error');
    assert.match(await page.locator('#allowed .card__headline').textContent(), /Anthropic/);
    const problem = await page.locator('#refused .card-error__details li').first().textContent();
    assert.match(problem, /^src: could not load .*network request failed/);
    // The wasm came from the CDN, compiled while streaming (no MIME-type fallback warning).
    assert.ok(log.requests.some((url) => url.startsWith(cdn.origin) && url.endsWith('.wasm')));
    assert.ok(!log.consoleMessages.some((m) => m.text.includes('instantiateStreaming')));
  } finally {
    await close();
  }
});
