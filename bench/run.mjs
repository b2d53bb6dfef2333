// The benchmark: article-card against the physical limit (the same cards as static HTML, no
// script) and against a hand-written vanilla JavaScript peer, in one run, in headless Chromium
// on localhost. Writes docs/benchmarks.md.
//
//   bash scripts/bench.sh [--quick]  (builds the release bundle and command line, then runs this)
//   node bench/run.mjs [--quick]     (measures what is built: dist/article-card/, target/release/)
//
// Every figure is measured in the page with the browser's own clocks and observers, from
// navigation start, as the median of several runs in fresh browser contexts (empty cache).
// Pages are opened, and memory read, by the end-to-end tests' own harness (tests/e2e/), so the
// benchmark's figures and the tests' bounds are measured the same way.

import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

import {
  BUNDLE_DIR as BUNDLE, CHROMIUM_PATH, assertBundleBuilt, launchBrowser, measureMemory, openPage,
} from '../tests/e2e/browser.mjs';
import { GARAGES, SEED } from '../tests/e2e/fixtures.mjs';
import { VIEWPORTS, measureLayoutShift } from '../tests/e2e/layout-shift.mjs';
import { BUNDLE_MOUNTS } from '../tests/e2e/browser.mjs';
import { breakdownTable } from './memory.mjs';
import { REPO_ROOT, startServer } from '../tests/e2e/server.mjs';
import { startGzipServer } from './gzip-server.mjs';
import { LCP_VARIANTS, MOBILE_NETWORK, buildLcpPages, lighthouseInstalled, measureLcp, measureWaterfall } from './loading-chain.mjs';
import { buildPrerenderedPage, measurePrerendered } from './prerendered.mjs';

const QUICK = process.argv.includes('--quick');
// BENCH_ONLY=lcp,prerendered,cls (any of SECTIONS) measures only those sections and prints
// them, leaving docs/benchmarks.md alone: a full run takes many minutes on a shared machine.
const SECTIONS = ['size', 'load', 'clicks', 'prerender', 'lcp', 'prerendered', 'cls'];
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const unknownSection = ONLY.find((s) => !SECTIONS.includes(s));
if (unknownSection) throw new Error(`BENCH_ONLY: no section "${unknownSection}" (sections: ${SECTIONS.join(', ')})`);
const measuring = (section) => ONLY.length === 0 || ONLY.includes(section);
const LCP_RUNS = QUICK ? 1 : 5;
const PRERENDERED_CARDS = 10;
const COUNTS = [1, 10, 100, 1000];
const RUNS = QUICK ? 1 : 7;
const RUNS_LARGE = QUICK ? 1 : 3; // the 1,000-card pages
const CLICKS = QUICK ? 5 : 20;
const VARIANTS = ['widget', 'vanilla', 'static'];
const LABEL = { widget: 'article-card', hints: 'article-card, preloaded', vanilla: 'vanilla JS peer', static: 'static HTML' };

const SITE = path.join(REPO_ROOT, 'target', 'bench', 'site');
const OUT = path.join(REPO_ROOT, 'docs', 'benchmarks.md');

// ---- the site ---------------------------------------------------------------------------

const fixtures = [SEED, GARAGES];

/** N distinct payloads, alternating the two fixtures, each with its own id. */
export function payloads(count) {
  return Array.from({ length: count }, (_, i) => {
    const base = fixtures[i % fixtures.length];
    return { ...base, id: `${base.id}-${i + 1}` };
  });
}

export const inlineJson = (payload) => JSON.stringify(payload).replaceAll('<', '\\u003c');

export function page(variant, count, cardsHtml) {
  const head = {
    widget: '<script type="module" src="/article-card/article-card.js"></script>',
    vanilla: '<script type="module" src="/vanilla/article-card.js"></script>',
    static: '<link rel="stylesheet" href="/static/card.css">',
  }[variant];
  return `<!doctype html>
<html lang="en" data-variant="${variant}" data-cards="${count}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${count} cards: ${LABEL[variant]}</title>
<link rel="icon" href="data:,">
${head}
</head>
<body>
<main>
<h1>${count} cards</h1>
${cardsHtml}
</main>
</body>
</html>
`;
}

function buildSite(staticMarkup) {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(path.join(SITE, 'vanilla'), { recursive: true });
  mkdirSync(path.join(SITE, 'static'), { recursive: true });
  const css = readFileSync(path.join(REPO_ROOT, 'styles', 'card.css'), 'utf8');
  const peer = readFileSync(path.join(REPO_ROOT, 'bench', 'vanilla', 'article-card-vanilla.js'), 'utf8');
  writeFileSync(path.join(SITE, 'vanilla', 'article-card.js'), `const CARD_CSS = ${JSON.stringify(css)};\n${peer}`);
  // The physical limit needs no shadow root: the same markup in the page, styled by one
  // stylesheet whose :host rules are aimed at the element instead.
  writeFileSync(path.join(SITE, 'static', 'card.css'), css.replaceAll(':host(:dir(rtl))', 'article-card:dir(rtl)').replaceAll(':host', 'article-card'));
  for (const count of COUNTS) {
    const list = payloads(count);
    // loading="eager": every card renders at once, as the static page shows every card at once
    // (the vanilla peer ignores the attribute). By default cards wait until they come near the
    // viewport, which would measure scrolling, not rendering.
    const dynamic = list
      .map((p) => `<article-card loading="eager"><script type="application/json">${inlineJson(p)}</script></article-card>`)
      .join('\n');
    writeFileSync(path.join(SITE, `widget-${count}.html`), page('widget', count, dynamic));
    writeFileSync(path.join(SITE, `vanilla-${count}.html`), page('vanilla', count, dynamic));
    if (staticMarkup) {
      const cards = list
        .map(
          (p, i) =>
            `<article-card>${staticMarkup[i % staticMarkup.length].replaceAll(`${fixtures[i % fixtures.length].id}-${(i % staticMarkup.length) + 1}`, p.id)}</article-card>`,
        )
        .join('\n');
      writeFileSync(path.join(SITE, `static-${count}.html`), page('static', count, cards));
    }
  }
}

// ---- in-page instrumentation ------------------------------------------------------------

// Runs before the page's own scripts. Records long tasks, and the first animation frame after
// every card is rendered (static: parsed; widget and peer: data-state="ready").
const INSTRUMENT = () => {
  const bench = (window.__bench = { done: 0, longTasks: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (bench.marked || document.readyState === 'loading') return;
    const root = document.documentElement;
    const expected = Number(root.dataset.cards);
    const selector = root.dataset.variant === 'static' ? 'article-card' : 'article-card[data-state="ready"]';
    if (document.querySelectorAll(selector).length >= expected) {
      bench.marked = true;
      requestAnimationFrame(() => {
        bench.done = performance.now();
      });
    }
  };
  const observer = new MutationObserver(check);
  document.addEventListener('DOMContentLoaded', () => {
    check();
    observer.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
  // Click → panel visible: from the click event's timestamp to the first frame after the
  // panel's `hidden` attribute goes away.
  window.__nextPanelVisible = (cardIndex) =>
    new Promise((resolve) => {
      const root = document.querySelectorAll('article-card')[cardIndex].shadowRoot;
      const panel = root.querySelectorAll('.section__panel')[1];
      let clicked = 0;
      root.addEventListener('click', (event) => (clicked = event.timeStamp), { capture: true, once: true });
      const seen = new MutationObserver(() => {
        if (!panel.hidden) {
          seen.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - clicked));
        }
      });
      seen.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
    });
};

// ---- measuring ---------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** Opens `file` with the instrumentation, waits until every card is rendered; fails on any error. */
async function openAndWait(browser, origin, file) {
  const session = await openPage(browser, origin, `/${file}`, {
    beforeGoto: (page) => page.addInitScript(INSTRUMENT),
    navigationTimeout: 180_000,
  });
  try {
    await session.page.waitForFunction(() => window.__bench.done > 0, null, { timeout: 180_000, polling: 50 });
    const { log } = session;
    // The glue warns when it must fall back from streaming compilation (wrong MIME type):
    // that would be a slower load than publishers get, so it fails the run.
    const errors = [
      ...log.pageErrors,
      ...log.consoleMessages.filter((m) => m.type === 'error' || m.text.includes('instantiateStreaming')).map((m) => m.text),
    ];
    if (errors.length) throw new Error(`${file}: ${errors.join('\n')}`);
    return session;
  } catch (err) {
    await session.close();
    throw err;
  }
}

async function measureLoad(browser, origin, variant, count) {
  const { context, page, close } = await openAndWait(browser, origin, `${variant}-${count}.html`);
  try {
    const { done, longTasks } = await page.evaluate(() => window.__bench);
    const blocking = longTasks.filter((t) => t.start < done).reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const memory = await measureMemory(page, cdp, { wasm: variant === 'widget' });
    return { done, blocking, longTasks: longTasks.length, heap: memory.jsHeap ?? NaN, wasm: memory.wasm };
  } finally {
    await close();
  }
}

async function measureClicks(browser, origin, variant) {
  const { page, close } = await openAndWait(browser, origin, `${variant}-100.html`);
  try {
    const times = [];
    for (let i = 0; i < CLICKS; i++) {
      const visible = page.evaluate((k) => window.__nextPanelVisible(k), i);
      await page.locator('article-card').nth(i).locator('.section__toggle').nth(1).click();
      times.push(await visible);
    }
    return times;
  } finally {
    await close();
  }
}

/** The widget's own rendering, captured as the static baseline's markup (same DOM, no script). */
async function captureStaticMarkup(browser, origin) {
  const { page, close } = await openAndWait(browser, origin, 'widget-10.html');
  try {
    return await page.evaluate(() =>
      [...document.querySelectorAll('article-card')].slice(0, 2).map((el) => el.shadowRoot.querySelector('.root').outerHTML),
    );
  } finally {
    await close();
  }
}

// ---- sizes -------------------------------------------------------------------------------

function sizes(files) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip, brotli };
}

function firstCardDownloads() {
  return {
    // Any stylesheet the bundle ships counts too (issue 14's first card is loader + glue + wasm
    // + CSS); today the CSS is inside the wasm.
    widget: ['article-card.js', 'article_card.js', 'article_card_bg.wasm', ...readdirSync(BUNDLE).filter((f) => f.endsWith('.css'))].map((f) => path.join(BUNDLE, f)),
    vanilla: [path.join(SITE, 'vanilla', 'article-card.js')],
    // The physical limit: the card's own markup and its stylesheet, nothing else.
    static: [path.join(SITE, 'static', 'card.css')],
  };
}

function staticCardBytes() {
  // One card's markup in the static page (the page around it is the same for every variant).
  const one = readFileSync(path.join(SITE, 'static-1.html'), 'utf8');
  const card = one.slice(one.indexOf('<article-card>'), one.lastIndexOf('</article-card>') + '</article-card>'.length);
  const file = path.join(SITE, 'static', 'one-card.html');
  writeFileSync(file, card);
  return file;
}

// ---- pre-rendering throughput (the authoring CLI) ----------------------------------------

const CLI = path.join(REPO_ROOT, 'target', 'release', 'article-card');

function prerenderThroughput() {
  const dir = path.join(REPO_ROOT, 'target', 'bench', 'payloads');
  const out = path.join(REPO_ROOT, 'target', 'bench', 'rendered');
  const count = QUICK ? 2000 : 20000;
  // The payloads are the same every run: written once, not deleted and rewritten (see below).
  if (!existsSync(dir) || readdirSync(dir).length !== count) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    payloads(count).forEach((p, i) => writeFileSync(path.join(dir, `card-${i + 1}.json`), JSON.stringify(p)));
  }
  // Median of three full renders, each into a folder never used before, after the disk has
  // written back what came before (`sync`). Deleting 20,000 files leaves the file system busy
  // for seconds afterwards (measured here: the same render took 1.7 s into a new folder and
  // 4-9 s into one just emptied), so the folders are only deleted after the last run.
  const times = [];
  let rendered = 0;
  const outs = [];
  for (let r = 0; r < (QUICK ? 1 : 3); r++) {
    const into = `${out}-${r + 1}`;
    outs.push(into);
    spawnSync('sync');
    const start = process.hrtime.bigint();
    const run = spawnSync(CLI, ['render', '--out', into, dir], { cwd: REPO_ROOT, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (run.status !== 0) return { note: `not measured: render failed: ${run.stderr.slice(0, 300)}` };
    rendered = readdirSync(into).filter((f) => f.endsWith('.html')).length;
  }
  outs.forEach((into) => rmSync(into, { recursive: true, force: true }));
  const seconds = median(times);
  const cores = cpus().length;
  return { count, rendered, seconds, cores, perCorePerSecond: rendered / seconds / cores };
}

// ---- the report --------------------------------------------------------------------------

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const ratio = (a, b) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : 'n/a');

function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const chromium = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const rustc = spawnSync('rustc', ['--version'], { encoding: 'utf8' }).stdout.trim();
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${chromium}; Node ${process.version}; ${rustc}`;
}

function report(data) {
  const { size, load, clicks, prerender, memory } = data;
  const lines = [];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  const w = 'widget';
  lines.push('# Benchmarks', '');
  lines.push(
    'Produced by `bash scripts/bench.sh` (which builds the release bundle and command line, then runs `node bench/run.mjs`); do not edit by hand.',
    `Run on ${new Date().toISOString().slice(0, 10)}: ${machine()}. Headless Chromium on localhost, so network time is ~0 and the figures are CPU and bytes.`,
    '',
    'Three ways to show the same cards, measured in the same run:',
    '',
    '- **article-card**: this project, `dist/article-card/` (loader, glue, wasm; the CSS is inside the wasm).',
    '- **vanilla JS peer**: `bench/vanilla/article-card-vanilla.js`, a hand-written custom element rendering the same payloads to the same markup with the same stylesheet (validating far less).',
    '- **static HTML**: the same markup written into the page, styled by the same stylesheet (linked once, its `:host` rules aimed at the element): no script at all, the physical limit.',
    '',
    'Every page holds N cards with inline JSON payloads (the two fixtures, alternating; the article-card cards have `loading="eager"`, so that every card renders at once, as on the other two pages). Times are from navigation start to the first animation frame after every card is rendered, median of ' +
      `${RUNS} runs (${RUNS_LARGE} for 1,000 cards), each in a fresh browser context with an empty cache.`,
    '',
    '## Download for the first card',
    '',
  );
  row(['', 'raw', 'gzip', 'brotli']);
  row(['---', '---:', '---:', '---:']);
  for (const v of VARIANTS) row([LABEL[v], kb(size[v].raw), kb(size[v].gzip), kb(size[v].brotli)]);
  row([`${LABEL[w]} ÷ vanilla`, ratio(size[w].raw, size.vanilla.raw), ratio(size[w].gzip, size.vanilla.gzip), ratio(size[w].brotli, size.vanilla.brotli)]);
  const budget = JSON.parse(readFileSync(path.join(REPO_ROOT, 'bench', 'size-budget.json'), 'utf8')).firstCardGzipBytes;
  lines.push(
    '',
    'Static HTML counts the stylesheet and one card\'s markup; the other two count their script files (the payload is the same for all three and not counted).',
    `The size budget enforced by the test command (\`bench/size-budget.json\`) is ${budget.toLocaleString('en')} bytes gzip; this build is ${size[w].gzip.toLocaleString('en')}.`,
    '',
  );
  lines.push('## Time to all cards rendered', '');
  row(['cards', ...VARIANTS.map((v) => LABEL[v]), `${LABEL[w]} ÷ vanilla`, `${LABEL[w]} ÷ static`]);
  row(['---:', '---:', '---:', '---:', '---:', '---:']);
  for (const n of COUNTS) {
    const t = (v) => load[v][n].done;
    row([n.toLocaleString('en'), ...VARIANTS.map((v) => ms(t(v))), ratio(t(w), t('vanilla')), ratio(t(w), t('static'))]);
  }
  lines.push('', '## Main-thread blocking during load', '', 'Total blocking time: the sum of each long task\'s time over 50 ms, until all cards are rendered (count of long tasks in brackets).', '');
  row(['cards', ...VARIANTS.map((v) => LABEL[v])]);
  row(['---:', '---:', '---:', '---:']);
  for (const n of COUNTS) row([n.toLocaleString('en'), ...VARIANTS.map((v) => `${ms(load[v][n].blocking)} (${load[v][n].longTasks})`)]);
  lines.push('', '## Memory after load', '', 'JS heap in use after a forced garbage collection, plus the wasm instance\'s linear memory (article-card only; one instance serves every card).', '');
  row(['cards', ...VARIANTS.map((v) => LABEL[v])]);
  row(['---:', '---:', '---:', '---:']);
  for (const n of [100, 1000]) {
    row([
      n.toLocaleString('en'),
      ...VARIANTS.map((v) => {
        const m = load[v][n];
        return v === 'widget' ? `${mb(m.heap + m.wasm)} (JS ${mb(m.heap)} + wasm ${mb(m.wasm)})` : mb(m.heap);
      }),
    ]);
  }
  // What one more card costs: the difference between the 100- and 1,000-card pages, per card,
  // so that what every page has once (the engine, the loader, the page) is not counted.
  const perCard = (v, key) => (load[v][1000][key] - load[v][100][key]) / 900;
  const kbOf = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  row([
    'per card',
    ...VARIANTS.map((v) =>
      v === 'widget' ? `${kbOf(perCard(v, 'heap') + perCard(v, 'wasm'))} (JS ${kbOf(perCard(v, 'heap'))} + wasm ${kbOf(perCard(v, 'wasm'))})` : kbOf(perCard(v, 'heap')),
    ),
  ]);
  lines.push(
    '',
    'Where a card\'s wasm memory goes, per card (`node bench/memory.mjs`, from a measurement build that counts the allocator: the same code and allocator, the counts exported): **model**, its validated article; **view**, the rest of a shown card (its Yew components\' state and what Yew keeps of its markup, its props and handle); **idle app**, the emptied Yew app a removed card leaves for the next one; **overhead**, the allocator\'s rounding and headers, and the stack and static data spread over the cards; **free**, space left free inside the heap (transient: how far the live bytes rose during load above where they ended). `node bench/memory.mjs --sizes --js` adds the live allocations by size and the JS heap by kind.',
    '',
    ...memory,
  );
  lines.push('', '## Section click to visible panel', '', `From the click event to the first animation frame after the panel is shown: ${CLICKS} clicks on different cards of the 100-card page.`, '');
  row(['', 'median', '95th percentile']);
  row(['---', '---:', '---:']);
  for (const v of ['widget', 'vanilla']) row([LABEL[v], ms(median(clicks[v])), ms(percentile(clicks[v], 95))]);
  lines.push('', 'Static HTML has no behaviour to measure here.', '');
  lines.push('## Pre-rendering (`article-card render`)', '');
  if (prerender.note) {
    lines.push(prerender.note, '');
  } else {
    lines.push(
      `${prerender.rendered.toLocaleString('en')} payloads rendered to HTML in ${prerender.seconds.toFixed(2)} s (median of three runs) on ${prerender.cores} cores: ` +
        `**${Math.round(prerender.perCorePerSecond).toLocaleString('en')} cards per second per core** (target: 10,000).`,
      '',
    );
  }
  lines.push(...issueSections(data), ...targets(data));
  return lines.join('\n');
}

// ---- issue 14's sections: the loading chain, a pre-rendered page, layout shift -------------

const bytes = (n) => `${n.toLocaleString('en')} B`;
const yesNo = (ok) => (ok ? 'yes' : '**no**');

/** The sections measured for issue 14, as markdown lines; a section not measured is left out. */
function issueSections({ lcp, waterfall, prerendered, cls }) {
  const lines = [];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  if (lcp) {
    const first = lcp.widget[0];
    lines.push(
      '## Loading chain: largest contentful paint',
      '',
      `A one-card page whose card fetches its payload by \`src\`, made from README.md's embed snippets (the script tag of step 1, the card of step 2, the reserve of step 3); "preloaded" adds the two preload hints README gives for a card in the first screen; the vanilla peer's page has the same card and reserve and its one script tag. Lighthouse ${first.version}, ${first.formFactor} preset, throttling method \`${first.throttling}\` (its defaults), on the same Chromium, headless; every file served gzip -9 compressed, as a CDN would. Median of ${lcp.widget.length} runs each, interleaved (article-card, preloaded, vanilla, article-card, …).`,
      '',
    );
    row(['', 'largest contentful paint', 'first contentful paint', 'runs (LCP)', 'LCP element']);
    row(['---', '---:', '---:', '---', '---']);
    for (const v of LCP_VARIANTS) {
      const runs = lcp[v];
      const elements = [...new Set(runs.map((r) => r.lcpElement ?? 'not reported'))].join('; ');
      row([LABEL[v], ms(median(runs.map((r) => r.lcp))), ms(median(runs.map((r) => r.fcp))), runs.map((r) => r.lcp.toFixed(0)).join(', '), elements.replaceAll('|', '\\|')]);
    }
    const ratio = (v) => median(lcp[v].map((r) => r.lcp)) / median(lcp.vanilla.map((r) => r.lcp));
    lines.push(
      '',
      `article-card ÷ vanilla: **${ratio('widget').toFixed(2)}×**; preloaded ÷ vanilla: **${ratio('hints').toFixed(2)}×** (target ≤ 1.25×).`,
      '',
      'The longest request chain Lighthouse found (its network dependency tree; each request waited for the one before it):',
      '',
      ...LCP_VARIANTS.map((v) => `- ${LABEL[v]}: ${lcp[v][0].chain.map((p) => `\`${p}\``).join(' → ')}`),
      '',
      `Lighthouse's CPU benchmark index on this machine (median over the runs): ${median(LCP_VARIANTS.flatMap((v) => lcp[v]).map((r) => r.benchmarkIndex)).toFixed(0)}; simulated throttling multiplies the CPU time it observed, so the shared machine's load shows in both columns alike.`,
      '',
    );
    const warnings = [...new Set(LCP_VARIANTS.flatMap((v) => lcp[v]).flatMap((r) => r.warnings))];
    if (warnings.length) lines.push(`Lighthouse warned: ${warnings.join(' ')}`, '');
  }
  if (waterfall) {
    lines.push(
      '## Loading chain: the requests of the article-card page',
      '',
      `The same page under the mobile preset's network as DevTools applies it (${MOBILE_NETWORK.latency} ms per request, ${((MOBILE_NETWORK.downloadThroughput * 8) / 1024).toFixed(0)} Kbps down), in the tests' harness, until the card is ready: each request's start and end in ms after the loader's request started, and its initiator as Chromium records it.`,
      '',
    );
    row(['request', 'initiator', 'starts', 'ends']);
    row(['---', '---', '---:', '---:']);
    for (const r of waterfall.rows) row([`\`${r.path}\``, r.initiator, ms(r.start), ms(r.end)]);
    const verdict = (waits, what) =>
      waits === null ? 'not measured (no such request)' : waits ? `**waits** for the ${what} (starts after it has arrived)` : `does not wait for the ${what} (starts before it has arrived)`;
    lines.push('', `- The payload request ${verdict(waterfall.payloadWaitsForWasm, 'wasm')}.`, `- The wasm request ${verdict(waterfall.wasmWaitsForGlue, 'glue')}.`, '');
  }
  if (prerendered) {
    const p = prerendered;
    const sum = (rs) => rs.reduce((n, r) => n + r.bytes, 0);
    lines.push(
      '## A page of pre-rendered cards',
      '',
      `${p.cards} cards pre-rendered by \`article-card render\` (the two fixtures, alternating) between paragraphs, with the loader's script tag, at a phone's width (390 × 844); every file served gzip -9 compressed. A reader opens the page, scrolls to the end three quarters of a screen at a time and back, and then clicks the first card's second section. Script is every \`.js\` and \`.wasm\` the browser fetched, by its own Resource Timing (the body as transferred); times from navigation start.`,
      '',
    );
    row(['script', 'while only reading', 'after the click', 'requested at']);
    row(['---', '---:', '---:', '---:']);
    for (const r of p.reading) row([`\`${r.path}\``, bytes(r.bytes), '', ms(r.start)]);
    for (const r of p.afterClick) row([`\`${r.path}\``, '', bytes(r.bytes), ms(r.start)]);
    row(['**total**', `**${bytes(sum(p.reading))}**`, `**${bytes(sum(p.afterClick))}**`, '']);
    const takeover =
      p.takenOver === null
        ? 'the first card was never taken over'
        : p.takenOver < p.clickedAt
          ? `the widget had taken the first card over ${ms(p.takenOver)} after navigation, before the click (at ${ms(p.clickedAt)})`
          : `the widget took the first card over ${ms(p.takenOver - p.clickedAt)} after the click`;
    lines.push(
      '',
      `While the reader only read, the widget took over ${p.takenOverWhileReading} of ${p.cards} cards. The clicked section ${p.opened ? 'opened' : '**did not open** within 20 s'}; ${takeover}${p.untilTakeover === null ? '' : `, with ${bytes(p.untilTakeover)} of script downloaded by then`}.`,
      ...(p.errors.length ? ['', `Errors on the page: ${p.errors.join('; ')}`] : []),
      '',
    );
  }
  if (cls) {
    lines.push(
      '## Layout shift on twenty.html',
      '',
      '`examples/twenty.html` (twenty cards by `src` and inline, lazily rendered, their space reserved by its stylesheet), measured as `tests/e2e/layout-shift.test.mjs` does (its helper `tests/e2e/layout-shift.mjs`: the wasm held back 300 ms so the page paints first, scrolled to the bottom and back, cumulative layout shift from the first paint until every card is ready).',
      '',
    );
    row(['viewport', 'CLS', 'shifts']);
    row(['---', '---:', '---:']);
    for (const c of cls) row([c.viewport, c.value.toFixed(2), String(c.shifts)]);
    lines.push('');
  }
  return lines;
}

/** Issue 14's targets (they supersede the older ones), then the older ones still standing. */
function targets({ size, load, clicks, prerender, lcp, prerendered, cls }) {
  const lines = ['## Targets', '', 'Issue 14\'s targets, then the earlier ones that still stand; "not measured" when this run left the section out.', ''];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  row(['target', 'measured', 'met']);
  row(['---', '---', '---']);
  const target = (name, value, ok) => row([name, value ?? 'not measured', value == null ? '' : yesNo(ok)]);
  const w = 'widget';
  target('first card ≤ 80 KB gzip (loader + glue + wasm + CSS)', size && kb(size[w].gzip), size?.[w].gzip <= 80_000);
  const script = prerendered && prerendered.reading.reduce((n, r) => n + r.bytes, 0);
  target('pre-rendered cards: ≤ 5 KB of script until interaction', prerendered && `${kb(script)} (gzip, transferred)`, script <= 5_000);
  target('pre-rendered cards: the clicked section opens', prerendered && (prerendered.opened ? 'opened' : 'did not open'), prerendered?.opened);
  const lcpRatio = (v) => median(lcp[v].map((r) => r.lcp)) / median(lcp.vanilla.map((r) => r.lcp));
  target('LCP of the one-card `src` page ≤ 1.25× vanilla (Lighthouse mobile)', lcp && `${lcpRatio('widget').toFixed(2)}×`, lcp && lcpRatio('widget') <= 1.25);
  target('… with README\'s preload hints', lcp && `${lcpRatio('hints').toFixed(2)}×`, lcp && lcpRatio('hints') <= 1.25);
  const loaded = load && Object.keys(load[w]).length > 0;
  const mem1000 = loaded && load[w][1000].heap + load[w][1000].wasm;
  target('1,000 cards ≤ 15 MB (JS heap + wasm)', loaded ? mb(mem1000) : null, mem1000 <= 15e6);
  const t100 = loaded && load[w][100].done;
  target('100 cards ≤ 1.25× vanilla', loaded ? ratio(t100, load.vanilla[100].done) : null, t100 <= 1.25 * load?.vanilla[100]?.done);
  target('click → visible ≤ 16 ms (median)', clicks && ms(median(clicks[w])), clicks && median(clicks[w]) <= 16);
  const worstCls = cls && Math.max(...cls.map((c) => c.value));
  target('CLS 0.00 on twenty.html', cls && worstCls.toFixed(2), worstCls !== null && worstCls < 0.005);
  target('(earlier) 100 cards ≤ 3× static', loaded ? ratio(t100, load.static[100].done) : null, t100 <= 3 * load?.static[100]?.done);
  const perCore = prerender && !prerender.note ? prerender.perCorePerSecond : null;
  target('(earlier) pre-render ≥ 10,000 cards/s/core', perCore === null ? null : Math.round(perCore).toLocaleString('en'), perCore >= 10_000);
  lines.push('');
  return lines;
}

/** CLS on examples/twenty.html at each of the layout-shift test's viewports. */
async function measureTwentyCls(browser) {
  const server = await startServer({ mounts: BUNDLE_MOUNTS });
  try {
    const out = [];
    for (const viewport of VIEWPORTS) {
      const { session, cls } = await measureLayoutShift({ browser, server }, '/twenty.html', viewport, 20);
      await session.close();
      out.push({ viewport: `${viewport.width} × ${viewport.height}`, value: cls.value, shifts: cls.shifts.length });
      console.log(`twenty.html at ${viewport.width}×${viewport.height}: CLS ${cls.value.toFixed(4)}`);
    }
    return out;
  } finally {
    await server.close();
  }
}

/**
 * The sections of issue 14, each when BENCH_ONLY allows it: Lighthouse's LCP and the waterfall of
 * the one-card `src` page, and the pre-rendered page (both over a gzip server), and CLS on
 * twenty.html.
 */
async function measureIssueSections(browser) {
  const out = { lcp: null, waterfall: null, prerendered: null, cls: null };
  if (measuring('lcp') || measuring('prerendered')) {
    buildLcpPages(SITE, SEED);
    buildPrerenderedPage(SITE, CLI, payloads(PRERENDERED_CARDS));
    const gz = await startGzipServer({ '/article-card/': BUNDLE, '/': SITE });
    try {
      if (measuring('lcp')) {
        if (!lighthouseInstalled()) throw new Error('bench/lighthouse/ is not installed: run bash scripts/bench.sh, which installs it');
        let t = performance.now();
        out.lcp = await measureLcp(gz.origin, LCP_RUNS);
        console.log(`lighthouse: ${((performance.now() - t) / 1000).toFixed(0)} s`);
        t = performance.now();
        out.waterfall = await measureWaterfall(browser, gz.origin);
        console.log(`waterfall: ${((performance.now() - t) / 1000).toFixed(0)} s`);
      }
      if (measuring('prerendered')) {
        const t = performance.now();
        out.prerendered = await measurePrerendered(browser, gz.origin);
        console.log(`pre-rendered page: ${((performance.now() - t) / 1000).toFixed(0)} s`);
      }
    } finally {
      await gz.close();
    }
  }
  if (measuring('cls')) out.cls = await measureTwentyCls(browser);
  return out;
}

// ---- main --------------------------------------------------------------------------------

async function main() {
  const began = performance.now();
  assertBundleBuilt();
  if (!existsSync(CLI)) throw new Error(`${path.relative(REPO_ROOT, CLI)} is not built: run bash scripts/bench.sh, which builds it`);
  buildSite(null);
  const server = await startServer({ mounts: { '/article-card/': BUNDLE, '/': SITE } });
  const browser = await launchBrowser();
  try {
    buildSite(await captureStaticMarkup(browser, server.origin));
    const size = Object.fromEntries(Object.entries(firstCardDownloads()).map(([v, files]) => [v, sizes(files)]));
    const staticCard = sizes([staticCardBytes()]);
    for (const key of ['raw', 'gzip', 'brotli']) size.static[key] += staticCard[key];

    const load = Object.fromEntries(VARIANTS.map((v) => [v, {}]));
    for (const n of measuring('load') ? COUNTS : []) {
      // Round-robin over the variants, run by run: a slow spell on a shared machine then slows
      // every variant alike instead of one of them.
      const runsOf = Object.fromEntries(VARIANTS.map((v) => [v, []]));
      for (let r = 0; r < (n >= 1000 ? RUNS_LARGE : RUNS); r++) {
        for (const v of VARIANTS) runsOf[v].push(await measureLoad(browser, server.origin, v, n));
      }
      for (const v of VARIANTS) {
        const runs = runsOf[v];
        load[v][n] = {
          done: median(runs.map((x) => x.done)),
          blocking: median(runs.map((x) => x.blocking)),
          longTasks: median(runs.map((x) => x.longTasks)),
          heap: median(runs.map((x) => x.heap)),
          wasm: median(runs.map((x) => x.wasm)),
        };
        console.log(`${LABEL[v]}, ${n} cards: ${ms(load[v][n].done)}`);
      }
    }
    const clicks = measuring('clicks') ? { widget: await measureClicks(browser, server.origin, 'widget'), vanilla: await measureClicks(browser, server.origin, 'vanilla') } : null;
    const prerender = measuring('prerender') ? prerenderThroughput() : null;
    const memory = measuring('load') ? await breakdownTable(browser, SITE, [100, 1000]) : null;
    const issue = await measureIssueSections(browser);
    if (ONLY.length === 0) {
      const text = report({ size, load, clicks, prerender, memory, ...issue });
      writeFileSync(OUT, text);
      console.log(`\n${text}\nwrote ${path.relative(REPO_ROOT, OUT)}`);
    } else {
      const text = [...issueSections(issue), ...targets({ size, load: measuring('load') ? load : null, clicks, prerender, ...issue })].join('\n');
      console.log(`\n${text}\n(BENCH_ONLY=${ONLY.join(',')}: docs/benchmarks.md left as it was)`);
    }
    console.log(`bench: ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    await browser.close();
    await server.close();
  }
}

// Run, unless imported for its page builder (bench/memory.mjs).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
