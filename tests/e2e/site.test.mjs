// `article-card site` end to end: the site generated for every fixture, served as a static host
// would serve it, read by the consumers a pasted card address meets.
//
//  - an HTML validator (html-validate, standard preset): card, embed and index pages, 0 errors;
//  - a link-preview parser fetching the card page (open-graph-scraper, what Slack, Discord and
//    Ghost's bookmark card read): title, description, url, site name, type, image;
//  - an oEmbed consumer: the discovery link, every field `rich` requires, html that is only a
//    blockquote and an iframe;
//  - a WordPress-like host on another origin (iframe sandbox="allow-scripts", `#?secret=`,
//    WordPress's height handler clamping to 200–1000 px), and a plain page with the generic
//    resizer: each iframe within 2 px of its content at 1280 and 390 px wide, after a section
//    opens and after Expand all; the full-story link;
//  - the card and embed pages under the strict CSP of docs/publishing.md, and with JavaScript off.
//
//   bash scripts/build-bundle.sh && node --test tests/e2e/site.test.mjs
//
// The site is generated here by the command line (built with cargo unless ARTICLE_CARD_BIN
// names one) into target/site-e2e/, with the test server's own address as its base URL.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ogs from 'open-graph-scraper';

import { REPO_ROOT, startServer } from './server.mjs';
import { BUNDLE_DIR, WAIT_MS, nextFrame, openPage, useBrowserAndServer, waitForExpanded } from './browser.mjs';
import { validateHtml } from './html-validator.mjs';

/**
 * Waits until the loader has run in `frame` (a page or an iframe's frame). A page's card is
 * pre-rendered: it shows the whole card from the HTML and sleeps, with no engine, until a reader
 * uses it (tests/e2e/prerender.test.mjs); so there is no `data-state="ready"` to wait for, and
 * nothing to settle, before the first click.
 */
const loaderRan = (frame) => frame.waitForFunction(() => Boolean(customElements.get('article-card')));

/** Waits until the widget runs the card in `frame`: it took the card over after a click. */
const widgetRuns = (frame) => frame.waitForSelector('article-card[data-state="ready"]', { state: 'attached' });

const TEST_TIMEOUT = { timeout: 180_000 };
const WORK = path.join(REPO_ROOT, 'target', 'site-e2e');
const PAYLOADS = path.join(WORK, 'payloads');
const SITE = path.join(WORK, 'site');
const HOST = path.join(WORK, 'host');
const BIN = process.env.ARTICLE_CARD_BIN || path.join(REPO_ROOT, 'target', 'debug', 'article-card');
const SITE_NAME = 'Example Cards';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// The fixtures a site is built from: every valid payload at the top of fixtures/.
const FIXTURES = readdirSync(path.join(REPO_ROOT, 'fixtures')).filter((f) => f.endsWith('.json'));
const IDS = FIXTURES.map((f) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'fixtures', f), 'utf8')).id);
const WIDTHS = [1280, 390];

/** The payloads into their own folder, and the command line built. */
function prepare() {
  if (!process.env.ARTICLE_CARD_BIN) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'article-card'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(PAYLOADS, { recursive: true });
  for (const file of FIXTURES) copyFileSync(path.join(REPO_ROOT, 'fixtures', file), path.join(PAYLOADS, file));
}

/**
 * Two origins: the card site (CORS open, as the docs say a card host must be for sandboxed
 * frames, and the strict CSP on every page) and the publisher's host pages. The site is built
 * once the first has its address.
 */
async function start() {
  const site = await startServer({
    mounts: { '/': SITE },
    headers: (urlPath) => ({
      'Access-Control-Allow-Origin': '*',
      ...(urlPath.endsWith('/') || urlPath.endsWith('.html') ? { 'Content-Security-Policy': CSP } : {}),
    }),
  });
  execFileSync(BIN, ['site', PAYLOADS, '--out', SITE, '--base-url', `${site.origin}/`, '--name', SITE_NAME,
    '--bundle', BUNDLE_DIR, '--quiet'], { cwd: REPO_ROOT, stdio: 'inherit' });
  // The image a fixture names (../images/…, relative to its card page).
  mkdirSync(path.join(SITE, 'images'), { recursive: true });
  writeFileSync(path.join(SITE, 'images', 'harbour-ferry.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 630"><rect width="1200" height="630" fill="#8cb4d8"/></svg>\n');
  mkdirSync(HOST, { recursive: true });
  for (const id of IDS) {
    const oembed = JSON.parse(readFileSync(path.join(SITE, id, 'oembed.json'), 'utf8'));
    writeFileSync(path.join(HOST, `wordpress-${id}.html`), wordpressPage(oembed, id));
    writeFileSync(path.join(HOST, `plain-${id}.html`), plainPage(oembed, site.origin));
  }
  const host = await startServer({ mounts: { '/': HOST } });
  return {
    origin: site.origin,
    host,
    close: async () => {
      await host.close();
      await site.close();
    },
  };
}

const COLUMN_CSS = 'body{margin:0 auto;max-width:40rem;padding:1rem;font:17px/1.5 Georgia,serif}iframe{display:block;width:100%;border:0}';

/**
 * What WordPress makes of an oEmbed response from a provider not on its list: only the
 * blockquote and the iframe, the iframe given sandbox="allow-scripts", a data-secret and a
 * `#?secret=` (its own attributes replace the provider's), and its embed script's handler:
 * the height from the frame that sent it, clamped to 200–1000; a link to the frame's host
 * followed in the top window. Written from WordPress's documented behaviour, not its code.
 */
function wordpressPage(oembed, id) {
  const secret = `s${id.replace(/[^a-z0-9]/g, '').slice(0, 9)}`;
  const src = /src="([^"]+)"/.exec(oembed.html)[1];
  const href = /href="([^"]+)"/.exec(oembed.html)[1];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A WordPress post</title><style>${COLUMN_CSS}</style></head>
<body><h1>A WordPress post</h1><p>Before the embed.</p>
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
<blockquote class="wp-embedded-content" data-secret="${secret}"><a href="${href}">${oembed.title}</a></blockquote>
<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${src}#?secret=${secret}" data-secret="${secret}" width="${oembed.width}" height="${oembed.height}" title="${oembed.title}"></iframe>
</div></figure><p id="after">After the embed.</p>
<script>
window.heightMessages = [];
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || !data.secret || /[^a-zA-Z0-9]/.test(data.secret)) return;
  for (const frame of document.querySelectorAll('iframe[data-secret="' + data.secret + '"]')) {
    if (frame.contentWindow !== event.source) continue;
    document.querySelector('blockquote[data-secret="' + data.secret + '"]').style.display = 'none';
    if (data.message === 'height') {
      window.heightMessages.push(data.value);
      frame.height = Math.min(1000, Math.max(200, parseInt(data.value, 10) || 0));
    }
    if (data.message === 'link' && new URL(data.value).host === new URL(frame.src).host
        && document.activeElement === frame) {
      top.location.href = data.value;
    }
  }
});
</script></body></html>
`;
}

/** A plain page with the oEmbed markup pasted as it is, and the generic resizer. */
function plainPage(oembed, siteOrigin) {
  const resizer = `${siteOrigin}/article-card/${bundleVersion()}/article-card-resizer.js`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A plain page</title><style>${COLUMN_CSS}</style>
<script src="${resizer}" defer></script></head>
<body><h1>A plain page</h1><p>Before the embed.</p>
${oembed.html}
<p id="after">After the embed.</p></body></html>
`;
}

function bundleVersion() {
  return readdirSync(path.join(SITE, 'article-card'))[0];
}

const harness = useBrowserAndServer({}, { prepare, start });
const { withPage } = harness;
const siteUrl = (p) => new URL(p, `${harness.server.origin}/`).href;

/** The embed's content height inside `frame`, and the iframe's own height, in CSS pixels. */
async function heights(frameElement) {
  const frame = await frameElement.contentFrame();
  const content = await frame.evaluate(() => document.querySelector('.embed').getBoundingClientRect().height);
  const shown = await frameElement.evaluate((el) => el.getBoundingClientRect().height);
  return { content, shown };
}

/**
 * Waits (frame by frame, no fixed delay) until the iframe shows its content's height, as
 * `fit` maps it (WordPress clamps), within 2 px; returns the heights.
 */
async function waitForFit(page, frameElement, fit = (h) => h) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const now = await heights(frameElement);
    if (Math.abs(now.shown - fit(Math.ceil(now.content))) <= 2) return now;
    if (Date.now() > deadline) {
      throw new Error(`the iframe is ${now.shown} px for ${now.content} px of content (expected ${fit(Math.ceil(now.content))})`);
    }
    await nextFrame(page);
  }
}

/** Opens the first section, then Expand all, checking the fit after each. */
async function checkFitThroughToggles(page, fit) {
  const frameElement = await page.waitForSelector('iframe');
  const frame = await frameElement.contentFrame();
  await loaderRan(frame);
  const closed = await waitForFit(page, frameElement, fit);
  const toggle = frame.locator('.section__toggle').first();
  const wasOpen = (await toggle.getAttribute('aria-expanded')) === 'true';
  await toggle.click();
  await waitForExpanded(toggle, wasOpen ? 'false' : 'true');
  // The click woke the card; measured once the widget has taken it over (an open section then
  // gains its permalink line), so the frame is seen to follow the takeover too.
  await widgetRuns(frame);
  const toggled = await waitForFit(page, frameElement, fit);
  assert.notEqual(Math.round(toggled.content), Math.round(closed.content), 'toggling a section changed the height');
  const expand = frame.locator('.card__expand');
  if ((await expand.count()) > 0) {
    await expand.click();
    await frame.waitForFunction(() =>
      [...document.querySelector('article-card').shadowRoot.querySelectorAll('.section__toggle')].every(
        (b) => b.getAttribute('aria-expanded') === 'true'));
    const expanded = await waitForFit(page, frameElement, fit);
    assert.ok(expanded.content > closed.content, 'Expand all made the card taller');
  }
}

const clampLikeWordPress = (h) => Math.min(1000, Math.max(200, h));

// ---------------------------------------------------------------------------

test('card, embed and index pages pass html-validate with no problems, for every fixture', async () => {
  const pages = ['index.html', ...IDS.flatMap((id) => [`${id}/index.html`, `${id}/embed/index.html`])];
  const errors = [];
  for (const page of pages) errors.push(...(await validateHtml(readFileSync(path.join(SITE, page), 'utf8'), page)));
  assert.deepEqual(errors, []);
});

test('a link-preview parser reads title, description, url, site name, type and image from each card page', TEST_TIMEOUT, async () => {
  for (const id of IDS) {
    const url = siteUrl(`${id}/`);
    const { error, result } = await ogs({ url, urlValidatorSettings: { require_tld: false, require_host: true } });
    assert.equal(error, false, `${id}: ${JSON.stringify(result)}`);
    const payload = JSON.parse(readFileSync(path.join(PAYLOADS, FIXTURES[IDS.indexOf(id)]), 'utf8'));
    assert.equal(result.ogTitle, payload.headline);
    assert.ok(result.ogDescription?.length > 0, `${id}: description`);
    assert.equal(result.ogUrl, url);
    assert.equal(result.ogSiteName, SITE_NAME);
    assert.equal(result.ogType, 'article');
    assert.equal(result.twitterCard, payload.image ? 'summary_large_image' : 'summary');
    if (payload.image) {
      const [image] = result.ogImage;
      assert.equal(image.url, siteUrl('images/harbour-ferry.svg'));
      assert.equal(Number(image.width), payload.image.width);
      assert.equal(Number(image.height), payload.image.height);
      const served = await fetch(image.url);
      assert.equal(served.status, 200, 'the image address resolves');
    }
  }
});

test('each card page names its oEmbed response, which has every field of a rich embed and only a blockquote and an iframe', TEST_TIMEOUT, async () => {
  for (const id of IDS) {
    await withPage(`/${id}/`, {}, async ({ page }) => {
      const href = await page.getAttribute('link[rel="alternate"][type="application/json+oembed"]', 'href');
      const response = await fetch(href);
      assert.equal(response.status, 200);
      const oembed = await response.json();
      // oEmbed 1.0, section 2.3.4: version and type for every response; html, width, height for rich.
      assert.equal(oembed.version, '1.0');
      assert.equal(oembed.type, 'rich');
      assert.ok(Number.isInteger(oembed.width) && oembed.width > 0);
      assert.ok(Number.isInteger(oembed.height) && oembed.height > 0);
      for (const field of ['title', 'provider_name', 'provider_url', 'author_name']) assert.ok(oembed[field], field);
      assert.ok(Number.isInteger(oembed.cache_age));
      const shape = await page.evaluate((html) => {
        const body = new DOMParser().parseFromString(html, 'text/html').body;
        return {
          top: [...body.children].map((el) => el.localName),
          inQuote: [...body.querySelectorAll('blockquote *')].map((el) => el.localName),
          frame: Object.fromEntries([...(body.querySelector('iframe')?.attributes ?? [])].map((a) => [a.name, a.value])),
          text: body.textContent.trim().length,
        };
      }, oembed.html);
      assert.deepEqual(shape.top, ['blockquote', 'iframe']);
      assert.deepEqual(shape.inQuote, ['a']);
      assert.equal(shape.frame.src, siteUrl(`${id}/embed/`));
      assert.equal(Number(shape.frame.height), oembed.height);
      assert.ok(shape.frame.title);
    });
  }
});

for (const width of WIDTHS) {
  test(`a WordPress-like host sizes each card's iframe to its content at ${width} px, through a section and Expand all`, TEST_TIMEOUT, async () => {
    for (const id of IDS) {
      const session = await openPage(harness.browser, harness.server.host.origin, `/wordpress-${id}.html`, {
        viewport: { width, height: 900 },
      });
      try {
        await checkFitThroughToggles(session.page, clampLikeWordPress);
        assert.ok((await session.page.evaluate(() => window.heightMessages.length)) > 0, 'WordPress messages arrived');
        assert.equal(await session.page.locator('blockquote.wp-embedded-content').isVisible(), false);
        assert.deepEqual(session.log.pageErrors, []);
        assert.deepEqual(session.log.badResponses, []);
        assert.deepEqual(session.log.consoleErrors.filter((m) => /Content Security Policy/i.test(m)), []);
      } finally {
        await session.close();
      }
    }
  });

  test(`the generic resizer sizes each card's iframe on a plain page at ${width} px, through a section and Expand all`, TEST_TIMEOUT, async () => {
    for (const id of IDS) {
      const session = await openPage(harness.browser, harness.server.host.origin, `/plain-${id}.html`, {
        viewport: { width, height: 900 },
      });
      try {
        await checkFitThroughToggles(session.page);
        assert.equal(await session.page.locator('blockquote.article-card-fallback').isVisible(), false);
        assert.deepEqual(session.log.pageErrors, []);
        assert.deepEqual(session.log.badResponses, []);
      } finally {
        await session.close();
      }
    }
  });
}

test('the oEmbed height is within 3% of the card measured at the oEmbed width, so the host page hardly moves', TEST_TIMEOUT, async () => {
  const report = [];
  for (const id of IDS) {
    const oembed = JSON.parse(readFileSync(path.join(SITE, id, 'oembed.json'), 'utf8'));
    const session = await openPage(harness.browser, harness.server.host.origin, `/plain-${id}.html`, {
      viewport: { width: 1280, height: 900 },
    });
    try {
      const frameElement = await session.page.waitForSelector('iframe');
      // At the width the estimate is for (the column would give it 640 px).
      await frameElement.evaluate((el, width) => {
        el.style.width = `${width}px`;
      }, oembed.width);
      // The card as it stays, not the moment before: measured earlier, on a loaded machine, the
      // frame could fit content that was still settling (782 px where the card is 805). The
      // pre-rendered card sleeps, so it is settled once the loader ran and the fonts loaded.
      const frame = await frameElement.contentFrame();
      await loaderRan(frame);
      await frame.evaluate(() => document.fonts.ready.then(() => true));
      const { content } = await waitForFit(session.page, frameElement);
      report.push(`${id}: estimated ${oembed.height}, measured ${Math.ceil(content)}`);
      assert.ok(Math.abs(oembed.height - content) / content < 0.03, report.at(-1));
    } finally {
      await session.close();
    }
  }
  console.log(report.join('\n'));
});

test('the full-story link opens a new top-level tab from a plain page, and the card page from WordPress', TEST_TIMEOUT, async () => {
  const id = IDS[0];
  const story = JSON.parse(readFileSync(path.join(PAYLOADS, FIXTURES[0]), 'utf8')).source.url;
  const plain = await openPage(harness.browser, harness.server.host.origin, `/plain-${id}.html`, {
    beforeGoto: (page) =>
      page.context().route(`${new URL(story).origin}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>The full story</title>' })),
  });
  try {
    const frame = await (await plain.page.waitForSelector('iframe')).contentFrame();
    await loaderRan(frame);
    const [tab] = await Promise.all([plain.context.waitForEvent('page'), frame.locator('.card__link').click()]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), story);
    assert.equal(tab.mainFrame().parentFrame(), null);
    // Not sandboxed: the tab has its own origin (a sandboxed one would be opaque, "null").
    assert.equal(await tab.evaluate(() => origin), new URL(story).origin);
    assert.equal(plain.page.url(), `${harness.server.host.origin}/plain-${id}.html`, 'the host page stays');
  } finally {
    await plain.close();
  }

  // WordPress's sandbox has no allow-popups: the frame asks WordPress to go to the card page.
  const wordpress = await openPage(harness.browser, harness.server.host.origin, `/wordpress-${id}.html`);
  try {
    const frame = await (await wordpress.page.waitForSelector('iframe')).contentFrame();
    await loaderRan(frame);
    await Promise.all([wordpress.page.waitForURL(siteUrl(`${id}/`)), frame.locator('.card__link').click()]);
    await wordpress.page.locator('article-card h1').waitFor();
  } finally {
    await wordpress.close();
  }
});

for (const kind of ['card', 'embed']) {
  const pathOf = (id) => (kind === 'card' ? `/${id}/` : `/${id}/embed/`);

  test(`the ${kind} page works under the strict Content-Security-Policy`, TEST_TIMEOUT, async () => {
    for (const id of IDS) {
      await withPage(pathOf(id), {
        beforeGoto: (page) => page.addInitScript(() => {
          window.violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        }),
      }, async ({ page, log }) => {
        await loaderRan(page);
        const toggle = page.locator('article-card .section__toggle').first();
        const before = await toggle.getAttribute('aria-expanded');
        await toggle.click();
        await waitForExpanded(toggle, before === 'true' ? 'false' : 'true');
        // The click woke the card: its engine, too, works under the policy.
        await widgetRuns(page);
        assert.equal(await toggle.getAttribute('aria-expanded'), before === 'true' ? 'false' : 'true');
        assert.deepEqual(await page.evaluate(() => window.violations), []);
        assert.deepEqual(log.pageErrors, []);
        assert.deepEqual(log.badResponses, []);
        // The card's stylesheet applied (linked, since CSP blocks a <style>).
        assert.notEqual(await page.locator('article-card .card').evaluate((el) => getComputedStyle(el).paddingTop), '0px');
      });
    }
  });

  test(`the ${kind} page shows the whole pre-rendered card with JavaScript off`, TEST_TIMEOUT, async () => {
    const context = await harness.browser.newContext({ javaScriptEnabled: false });
    try {
      for (const id of IDS) {
        const page = await context.newPage();
        const bad = [];
        page.on('response', (r) => r.status() >= 400 && bad.push(`${r.status()} ${r.url()}`));
        await page.goto(siteUrl(pathOf(id).slice(1)));
        const headline = page.locator(`article-card ${kind === 'card' ? 'h1' : 'h2'}.card__headline`);
        assert.equal(await headline.isVisible(), true, `${id}: headline`);
        const panels = page.locator('article-card .section__panel');
        for (let i = 0; i < (await panels.count()); i += 1) {
          assert.equal(await panels.nth(i).isVisible(), true, `${id}: section ${i} shown`);
        }
        assert.notEqual(await page.locator('article-card .card').evaluate((el) => getComputedStyle(el).paddingTop), '0px');
        assert.deepEqual(bad, []);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
}
