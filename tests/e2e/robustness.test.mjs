// Issue 15, end to end in Chromium: the classes of input an independent corpus found defects
// with (tests/e2e/corpus/edge-cases.json: URLs a browser cannot parse, lone surrogates, the
// byte-order mark, control characters, ids that collide with the card's own, a card moved into
// another document), and a seeded generated set of payloads whose pre-rendered text must be the
// widget's text.
//
// Each case gets one verdict everywhere: the widget with the payload inline, the widget with it
// by `src`, and the command line (`article-card validate`). The pages are generated here, by the
// command line itself, into target/robustness-e2e/ (it builds the binary with cargo unless
// ARTICLE_CARD_BIN names one).
//
//   bash scripts/build-bundle.sh && node --test tests/e2e/robustness.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { SEED } from './fixtures.mjs';
import { REPO_ROOT } from './server.mjs';
import { BUNDLE_MOUNTS, addSettledCards, useBrowserAndServer, waitForState, waitInPage } from './browser.mjs';

const TEST_TIMEOUT = { timeout: 180_000 };
const OUT_DIR = path.join(REPO_ROOT, 'target', 'robustness-e2e');
const BIN = process.env.ARTICLE_CARD_BIN || path.join(REPO_ROOT, 'target', 'debug', 'article-card');
const CORPUS = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests', 'e2e', 'corpus', 'edge-cases.json'), 'utf8')).cases;
const GENERATED = 80;

/** A case's payload text, as a file or an inline script holds it. */
const caseText = (c) => c.raw ?? JSON.stringify(c.payload);
const caseFile = (i) => `case-${String(i).padStart(3, '0')}.json`;
const genFile = (i) => `gen-${String(i).padStart(3, '0')}`;

// Rust's str::trim: Unicode White_Space.
const WHITE = '\\u0009-\\u000D\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const TRIM = new RegExp(`^[${WHITE}]+|[${WHITE}]+$`, 'g');
/** What the card shows for a payload text: trimmed, line breaks as LF (docs/payload.md). */
const shown = (s) => s.replace(TRIM, '').replace(/\r\n?/g, '\n');

/** A small seeded generator (mulberry32): the same set on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'Z', ' ', '\t', '\n', '\r', '\r\n', '\n\n', '\r\n\r\n', '- ', '\n- ', '<', '&', '&amp;', '"', "'", '<!--', '</p>', 'é', '東', '\u0301', '\u00a0', '\u2028', '\u{1F600}'];
const CONTROLS = ['\u0000', '\u0001', '\u000b', '\u001b', '\u007f', '\u0085'];

/** Payload `i` of the generated set: every text field made of PIECES, a quarter with controls too. */
function generated(i) {
  const next = random(0x15_0005 + i);
  const withControls = next() < 0.25;
  const text = (prefix = '') => {
    let s = prefix;
    const n = Math.floor(next() * 10);
    for (let k = 0; k < n; k += 1) {
      const pool = withControls && next() < 0.15 ? CONTROLS : PIECES;
      s += pool[Math.floor(next() * pool.length)];
    }
    return s;
  };
  return {
    version: 1,
    id: genFile(i),
    headline: text('x'),
    dek: text(),
    byline: text(),
    source: { name: text('x'), url: 'https://example.com/story' },
    quote: { text: text('x'), attribution: text() },
    image: { src: '/favicon.svg', alt: text(), width: 10, height: 10 },
    sections: [{ id: 'a', title: text('x'), body: text('x') }],
  };
}

/** Builds the command line, writes the cases and the generated set, and asks it for its verdicts. */
function prepare() {
  if (!process.env.ARTICLE_CARD_BIN) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'article-card'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  rmSync(OUT_DIR, { recursive: true, force: true });
  for (const dir of ['cases', 'generated']) mkdirSync(path.join(OUT_DIR, dir), { recursive: true });
  CORPUS.forEach((c, i) => writeFileSync(path.join(OUT_DIR, 'cases', caseFile(i)), caseText(c)));
  const files = CORPUS.map((_, i) => caseFile(i));
  // Exit status 1 when some file is invalid, which is the point: read the report, not the status.
  const report = spawnSync(BIN, ['validate', '--json', ...files], { cwd: path.join(OUT_DIR, 'cases'), encoding: 'utf8' });
  writeFileSync(path.join(OUT_DIR, 'cli-verdicts.json'), report.stdout);

  for (let i = 0; i < GENERATED; i += 1) {
    writeFileSync(path.join(OUT_DIR, 'generated', `${genFile(i)}.json`), JSON.stringify(generated(i)));
  }
  spawnSync(BIN, ['render', '--out', path.join(OUT_DIR, 'pre'), path.join(OUT_DIR, 'generated')], { encoding: 'utf8' });
  const rendered = new Set(readdirSync(path.join(OUT_DIR, 'pre')).map((f) => f.replace(/\.html$/, '')));
  const fragments = [...rendered].sort().map((name) =>
    readFileSync(path.join(OUT_DIR, 'pre', `${name}.html`), 'utf8').replace('<article-card>', `<article-card id="${name}">`),
  );
  // No loader: the page shows what the HTML parser made of the pre-rendered cards.
  writeFileSync(
    path.join(OUT_DIR, 'prerendered.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Pre-rendered</title></head><body>\n${fragments.join('\n')}</body></html>\n`,
  );
  writeFileSync(path.join(OUT_DIR, 'rendered.json'), JSON.stringify([...rendered]));
}

const harness = useBrowserAndServer({ mounts: { ...BUNDLE_MOUNTS, '/robustness/': OUT_DIR } }, { prepare });

/** Adds cards to the page (`{ id, inline }` or `{ id, src }`) and waits until every one has settled. */
const addCards = (page, cards) => addSettledCards(page, 'edge-cards', cards, 60_000);

/** Everything the checks read from one card: verdict, problem paths, texts and element ids. */
function readCards(page, selector) {
  return page.evaluate((sel) => {
    const read = (card) => {
      const root = card.shadowRoot;
      const q = (s) => root?.querySelector(s) ?? null;
      const txt = (s) => q(s)?.textContent ?? null;
      return {
        state: card.dataset.state ?? null,
        paths: [...(root?.querySelectorAll('.card-error details li') ?? [])].map((li) => li.textContent.split(': ')[0]),
        ids: [...(root?.querySelectorAll('[id]') ?? [])].map((el) => el.id),
        sectionIds: [...(root?.querySelectorAll('section.section') ?? [])].map((el) => el.dataset.sectionId),
        text: {
          headline: txt('h2.card__headline'),
          dek: txt('p.card__dek'),
          byline: txt('span.card__byline'),
          source: txt('p.card__source'),
          quote: txt('blockquote.card__quote p'),
          attribution: txt('figcaption.card__attribution'),
          alt: q('img.card__image')?.getAttribute('alt') ?? null,
          title: txt('span.section__title'),
          body: [...(root?.querySelectorAll('.section__panel p, .section__panel li') ?? [])].map((el) => el.textContent),
        },
      };
    };
    return Object.fromEntries([...document.querySelectorAll(sel)].map((card) => [card.id, read(card)]));
  }, selector);
}

/** The command line's verdict on each case: `{ valid, paths }` by case index. */
function cliVerdicts() {
  const report = JSON.parse(readFileSync(path.join(OUT_DIR, 'cli-verdicts.json'), 'utf8'));
  const byFile = new Map(report.files.map((f) => [f.file, { valid: f.valid, paths: f.problems.map((p) => p.path) }]));
  return CORPUS.map((_, i) => byFile.get(caseFile(i)));
}

/** Widget verdicts for every case, inline and by src. */
async function widgetVerdicts(page) {
  await addCards(
    page,
    CORPUS.flatMap((c, i) => [
      { id: `inline-${i}`, inline: caseText(c) },
      { id: `src-${i}`, src: `/robustness/cases/${caseFile(i)}` },
    ]),
  );
  return readCards(page, '#edge-cards > article-card');
}

const verdictOf = ({ state, paths }) => (state === 'ready' ? 'ready' : `error at ${[...paths].sort().join(', ')}`);

test('every edge case gets its verdict from the widget, inline and by src, and from the command line', TEST_TIMEOUT, async () => {
  await harness.withPage('/unstyled.html', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');
    const seen = await widgetVerdicts(page);
    const cli = cliVerdicts();
    let checked = 0;
    for (const [i, c] of CORPUS.entries()) {
      if (c.verdict === 'agree') continue;
      const label = `#${i} ${c.category}: ${c.name}`;
      const want = c.verdict === 'ready' ? 'ready' : `error at ${[...c.paths].sort().join(', ')}`;
      assert.equal(verdictOf(seen[`inline-${i}`]), want, `${label} (inline)`);
      assert.equal(verdictOf(seen[`src-${i}`]), want, `${label} (src)`);
      assert.equal(verdictOf({ state: cli[i].valid ? 'ready' : 'error', paths: cli[i].paths }), want, `${label} (command line)`);
      for (const [field, text] of Object.entries(c.text ?? {})) {
        assert.equal(seen[`inline-${i}`].text[field], text, `${label}: ${field}`);
      }
      checked += 1;
    }
    assert.ok(checked >= 60, `${checked} cases checked`);
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  });
});

test(
  'a lone surrogate or a byte-order mark gets one verdict everywhere',
  TEST_TIMEOUT,
  async () => {
    await harness.withPage('/unstyled.html', {}, async ({ page }) => {
      await waitForState(page, '#seed-card', 'ready');
      const seen = await widgetVerdicts(page);
      const cli = cliVerdicts();
      for (const [i, c] of CORPUS.entries()) {
        if (c.verdict !== 'agree') continue;
        const label = `#${i} ${c.category}: ${c.name}`;
        const inline = verdictOf(seen[`inline-${i}`]);
        assert.equal(verdictOf(seen[`src-${i}`]), inline, `${label}: src and inline`);
        assert.equal(cli[i].valid ? 'ready' : 'error', inline.split(' ')[0], `${label}: command line and widget`);
      }
    });
  },
);

test('ids the card makes for itself never collide with section ids in the widget', TEST_TIMEOUT, async () => {
  await harness.withPage('/unstyled.html', {}, async ({ page }) => {
    await waitForState(page, '#seed-card', 'ready');
    const cases = CORPUS.map((c, i) => [c, i]).filter(([c]) => c.category === 'ids');
    assert.ok(cases.length >= 3);
    await addCards(page, cases.map(([c, i]) => ({ id: `ids-${i}`, inline: caseText(c) })));
    const seen = await readCards(page, '#edge-cards > article-card');
    for (const [c, i] of cases) {
      const card = seen[`ids-${i}`];
      assert.equal(card.state, 'ready', c.name);
      assert.deepEqual(card.ids.filter((id, k) => card.ids.indexOf(id) !== k), [], `${c.name}: repeated ids in ${card.ids}`);
      // Each section's public address names that section, and nothing else.
      const owners = await page.evaluate(
        ({ host, addresses }) =>
          addresses.map((a) => document.getElementById(host).shadowRoot.getElementById(a)?.dataset.sectionId ?? null),
        { host: `ids-${i}`, addresses: card.sectionIds.map((s) => `card--${s}`) },
      );
      assert.deepEqual(owners, card.sectionIds, c.name);
    }
  });
});

test('a card moved into a same-origin iframe renders there, styled, and again when moved back', TEST_TIMEOUT, async () => {
  const [c] = CORPUS.filter((x) => x.move === 'iframe');
  await harness.withPage('/unstyled.html', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');
    await addCards(page, [{ id: 'moving', inline: caseText(c) }]);
    await page.evaluate(() => {
      window.__errors = [];
      const card = document.getElementById('moving');
      card.addEventListener('article-card-error', (e) => window.__errors.push(e.detail));
      const frame = document.createElement('iframe');
      frame.id = 'frame';
      document.body.append(frame);
      frame.contentDocument.body.append(frame.contentDocument.adoptNode(card));
    });
    /** Whether the card is rendered in `where`'s document with its styles applied. */
    const renderedIn = (where) =>
      waitInPage(page, (w) => {
        const win = w === 'frame' ? document.getElementById('frame').contentWindow : window;
        const card = win.document.getElementById('moving');
        const hidden = card?.shadowRoot?.querySelector('.card .visually-hidden');
        return card?.dataset.state === 'ready' && hidden && win.getComputedStyle(hidden).position === 'absolute';
      }, where);
    await renderedIn('frame');
    await page.evaluate(() => {
      const card = document.getElementById('frame').contentDocument.getElementById('moving');
      document.body.append(document.adoptNode(card));
    });
    await renderedIn('page');
    assert.deepEqual(await page.evaluate(() => window.__errors), [], 'article-card-error');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  });
});

test("the article-card-link event's href is absolute for every URL case a card accepts", TEST_TIMEOUT, async () => {
  // Every case with its own source.url, accepted or not: a card that wrongly accepted one a
  // browser cannot parse would send the raw text as its href.
  const cases = CORPUS.map((c, i) => [c, i]).filter(([c]) => c.category === 'url' && c.payload?.source.url !== 'https://example.com/story');
  await harness.withPage('/unstyled.html', {}, async ({ page }) => {
    await waitForState(page, '#seed-card', 'ready');
    await addCards(page, cases.map(([c, i]) => ({ id: `link-${i}`, inline: caseText(c) })));
    const hrefs = await page.evaluate((ids) => {
      const seen = {};
      const listener = (e) => {
        seen[e.target.id] = e.detail.href;
        e.preventDefault();
      };
      document.addEventListener('article-card-link', listener);
      for (const id of ids) document.getElementById(id).shadowRoot.querySelector('a.card__link')?.click();
      document.removeEventListener('article-card-link', listener);
      return seen;
    }, cases.map(([, i]) => `link-${i}`));
    const want = Object.fromEntries(
      cases.filter(([c]) => c.verdict === 'ready').map(([c, i]) => [`link-${i}`, new URL(c.payload.source.url).href]),
    );
    assert.ok(Object.keys(want).length >= 5);
    assert.deepEqual(hrefs, want);
  });
});

test('pre-rendered text is the widget text for a generated set of payloads', TEST_TIMEOUT, async () => {
  const rendered = new Set(JSON.parse(readFileSync(path.join(OUT_DIR, 'rendered.json'), 'utf8')));
  const payloads = Array.from({ length: GENERATED }, (_, i) => generated(i));
  const pre = await harness.withPage('/robustness/prerendered.html', {}, ({ page }) => readCards(page, 'article-card'));
  const live = await harness.withPage('/unstyled.html', {}, async ({ page }) => {
    await waitForState(page, '#seed-card', 'ready');
    await addCards(page, payloads.map((p, i) => ({ id: genFile(i), inline: JSON.stringify(p) })));
    return readCards(page, '#edge-cards > article-card');
  });
  let compared = 0;
  for (const [i, p] of payloads.entries()) {
    const name = genFile(i);
    const widget = live[name];
    if (!rendered.has(name)) {
      assert.equal(widget.state, 'error', `${name}: the command line refused it, the widget must too`);
      continue;
    }
    assert.equal(widget.state, 'ready', `${name}: the command line rendered it, the widget must too`);
    assert.deepEqual(pre[name].text, widget.text, `${name}: pre-rendered and widget text`);
    assert.equal(widget.text.headline, shown(p.headline), `${name}: headline and payload`);
    assert.equal(widget.text.alt, shown(p.image.alt), `${name}: image.alt and payload`);
    compared += 1;
  }
  assert.ok(compared >= 40 && compared < GENERATED, `${compared} of ${GENERATED} compared (some must be refused)`);
});

test('the shipped engine\'s stack holds the deepest payloads: 32 levels render, deeper ones are refused, and the page goes on', TEST_TIMEOUT, async () => {
  // The bundle's wasm stack is set small (build.rs, WASM_STACK_BYTES): the deepest recursion a
  // payload can cause must still fit. An unknown member may hold any JSON, so it can nest.
  const nested = (levels) => '['.repeat(levels) + ']'.repeat(levels);
  const withExtra = (levels) => `{"extra": ${nested(levels - 1)},${JSON.stringify(SEED).slice(1)}`;
  await harness.withPage('/unstyled.html', {}, async ({ page, log }) => {
    await waitForState(page, '#seed-card', 'ready');
    await addSettledCards(page, 'deep', [
      { id: 'deep-32', inline: withExtra(32) },
      { id: 'deep-33', inline: withExtra(33) },
      { id: 'deep-100000', inline: withExtra(100_000) },
    ]);
    const states = await page.evaluate(() =>
      [...document.querySelectorAll('#deep > article-card')].map((c) => [c.id, c.dataset.state, c.shadowRoot?.textContent ?? '']),
    );
    assert.deepEqual(states.map(([id, state]) => [id, state]), [['deep-32', 'ready'], ['deep-33', 'error'], ['deep-100000', 'error']]);
    for (const [id, , text] of states.slice(1)) assert.match(text, /nests deeper than 32 levels/, id);
    // The engine did not trap: a card added afterwards renders.
    await addSettledCards(page, 'after', [{ id: 'after-deep', inline: JSON.stringify(SEED) }]);
    assert.equal(await page.$eval('#after-deep', (c) => c.dataset.state), 'ready');
    assert.deepEqual(log.pageErrors, []);
  });
});
