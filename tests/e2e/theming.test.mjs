// The theming contract, end to end: examples/themed.html (several differently themed cards on
// one page, served under a strict Content-Security-Policy) and docs/theming.md, whose tables are
// the lists checked here. Every documented custom property must exist in styles/card.css and
// change what it says on a rendered card, with the documented defaults; every documented part
// must be rendered, and every rendered part documented; the documented theme values must be
// the stylesheet's.
//
// No fixed sleeps: every wait is on a condition.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { fixtureBytes } from './fixtures.mjs';
import { REPO_ROOT } from './server.mjs';
import {
  BUNDLE_MOUNTS, TEST_TIMEOUT, axeViolations, useBrowserAndServer, waitForState, waitInPage,
} from './browser.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const PAGE = '/themed.html';
const SEED = '/cards/seed-anthropic-recall.json';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs', 'theming.md'), 'utf8');
const CARD_CSS = readFileSync(path.join(REPO_ROOT, 'styles', 'card.css'), 'utf8');

// ---- the reference, parsed ------------------------------------------------------------------

/** The rows (arrays of trimmed cells) of the first table after the heading `heading`. */
function docTable(heading) {
  const lines = DOC.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  assert.notEqual(start, -1, `docs/theming.md has no heading ${JSON.stringify(heading)}`);
  let i = start + 1;
  while (i < lines.length && !lines[i].trim().startsWith('|')) {
    assert.ok(!lines[i].startsWith('#'), `no table under ${heading}`);
    i += 1;
  }
  const rows = [];
  for (; i < lines.length && lines[i].trim().startsWith('|'); i += 1) {
    rows.push(
      lines[i]
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  // Header and separator rows.
  assert.ok(rows.length > 2 && /^-+$/.test(rows[1][0].replace(/[: ]/g, '')), `a markdown table under ${heading}`);
  return rows.slice(2);
}

/** The first `code` span of a cell, or null. */
const code = (cell) => cell.match(/`([^`]+)`/)?.[1] ?? null;

const PROPERTY_ROWS = docTable('## Custom properties').map(([name, affects, light, dark]) => ({
  name: code(name),
  affects,
  light,
  dark,
}));
const DOC_PROPERTIES = PROPERTY_ROWS.map((row) => row.name);
const PART_ROWS = docTable('## Parts').map(([name, element, when]) => ({
  name: code(name),
  element,
  states: ['ready', 'loading', 'error'].filter((state) => new RegExp(`\\b${state}\\b`).test(when)),
}));
const DOC_PARTS = PART_ROWS.map((row) => row.name);
const DOC_THEMES = docTable('## The `theme` attribute')
  .map(([value]) => code(value))
  .filter(Boolean);

// ---- what each custom property should change ------------------------------------------------

// Where each property shows: an element of a ready card (`:host` is the element itself) and one
// of its computed properties, with a distinctive value to set and what it computes to.
// `focus: true` reads the value while the element has keyboard focus.
const PROBES = {
  '--article-card-font': { target: '.card', css: 'font-family', value: '"Courier New", monospace', computed: '"Courier New", monospace' },
  '--article-card-font-size': { target: '.card', css: 'font-size', value: '21px', computed: '21px' },
  '--article-card-background': { target: '.card', css: 'background-color', value: '#123456', computed: 'rgb(18, 52, 86)' },
  '--article-card-text': { target: '.card__headline', css: 'color', value: '#0a1b2c', computed: 'rgb(10, 27, 44)' },
  '--article-card-muted': { target: '.card__dek', css: 'color', value: '#3d2e1f', computed: 'rgb(61, 46, 31)' },
  '--article-card-accent': { target: '.card__link', css: 'color', value: '#6a0dad', computed: 'rgb(106, 13, 173)' },
  '--article-card-border': { target: '.card', css: 'border-top-color', value: '#00ff7f', computed: 'rgb(0, 255, 127)' },
  '--article-card-quote-bar': { target: '.card__pullquote', css: 'border-left-color', value: '#ff1493', computed: 'rgb(255, 20, 147)' },
  '--article-card-focus': { target: '.card__link', css: 'outline-color', value: '#ffa500', computed: 'rgb(255, 165, 0)', focus: true },
  '--article-card-radius': { target: '.card', css: 'border-top-left-radius', value: '3px', computed: '3px' },
  '--article-card-space': { target: '.card', css: 'padding-top', value: '13px', computed: '13px' },
  '--article-card-max-width': { target: ':host', css: 'max-width', value: '300px', computed: '300px' },
};

// ---- the example page's cards, and how each should look -------------------------------------

const BODY_FONT = '"Trebuchet MS", "Lucida Sans Unicode", "Lucida Grande", Tahoma, sans-serif';
const LIGHT = {
  background: 'rgb(255, 255, 255)',
  text: 'rgb(28, 27, 26)',
  muted: 'rgb(87, 83, 78)',
  accent: 'rgb(164, 35, 28)',
  border: 'rgb(226, 222, 216)',
};
const DARK = {
  background: 'rgb(31, 30, 29)',
  text: 'rgb(241, 238, 234)',
  muted: 'rgb(189, 183, 176)',
  accent: 'rgb(255, 155, 143)',
  border: 'rgb(59, 57, 55)',
};
// The card's own look in a 672px-wide card (--article-card-space's clamp tops out at 1.75em).
const DEFAULT_LOOK = { font: BODY_FONT, fontSize: '16px', radius: '12px', padding: '28px', ...LIGHT };
DEFAULT_LOOK.link = DEFAULT_LOOK.accent;
DEFAULT_LOOK.quoteBar = DEFAULT_LOOK.accent;

// As examples/themed.css sets them (at a light system setting).
const SPONSOR = {
  font: 'Georgia, "Times New Roman", serif',
  fontSize: '18px',
  background: 'rgb(242, 247, 253)',
  text: 'rgb(15, 36, 56)',
  muted: 'rgb(60, 81, 102)',
  accent: 'rgb(11, 92, 173)',
  link: 'rgb(11, 92, 173)',
  border: 'rgb(169, 195, 223)',
  quoteBar: 'rgb(217, 154, 0)',
  radius: '4px',
  padding: '32px',
};
const RAIL = {
  ...DEFAULT_LOOK,
  fontSize: '15px',
  background: 'rgb(255, 248, 236)',
  accent: 'rgb(138, 69, 0)',
  link: 'rgb(138, 69, 0)',
  quoteBar: 'rgb(138, 69, 0)',
  border: 'rgb(236, 211, 173)',
  radius: '20px',
  padding: '20px',
};
const LOOKS = {
  '#default-card': DEFAULT_LOOK,
  '#brand-card': SPONSOR,
  '#rail-card': RAIL,
  '#rail-square-card': { ...RAIL, radius: '0px' },
  // ::part(card) and ::part(link) only: everything else is the card's own.
  '#part-card': {
    ...DEFAULT_LOOK,
    background: 'rgb(255, 253, 245)',
    border: 'rgb(26, 26, 26)',
    radius: '0px',
    link: 'rgb(255, 253, 245)',
  },
  '#dark-card': { ...DEFAULT_LOOK, ...DARK, link: DARK.accent, quoteBar: DARK.accent },
};
const CARDS = Object.keys(LOOKS);

const { withPage } = useBrowserAndServer({
  mounts: BUNDLE_MOUNTS,
  headers: (p) => (p === PAGE ? { 'Content-Security-Policy': STRICT_CSP } : undefined),
});

/** Records CSP violations from before the first script runs. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

/**
 * Opens the themed page (light system setting unless `colorScheme`), brings every card into
 * view (cards render lazily near the viewport) and waits for it, runs `fn`, then checks that
 * nothing went wrong. `allowConsoleError(text)` lets a test expect some console errors.
 */
async function themedPage(fn, { colorScheme = 'light', allowConsoleError = () => false } = {}) {
  return withPage(PAGE, { beforeGoto: recordViolations }, async (opened) => {
    await opened.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    for (const card of CARDS) {
      await opened.page.locator(card).scrollIntoViewIfNeeded();
      await waitForState(opened.page, card, 'ready');
    }
    await opened.page.evaluate(() => window.scrollTo(0, 0));
    const result = await fn(opened);
    assert.deepEqual(await opened.page.evaluate(() => window.__violations), [], 'CSP violations');
    assert.deepEqual(opened.log.pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(
      opened.log.consoleErrors.filter((text) => !allowConsoleError(text)),
      [],
      'console errors',
    );
    return result;
  });
}

/** How a card looks: computed styles read inside its shadow root. */
function look(page, card) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const cs = (inner) => getComputedStyle(root.querySelector(inner));
    return {
      font: cs('.card').fontFamily,
      fontSize: cs('.card').fontSize,
      background: cs('.card').backgroundColor,
      text: cs('.card__headline').color,
      muted: cs('.card__dek').color,
      accent: cs('.card__source').color,
      link: cs('.card__link').color,
      border: cs('.card').borderTopColor,
      quoteBar: cs('.card__pullquote').borderLeftColor,
      radius: cs('.card').borderTopLeftRadius,
      padding: cs('.card').paddingTop,
    };
  }, card);
}

async function looks(page) {
  const out = {};
  for (const card of CARDS) out[card] = await look(page, card);
  return out;
}

// ---- the reference against the stylesheet ----------------------------------------------------

test('docs/theming.md, styles/card.css and this test list the same custom properties and themes', () => {
  const inCss = [...new Set([...CARD_CSS.matchAll(/var\(\s*(--article-card-[a-z0-9-]+)/g)].map((m) => m[1]))];
  assert.ok(DOC_PROPERTIES.length >= 10, `the reference lists the custom properties (${DOC_PROPERTIES})`);
  assert.equal(new Set(DOC_PROPERTIES).size, DOC_PROPERTIES.length, 'no property is listed twice');
  assert.deepEqual([...DOC_PROPERTIES].sort(), [...inCss].sort(), 'documented = read by styles/card.css');
  assert.deepEqual([...DOC_PROPERTIES].sort(), Object.keys(PROBES).sort(), 'documented = probed by this test');
  for (const row of PROPERTY_ROWS) {
    assert.ok(row.affects && row.light && row.dark, `${row.name}: what it changes and both defaults`);
  }

  // Each --_ variable that reads a public property has the documented default as its fallback.
  for (const row of PROPERTY_ROWS) {
    const light = code(row.light);
    if (!/^#[0-9a-f]{6}$/i.test(light ?? '')) continue;
    const pattern = new RegExp(`var\\(${row.name},\\s*light-dark\\(${light},\\s*${code(row.dark)}\\)\\)`, 'i');
    assert.match(CARD_CSS, pattern, `${row.name}: light-dark(${light}, ${code(row.dark)}) in styles/card.css`);
  }

  const cssThemes = [...new Set([...CARD_CSS.matchAll(/:host\(\[theme="([a-z]+)"/g)].map((m) => m[1]))];
  assert.deepEqual([...DOC_THEMES].sort(), [...cssThemes].sort(), 'documented theme values = styles/card.css');
  assert.ok(PART_ROWS.every((row) => row.name && row.element && row.states.length > 0), 'every part row is complete');
});

// ---- the example page -----------------------------------------------------------------------

test('themed.html: every card renders under style-src \'self\' with no inline styles', TEST_TIMEOUT, async () => {
  await themedPage(async ({ page }) => {
    const inline = await page.evaluate(() => ({
      styleElements: document.querySelectorAll('style').length,
      styleAttributes: document.querySelectorAll('[style]').length,
      cards: document.querySelectorAll('article-card').length,
    }));
    assert.deepEqual(inline, { styleElements: 0, styleAttributes: 0, cards: CARDS.length });
    // The card's own stylesheet applies (a constructable stylesheet is not an inline style).
    assert.equal((await look(page, '#default-card')).radius, '12px');
  });
});

test('the unthemed card inherits the page\'s font and keeps its own colours', TEST_TIMEOUT, async () => {
  await themedPage(async ({ page }) => {
    const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.equal(bodyFont, BODY_FONT);
    const seen = await look(page, '#default-card');
    assert.equal(seen.font, bodyFont, 'the card text is in the body\'s font');
    // Every element inside that sets no font of its own has it too (buttons included).
    const fonts = await page.evaluate(() => {
      const root = document.querySelector('#default-card').shadowRoot;
      return [
        ...new Set(
          [...root.querySelectorAll('.card, .card__headline, .card__expand, .section__toggle, .card__link')].map(
            (el) => getComputedStyle(el).fontFamily,
          ),
        ),
      ];
    });
    assert.deepEqual(fonts, [bodyFont]);
    assert.deepEqual(seen, DEFAULT_LOOK);
  });
});

test('each card takes the theme set for it and no other card\'s', TEST_TIMEOUT, async () => {
  await themedPage(async ({ page }) => {
    const seen = await looks(page);
    for (const card of CARDS) assert.deepEqual(seen[card], LOOKS[card], card);

    // Isolation: a value themed onto one card (differing from the card's own look) shows on
    // that card, and on another only when the other was themed the same way.
    for (const [card, expected] of Object.entries(LOOKS)) {
      for (const [key, value] of Object.entries(expected)) {
        if (value === DEFAULT_LOOK[key]) continue;
        const sharing = CARDS.filter((c) => seen[c][key] === value);
        const intended = CARDS.filter((c) => LOOKS[c][key] === value);
        assert.deepEqual(sharing, intended, `${key} ${value} of ${card}`);
      }
    }
  });
});

test('custom properties set on an ancestor reach every card inside; the element\'s own value wins', TEST_TIMEOUT, async () => {
  await themedPage(async ({ page }) => {
    const where = await page.evaluate(() => {
      const rail = document.querySelector('.rail');
      const cards = [...rail.querySelectorAll('article-card')];
      return {
        railRadius: getComputedStyle(rail).getPropertyValue('--article-card-radius').trim(),
        classes: cards.map((el) => el.getAttribute('class')),
        ids: cards.map((el) => `#${el.id}`),
      };
    });
    assert.equal(where.railRadius, '20px', 'the rail container sets the properties');
    assert.deepEqual(where.ids, ['#rail-card', '#rail-square-card']);
    assert.deepEqual(where.classes, [null, 'article-card--square'], 'the first rail card has no theming of its own');
    const rail = await look(page, '#rail-card');
    const square = await look(page, '#rail-square-card');
    assert.equal(rail.radius, '20px');
    assert.equal(square.radius, '0px', 'the element\'s own --article-card-radius beats the container\'s');
    assert.deepEqual({ ...square, radius: '20px' }, rail, 'everything else comes from the container');

    // A property set on the page's root reaches every card, unless a nearer one is set.
    await page.evaluate(() => document.documentElement.style.setProperty('--article-card-radius', '9px'));
    const radii = {};
    for (const card of CARDS) radii[card] = (await look(page, card)).radius;
    assert.deepEqual(radii, {
      '#default-card': '9px',
      '#brand-card': '4px',
      '#rail-card': '20px',
      '#rail-square-card': '0px',
      '#part-card': '0px', // ::part(card) sets border-radius itself
      '#dark-card': '9px',
    });
  });
});

test('::part() rules style exactly the named parts of the named card', TEST_TIMEOUT, async () => {
  await themedPage(async ({ page }) => {
    const styled = (card) =>
      page.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        const pick = (el) => {
          const cs = getComputedStyle(el);
          return {
            background: cs.backgroundColor,
            borderRadius: cs.borderTopLeftRadius,
            boxShadow: cs.boxShadow,
            textTransform: cs.textTransform,
            color: cs.color,
          };
        };
        return {
          card: pick(root.querySelector('[part~="card"]')),
          link: pick(root.querySelector('[part~="link"]')),
          expandAll: pick(root.querySelector('[part~="expand-all"]')),
          // Not parts: the source line, a section toggle, the headline.
          source: pick(root.querySelector('.card__source')),
          toggle: pick(root.querySelector('.section__toggle')),
          headline: pick(root.querySelector('.card__headline')),
        };
      }, card);
    const opinion = await styled('#part-card');
    const plain = await styled('#default-card');

    assert.equal(opinion.card.background, 'rgb(255, 253, 245)');
    assert.equal(opinion.card.borderRadius, '0px');
    assert.equal(opinion.card.boxShadow, 'rgb(26, 26, 26) 6px 6px 0px 0px');
    assert.equal(opinion.link.background, 'rgb(26, 26, 26)');
    assert.equal(opinion.link.color, 'rgb(255, 253, 245)');
    assert.equal(opinion.link.borderRadius, '999px');
    assert.equal(opinion.expandAll.textTransform, 'uppercase');
    assert.equal(opinion.expandAll.color, 'rgb(26, 26, 26)');
    // Elements without a part are untouched: exactly as on the unthemed card.
    assert.deepEqual(opinion.source, plain.source);
    assert.deepEqual(opinion.toggle, plain.toggle);
    assert.deepEqual(opinion.headline, plain.headline);
    // And no other card's parts are.
    for (const card of CARDS.filter((c) => c !== '#part-card')) {
      const other = await styled(card);
      assert.notEqual(other.link.background, 'rgb(26, 26, 26)', `${card} link`);
      assert.notEqual(other.expandAll.textTransform, 'uppercase', `${card} expand-all`);
      assert.notEqual(other.card.boxShadow, opinion.card.boxShadow, `${card} card`);
    }

    // A user-action pseudo-class after ::part() applies too.
    await page.locator('#part-card [part~="link"]').hover();
    await waitInPage(
      page,
      () =>
        getComputedStyle(document.querySelector('#part-card').shadowRoot.querySelector('[part~="link"]'))
          .backgroundColor === 'rgb(179, 38, 30)',
    );
  });
});

test('theme="dark", and light-dark() pairs that follow each card\'s theme', TEST_TIMEOUT, async () => {
  // A dark system setting: the unthemed card turns dark, the sponsor card takes the dark halves
  // of its pairs, the theme="light" card stays light and the theme="dark" one stays dark.
  await themedPage(
    async ({ page }) => {
      const seen = await looks(page);
      assert.deepEqual(seen['#dark-card'], LOOKS['#dark-card']);
      assert.deepEqual(seen['#default-card'], { ...DEFAULT_LOOK, ...DARK, link: DARK.accent, quoteBar: DARK.accent });
      assert.deepEqual(seen['#part-card'], LOOKS['#part-card'], 'theme="light" pins the light palette');
      assert.deepEqual(seen['#brand-card'], {
        ...SPONSOR,
        background: 'rgb(14, 26, 39)',
        text: 'rgb(228, 237, 247)',
        muted: 'rgb(169, 188, 207)',
        accent: 'rgb(127, 184, 255)',
        link: 'rgb(127, 184, 255)',
        border: 'rgb(43, 70, 96)',
      });
      assert.equal(seen['#rail-card'].background, 'rgb(42, 33, 22)');
      assert.equal(seen['#rail-card'].accent, 'rgb(255, 179, 102)');

      // Switching one card's theme attribute switches its pairs, and only its own.
      await page.evaluate(() => document.querySelector('#brand-card').setAttribute('theme', 'light'));
      assert.deepEqual(await look(page, '#brand-card'), SPONSOR);
      assert.equal((await look(page, '#rail-card')).background, 'rgb(42, 33, 22)');
    },
    { colorScheme: 'dark' },
  );
});

test('every documented custom property changes what it says, from its documented defaults', TEST_TIMEOUT, async () => {
  await themedPage(async ({ page }) => {
    // Fresh cards at the end of the page: one per property with only that property set on the
    // element, and two unthemed ones (light and dark) for the defaults.
    const probes = Object.entries(PROBES).map(([name, probe], i) => ({ id: `probe-${i}`, name, ...probe }));
    await page.evaluate(
      ({ probes, src }) => {
        const box = document.createElement('div');
        box.id = 'probes';
        const add = (id, theme, name, value) => {
          const el = document.createElement('article-card');
          el.id = id;
          el.setAttribute('loading', 'eager');
          el.setAttribute('theme', theme);
          el.setAttribute('src', src);
          // CSSOM, not a style attribute: allowed under style-src 'self'.
          if (name) el.style.setProperty(name, value);
          box.append(el);
        };
        add('baseline-light', 'light');
        add('baseline-dark', 'dark');
        for (const p of probes) add(p.id, 'light', p.name, p.value);
        document.querySelector('.layout__main').append(box);
      },
      { probes, src: SEED },
    );
    for (const id of ['baseline-light', 'baseline-dark', ...probes.map((p) => p.id)]) {
      await waitForState(page, `#${id}`, 'ready');
    }

    const read = (id, probe) =>
      page.evaluate(
        ([sel, { target, css, focus }]) => {
          const host = document.querySelector(sel);
          const el = target === ':host' ? host : host.shadowRoot.querySelector(target);
          if (!el) return `(no ${target})`;
          if (focus) {
            el.focus();
            if (!el.matches(':focus-visible')) return '(not focus-visible)';
          }
          const value = getComputedStyle(el).getPropertyValue(css);
          if (focus) el.blur();
          return value;
        },
        [`#${id}`, probe],
      );

    const byName = Object.fromEntries(PROPERTY_ROWS.map((row) => [row.name, row]));
    // The documented default of a cell: a colour, a length, or another property's default.
    const documented = (row, theme) => {
      const cell = theme === 'light' ? row.light : row.dark;
      const value = code(cell);
      if (value && byName[value]) return documented(byName[value], theme);
      if (value && /^#[0-9a-f]{6}$/i.test(value)) {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));
        return `rgb(${r}, ${g}, ${b})`;
      }
      if (value && /^\d+px$/.test(value)) return value;
      if (/^`?medium`?/.test(cell)) return '16px';
      if (/`inherit`/.test(cell)) return BODY_FONT; // the page's font
      if (/^`?42em`?/.test(cell)) return '672px';
      return null; // a value that depends on the card's width (the spacing clamp)
    };

    let checkedDefaults = 0;
    for (const probe of probes) {
      const row = byName[probe.name];
      const light = await read('baseline-light', probe);
      const dark = await read('baseline-dark', probe);
      for (const [theme, actual] of [
        ['light', light],
        ['dark', dark],
      ]) {
        const expected = documented(row, theme);
        if (expected === null) continue;
        assert.equal(actual, expected, `${probe.name}: documented ${theme} default`);
        checkedDefaults += 1;
      }
      const themed = await read(probe.id, probe);
      assert.notEqual(light, probe.computed, `${probe.name}: the probe value differs from the default`);
      assert.equal(themed, probe.computed, `${probe.name}: ${probe.value} on the element sets ${probe.target} ${probe.css}`);
    }
    assert.ok(checkedDefaults >= 2 * (probes.length - 1), `defaults checked: ${checkedDefaults}`);

    // The spacing default: 1em to 1.75em by the card's width (16px to 28px here).
    const space = parseFloat(await read('baseline-light', PROBES['--article-card-space']));
    assert.ok(space >= 16 && space <= 28, `--article-card-space default ${space}px`);
  });
});

test('the documented parts are exactly the rendered ones, in each state, and ::part() reaches each', TEST_TIMEOUT, async () => {
  let holdSlow;
  const held = new Promise((resolve) => {
    holdSlow = resolve;
  });
  try {
    await themedPage(
      async ({ page }) => {
        // A payload that does not arrive until released, for the loading state.
        await page.route('**/cards/slow.json', async (route) => {
          await held;
          const body = fixtureBytes('seed-anthropic-recall.json');
          // The page may be gone by now if the test failed.
          await route.fulfill({ status: 200, contentType: 'application/json', body }).catch(() => {});
        });
        await page.evaluate(() => {
          const box = document.querySelector('.layout__main');
          for (const [id, src] of [
            ['parts-ready', '/cards/seed-anthropic-recall.json'],
            ['parts-loading', '/cards/slow.json'],
            ['parts-error', '/cards/does-not-exist.json'],
          ]) {
            const el = document.createElement('article-card');
            el.id = id;
            el.setAttribute('loading', 'eager');
            el.setAttribute('src', src);
            box.append(el);
          }
        });
        await waitForState(page, '#parts-ready', 'ready');
        await waitForState(page, '#parts-loading', 'loading');
        await waitForState(page, '#parts-error', 'error');

        const rendered = {};
        for (const state of ['ready', 'loading', 'error']) {
          const card = `#parts-${state}`;
          rendered[state] = await page.evaluate(
            (sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('[part]')].flatMap((el) => [...el.part]),
            card,
          );
          // Each documented part said to be in this state is there, and nothing undocumented is.
          const expected = PART_ROWS.filter((row) => row.states.includes(state)).map((row) => row.name);
          assert.deepEqual([...new Set(rendered[state])].sort(), [...expected].sort(), `parts of a ${state} card`);

          // A page rule on ::part(name) reaches the elements with that part and nothing else.
          for (const name of expected) {
            const hits = await page.evaluate(
              ([sel, part]) => {
                const sheet = new CSSStyleSheet();
                sheet.replaceSync(`${sel}::part(${part}) { outline: 7px dotted rgb(1, 2, 3); }`);
                document.adoptedStyleSheets = [sheet];
                const all = [...document.querySelector(sel).shadowRoot.querySelectorAll('*')];
                const outlined = all.filter((el) => {
                  const cs = getComputedStyle(el);
                  return cs.outlineStyle === 'dotted' && cs.outlineWidth === '7px';
                });
                const named = all.filter((el) => el.part.contains(part));
                document.adoptedStyleSheets = [];
                return { outlined: outlined.length, named: named.length, same: outlined.every((el) => named.includes(el)) };
              },
              [card, name],
            );
            assert.ok(
              hits.named >= 1 && hits.outlined === hits.named && hits.same,
              `::part(${name}) on a ${state} card: ${JSON.stringify(hits)}`,
            );
          }
        }
        const all = [...new Set(Object.values(rendered).flat())].sort();
        assert.deepEqual(all, [...DOC_PARTS].sort(), 'every documented part is rendered, and every rendered part documented');

        holdSlow();
        await waitForState(page, '#parts-loading', 'ready');
      },
      // The missing payload is a 404 (the browser logs it) and the card reports it to the console.
      { allowConsoleError: (text) => /\b404\b/.test(text) || text.startsWith('article-card:') },
    );
  } finally {
    holdSlow();
  }
});

test('axe: the themed page has no violations, light and dark', TEST_TIMEOUT, async () => {
  for (const colorScheme of ['light', 'dark']) {
    await themedPage(
      async ({ page }) => {
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], colorScheme);
      },
      { colorScheme },
    );
  }
});
