// Hostile payloads, end to end: every string of tests/e2e/corpus/injection.json (script tags,
// event-handler attributes, javascript:/data:/vbscript: URLs, entity-encoded and mixed-case
// variants, SVG and MathML vectors, bidi and zero-width tricks) is placed in every text field of
// one card and in every URL field of another, and in the id, lang and date fields of a third.
// No script may run (no dialog, no global set), no dangerous URL may become a link or image
// source, and each text must be shown exactly as text.
//
//   bash scripts/build-bundle.sh && node --test tests/e2e/injection.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './server.mjs';
import { BUNDLE_MOUNTS, LONG_TEST_TIMEOUT, addSettledCards, useBrowserAndServer, waitForState } from './browser.mjs';

const CORPUS = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests', 'e2e', 'corpus', 'injection.json'), 'utf8')).strings;

// What the card's own markup is made of. Anything else in a shadow root came from a payload.
const ALLOWED_TAGS = new Set(
  'div article header p h2 h3 span time figure img blockquote figcaption section button ul li footer a code details summary strong'.split(' '),
);
const ALLOWED_ATTRIBUTES = new Set(
  'class part lang dir id src alt width height loading decoding href target rel datetime type role hidden data-section-id data-section-link aria-labelledby aria-expanded aria-controls aria-hidden aria-busy'.split(' '),
);

// Rust's str::trim: Unicode White_Space (unlike JavaScript's trim, it keeps U+FEFF).
const WHITE = '\\u0009-\\u000D\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const TRIM = new RegExp(`^[${WHITE}]+|[${WHITE}]+$`, 'g');
const rustTrim = (s) => s.replace(TRIM, '');
const chars = (s) => [...s].length;

/** What the card must show for `s`: trimmed, with lone surrogates as U+FFFD (UTF-8 has none). */
const shown = (s) => rustTrim(s.toWellFormed()).replace(/\r\n?/g, '\n');
/** src/model/controls.rs: a text with a control character other than tab, LF and CR is refused. */
const REFUSED_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const hasRefusedControl = (s) => REFUSED_CONTROL.test(rustTrim(s));

/** `s` if it fits a field of `max` characters, else a plain stand-in (that field's limit is tested elsewhere). */
const fit = (s, max) => {
  const n = chars(rustTrim(s));
  return n >= 1 && n <= max ? s : 'stand-in';
};

/** src/model/body.rs, in JavaScript: paragraphs and bullet lists. */
function parseBody(text) {
  const blocks = [];
  let paragraph = '';
  let items = [];
  const flushParagraph = () => {
    if (paragraph) blocks.push({ tag: 'p', text: paragraph });
    paragraph = '';
  };
  const flushList = () => {
    if (items.length) blocks.push({ tag: 'ul', items });
    items = [];
  };
  for (const raw of text.split('\n')) {
    const line = rustTrim(raw);
    if (!line) {
      flushParagraph();
      flushList();
    } else if (line.startsWith('- ') || line === '-') {
      flushParagraph();
      const item = rustTrim(line.slice(2));
      if (item) items.push(item);
    } else {
      flushList();
      paragraph = paragraph ? `${paragraph} ${line}` : line;
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Payloads for corpus entry `i`: its string in every text field, in every URL field, in the rest. */
function payloads(s, i) {
  const text = {
    version: 1,
    headline: fit(s, 300),
    dek: fit(s, 1000),
    byline: fit(s, 200),
    published: '2026-11-29T08:00:00Z',
    source: { name: fit(s, 120), url: 'https://example.com/story' },
    quote: { text: fit(s, 1000), attribution: fit(s, 200) },
    image: { src: '/favicon.svg', alt: fit(s, 500), width: 10, height: 10 },
    sections: [
      { id: 'a', title: fit(s, 120), body: s },
      { id: 'b', title: 'Bullets', body: `- ${s}\n- plain` },
    ],
  };
  const urls = {
    version: 1,
    headline: `URL case ${i}`,
    source: { name: 'Example', url: s },
    image: { src: s, alt: 'An image', width: 10, height: 10 },
  };
  const meta = {
    version: 1,
    id: s,
    lang: s,
    published: s,
    updated: s,
    headline: `Meta case ${i}`,
    source: { name: 'Example', url: 'https://example.com/' },
  };
  return { text, urls, meta };
}

/** Schemes that must never reach an href or src, however disguised. */
function hasDangerousScheme(s) {
  // What a browser's URL parser would see: leading C0 controls and spaces dropped, tabs and
  // newlines removed anywhere; invisible characters dropped too (to be safe), then lowercased.
  const bare = s
    .replace(/^[\u0000-\u0020]+/, '')
    .replace(/[\t\n\r]/g, '')
    .replace(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/g, '')
    .toLowerCase();
  return /^(javascript|vbscript|livescript|data|file|blob):/.test(bare);
}

const harness = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });

test(`the corpus has at least 100 injection strings in every category`, () => {
  assert.ok(CORPUS.length >= 100, `${CORPUS.length} strings`);
  const categories = new Set(CORPUS.map((c) => c.category));
  for (const c of ['script-tag', 'event-handler', 'url-scheme', 'entity-encoded', 'svg', 'mathml', 'unicode']) {
    assert.ok(categories.has(c), `category ${c}`);
  }
});

test('no injection string runs, links, styles or shows as anything but text', LONG_TEST_TIMEOUT, async (t) => {
  const dialogs = [];
  const requests = [];
  const beforeGoto = async (page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    page.on('request', (req) => requests.push({ url: req.url(), type: req.resourceType() }));
    // Nothing may leave the test server; an image a payload names elsewhere is refused here.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(`${harness.server.origin}/`) ? route.continue() : route.abort(),
    );
  };
  await harness.withPage('/unstyled.html', { beforeGoto }, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');
    const before = await page.evaluate(() => ({
      globals: Object.getOwnPropertyNames(window),
      title: document.title,
      bodyStyle: getComputedStyle(document.body).cssText || getComputedStyle(document.body).background,
      lightElements: document.querySelectorAll('*').length,
    }));

    const cards = CORPUS.flatMap(({ value }, i) => {
      const p = payloads(value, i);
      return [
        { id: `text-${i}`, json: JSON.stringify(p.text) },
        { id: `urls-${i}`, json: JSON.stringify(p.urls) },
        { id: `meta-${i}`, json: JSON.stringify(p.meta) },
        // Not JSON at all, with the string raw inside: the parser's message quotes it.
        { id: `raw-${i}`, json: `{"headline": ${value}}` },
      ];
    });
    await addSettledCards(page, 'injection-cards', cards.map(({ id, json }) => ({ id, inline: json })), 120_000);

    // Open every section, so that every panel's content is live in the page.
    await page.evaluate(() => {
      for (const card of document.querySelectorAll('#injection-cards > article-card')) {
        for (const button of card.shadowRoot.querySelectorAll('button.section__toggle')) button.click();
      }
    });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#injection-cards > article-card')].every((card) =>
          [...card.shadowRoot.querySelectorAll('button.section__toggle')].every((b) => b.getAttribute('aria-expanded') === 'true'),
        ),
      null,
      { polling: 100 },
    );

    // Read everything that matters out of the page in one go.
    const seen = await page.evaluate(() => {
      const read = (card) => {
        const root = card.shadowRoot;
        const q = (sel) => root.querySelector(sel);
        const elements = [...root.querySelectorAll('*')];
        return {
          state: card.dataset.state,
          tags: [...new Set(elements.map((el) => el.localName))],
          attributes: [...new Set(elements.flatMap((el) => el.getAttributeNames()))],
          namespaces: [...new Set(elements.map((el) => el.namespaceURI))],
          links: [...root.querySelectorAll('a')].map((a) => ({
            permalink: a.className === 'section__link',
            section: a.closest('section')?.id ?? null,
            href: a.getAttribute('href'),
            protocol: a.protocol,
            rel: a.getAttribute('rel'),
            target: a.getAttribute('target'),
          })),
          images: [...root.querySelectorAll('img')].map((img) => ({ src: img.getAttribute('src'), protocol: new URL(img.src).protocol, alt: img.getAttribute('alt') })),
          text: {
            headline: q('h2.card__headline')?.textContent ?? null,
            headlineChildren: q('h2.card__headline')?.childElementCount ?? null,
            source: q('p.card__source')?.textContent ?? null,
            dek: q('p.card__dek')?.textContent ?? null,
            byline: q('span.card__byline')?.textContent ?? null,
            quote: q('blockquote.card__quote p')?.textContent ?? null,
            attribution: q('figcaption.card__attribution')?.textContent ?? null,
            title: q('section[data-section-id="a"] .section__title')?.textContent ?? null,
            link: q('a.card__link')?.firstChild ? [...q('a.card__link').childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('') : null,
            panelA: [...root.querySelectorAll('section[data-section-id="a"] .section__panel > :not(.section__permalink)')].map((el) =>
              el.localName === 'ul'
                ? { tag: 'ul', items: [...el.children].map((li) => li.textContent) }
                : { tag: el.localName, text: el.textContent },
            ),
            panelB: [...root.querySelectorAll('section[data-section-id="b"] .section__panel > :not(.section__permalink)')].map((el) =>
              el.localName === 'ul'
                ? { tag: 'ul', items: [...el.children].map((li) => li.textContent) }
                : { tag: el.localName, text: el.textContent },
            ),
          },
          problems: [...root.querySelectorAll('.card-error details li')].map((li) => li.textContent),
        };
      };
      return Object.fromEntries(
        [...document.querySelectorAll('#injection-cards > article-card')].map((card) => [card.id, read(card)]),
      );
    });

    let shownAsText = 0;
    let refusedForControls = 0;
    let urlsRefused = 0;
    let urlsAccepted = 0;
    for (const [i, { value, category }] of CORPUS.entries()) {
      const label = `#${i} (${category}) ${JSON.stringify(value)}`;
      for (const kind of ['text', 'urls', 'meta', 'raw']) {
        const card = seen[`${kind}-${i}`];
        for (const tag of card.tags) assert.ok(ALLOWED_TAGS.has(tag), `${kind} ${label}: <${tag}> in the card`);
        for (const attr of card.attributes) assert.ok(ALLOWED_ATTRIBUTES.has(attr), `${kind} ${label}: attribute ${attr}`);
        assert.deepEqual(card.namespaces, ['http://www.w3.org/1999/xhtml'], `${kind} ${label}: no SVG or MathML`);
        for (const link of card.links) {
          if (link.permalink) {
            // A section's link to its own address: the fragment of validated slugs, nothing else.
            assert.equal(link.href, `#${link.section}`, `${kind} ${label}: section link`);
            assert.equal(link.target, null);
            assert.equal(link.rel, null);
            continue;
          }
          assert.ok(['http:', 'https:'].includes(link.protocol), `${kind} ${label}: link to ${link.href}`);
          assert.equal(link.rel, 'noopener noreferrer', `${kind} ${label}: rel`);
          assert.equal(link.target, '_blank');
        }
        for (const img of card.images) assert.ok(['http:', 'https:'].includes(img.protocol), `${kind} ${label}: image ${img.src}`);
      }

      // Every text field shows the string, exactly, as text; one with a control character is
      // refused for that reason alone, so pre-rendered HTML cannot show other text than the widget.
      const text = seen[`text-${i}`];
      if (hasRefusedControl(value)) {
        assert.equal(text.state, 'error', `text ${label}: must be refused`);
        assert.ok(text.problems.length > 0, `text ${label}: problems listed`);
        for (const problem of text.problems) {
          assert.match(problem, /: must not contain control characters \(it has U\+[0-9A-F]{4}\)$/, `text ${label}`);
        }
        refusedForControls += 1;
      } else {
        assert.equal(text.state, 'ready', `text ${label}: ${JSON.stringify(text.problems)}`);
        const expect = (max) => shown(fit(value, max));
        assert.equal(text.text.headline, expect(300), `headline ${label}`);
        assert.equal(text.text.headlineChildren, 0, `headline ${label}: no elements inside`);
        assert.equal(text.text.dek, expect(1000), `dek ${label}`);
        assert.equal(text.text.byline, expect(200), `byline ${label}`);
        assert.equal(text.text.source, expect(120), `source.name ${label}`);
        assert.equal(text.text.quote, expect(1000), `quote.text ${label}`);
        assert.equal(text.text.attribution, expect(200), `quote.attribution ${label}`);
        assert.equal(text.images[0].alt, expect(500), `image.alt ${label}`);
        assert.equal(text.text.title, expect(120), `sections[0].title ${label}`);
        assert.equal(text.text.link, `Read the full story at ${expect(120)}`, `link text ${label}`);
        assert.deepEqual(text.text.panelA, parseBody(shown(value)), `sections[0].body ${label}`);
        assert.deepEqual(text.text.panelB, parseBody(shown(`- ${value}\n- plain`)), `sections[1].body ${label}`);
        shownAsText += 1;
      }

      // URL fields: a dangerous scheme is refused; anything accepted is http(s) or relative.
      const urls = seen[`urls-${i}`];
      if (hasDangerousScheme(value)) {
        assert.equal(urls.state, 'error', `urls ${label}: must be refused`);
        assert.ok(urls.problems.some((p) => p.startsWith('source.url: ')), `urls ${label}: ${JSON.stringify(urls.problems)}`);
        assert.ok(urls.problems.some((p) => p.startsWith('image.src: ')), `urls ${label}: ${JSON.stringify(urls.problems)}`);
      }
      if (urls.state === 'ready') {
        urlsAccepted += 1;
        assert.ok(!/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\u3164]/.test(value), `urls ${label}: invisible characters accepted`);
        assert.equal(urls.links[0].href, rustTrim(value), `urls ${label}: the href is the URL as given`);
        assert.equal(urls.images[0].src, rustTrim(value), `urls ${label}: the src is the URL as given`);
      } else {
        urlsRefused += 1;
        for (const p of urls.problems) assert.match(p, /^(source\.url|image\.src): /, `urls ${label}`);
      }
    }

    // No script ran, nothing was added to the page, nothing was loaded but images.
    assert.deepEqual(dialogs, [], 'dialogs opened');
    const afterward = await page.evaluate(() => ({
      globals: Object.getOwnPropertyNames(window),
      title: document.title,
      bodyStyle: getComputedStyle(document.body).cssText || getComputedStyle(document.body).background,
      pwned: typeof window.__pwned,
      lightForeign: [...document.querySelectorAll('body *')].filter(
        (el) => !['article-card', 'script', 'div', 'h1', 'p', 'a'].includes(el.localName),
      ).length,
    }));
    assert.equal(afterward.pwned, 'undefined', 'window.__pwned was set');
    assert.deepEqual(afterward.globals.filter((g) => !before.globals.includes(g)), [], 'new globals');
    assert.equal(afterward.title, before.title, 'document.title');
    assert.equal(afterward.bodyStyle, before.bodyStyle, "the host page's body style");
    assert.equal(afterward.lightForeign, 0, 'elements other than the cards added to the page');
    const unexpected = requests.filter((r) => {
      // A payload's image may name any http(s) address (the route refused those elsewhere).
      if (r.type === 'image') return false;
      if (!r.url.startsWith(`${harness.server.origin}/`)) return true;
      return !['document', 'script', 'fetch'].includes(r.type) && new URL(r.url).pathname !== '/favicon.svg';
    });
    assert.deepEqual(unexpected, [], 'requests other than images and the page itself (no style, frame, font or media)');
    const scripts = requests.filter((r) => r.type === 'script').map((r) => new URL(r.url).pathname);
    assert.deepEqual([...new Set(scripts)].sort(), ['/article-card/article-card.js', '/article-card/article_card.js']);
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');

    t.diagnostic(
      `${CORPUS.length} strings, ${cards.length} cards: ${shownAsText} shown as text in 10 text fields each, ${refusedForControls} refused for a control character; ` +
        `URL fields refused ${urlsRefused}, accepted ${urlsAccepted} (all http(s) or relative)`,
    );
  });
});
