// The demo page practises what the README preaches, end to end, on the page as Trunk builds it
// (index.html, styles/demo.css and js/playground.js, by `trunk build` into target/demo/):
//
// - No layout shift: its stylesheet reserves each card's space, as README's step 3 tells
//   publishers to, so cumulative layout shift is 0.00 from the first paint to every card
//   rendered, the page scrolled to the bottom and back, at a desktop and a phone width, measured
//   as tests/e2e/layout-shift.test.mjs measures examples/twenty.html (tests/e2e/layout-shift.mjs).
//   Each card renders inside its reserve. The control, the same page with the reserve taken out
//   of its stylesheet, must measure more than 0, or the measurement could not fail.
// - Valid HTML: the built page passes html-validate with the repository's configuration
//   (tests/e2e/html-validator.mjs), and the validator does catch the Trunk directive the build
//   must not leave behind.
//
//   bash scripts/build-bundle.sh && trunk build     # the bundle, and the demo in target/demo/
//   node --test tests/e2e/demo.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { validateHtml, validateHtmlFile } from './html-validator.mjs';
import {
  VIEWPORTS, assertPaintedBeforeCards, describeShifts, measureLayoutShift, outsideTheirReserve,
  reservedHeights, withoutReserve,
} from './layout-shift.mjs';
import { REPO_ROOT } from './server.mjs';
import { LONG_TEST_TIMEOUT, assertNoErrors, useBrowserAndServer } from './browser.mjs';

const DEMO_DIR = path.join(REPO_ROOT, 'target', 'demo');
const DEMO_PAGE = path.join(DEMO_DIR, 'index.html');
/** Two cards at two widths each, and the playground's preview. */
const CARD_COUNT = 5;

function assertDemoBuilt() {
  if (!existsSync(DEMO_PAGE)) {
    throw new Error(`The demo is not built (no ${path.relative(REPO_ROOT, DEMO_PAGE)}). Run \`trunk build\` first.`);
  }
}

const harness = useBrowserAndServer({ mounts: { '/': DEMO_DIR } }, { prepare: assertDemoBuilt });

/**
 * The control: the built page with the reserved-space block taken out of its stylesheet (Trunk
 * names the file after its hash), and the stylesheet's integrity hash taken out of the page, so
 * the browser accepts the changed file.
 */
async function withoutDemoReserve(page) {
  await page.route(/\/demo-[^/]*\.css$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: withoutReserve(await response.text(), 'styles/demo.css (as built)') });
  });
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(/ integrity="[^"]*"/g, '') });
    },
  );
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`the demo page at ${size}: every card renders inside the space reserved for it, CLS 0.00`, LONG_TEST_TIMEOUT, async (t) => {
    const { session, cls, steps } = await measureLayoutShift(harness, '/', viewport, CARD_COUNT);
    try {
      t.diagnostic(`CLS ${cls.value.toFixed(2)} (${cls.shifts.length} shifts; ${steps} scroll steps down)`);
      assertPaintedBeforeCards(cls);
      assert.equal(cls.value, 0, `CLS is ${cls.value.toFixed(4)}, not 0; the shifts:\n${describeShifts(cls)}`);
      const fits = await reservedHeights(session.page);
      assert.deepEqual(outsideTheirReserve(fits), [], 'every card renders inside its reserved height');
      t.diagnostic(`cards ${fits.map((f) => `${Math.round(f.content)}/${f.reserve}px`).join(', ')} (content/reserve)`);
      assertNoErrors(session.log);
    } finally {
      await session.close();
    }
  });

  test(`control, the demo page with no reserve at ${size}: CLS > 0`, LONG_TEST_TIMEOUT, async (t) => {
    const { session, cls } = await measureLayoutShift(harness, '/', viewport, CARD_COUNT, {
      beforeGoto: withoutDemoReserve,
    });
    try {
      t.diagnostic(`CLS ${cls.value.toFixed(2)} (${cls.value.toFixed(4)}; ${cls.shifts.length} shifts)`);
      assertPaintedBeforeCards(cls);
      assert.ok(cls.value > 0, 'the cards moved the page: the measurement can fail');
      const fits = await reservedHeights(session.page);
      assert.deepEqual(
        fits.filter((f) => f.reserve > 0),
        [],
        'the control reserves nothing',
      );
      assertNoErrors(session.log);
    } finally {
      await session.close();
    }
  });
}

test('the built demo page is valid HTML', async () => {
  assertDemoBuilt();
  assert.deepEqual(await validateHtmlFile(DEMO_PAGE), []);
});

test('control: the validator reports the Trunk directive the build removes from the page', async () => {
  assertDemoBuilt();
  const html = readFileSync(DEMO_PAGE, 'utf8');
  const withDirective = html.replace('</head>', '<link data-trunk rel="rust" data-trunk-skip></head>');
  assert.notEqual(withDirective, html, 'the built page has a </head>');
  const messages = await validateHtml(withDirective, 'index.html');
  assert.ok(
    messages.some((m) => m.includes('element-required-attributes')),
    `html-validate reports the <link> without href: ${JSON.stringify(messages)}`,
  );
});
