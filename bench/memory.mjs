// Where a card's memory goes: the bench's memory figures (JS heap after GC plus the wasm
// instance's linear memory) split per card, and the wasm part split by what holds it.
//
//   node bench/memory.mjs [--build] [--counts 100,1000] [--js] [--sizes]
//
// --js adds what the JS heap holds per card (a heap snapshot by kind) on the last count's page;
// --sizes what a shown card's live wasm allocations are, by size.
//
// The release bundle (dist/article-card/) gives the figures readers get. The split inside the
// wasm needs the allocator's own counts, which the release bundle does not carry: `--build`
// builds a measurement bundle (cargo feature `memory-stats`, src/memory_stats.rs) into
// target/memory-stats/, with the same allocator and profile but no wasm-opt, and this script
// reads it from there. bench/run.mjs calls `wasmBreakdown` when that bundle exists.
//
// Per card, in the wasm:
// - model: one validated article (`modelBytes`: the payload parsed as a card parses it, kept);
// - view: the rest of a shown card (its Yew components' state and retained virtual DOM, its
//   props and its handle): what removing every card gives back, less the model;
// - idle app: what stays after the cards are removed (each Yew app is kept, emptied, for the
//   next card: src/embed/pool.rs);
// - overhead: the allocator's rounding and headers (and, spread over the cards, the stack and
//   static data below the heap): linear memory neither live nor free;
// - free: linear memory free inside the heap after load, left by what was freed (transient:
//   how far the live bytes rose during load above where they ended, which is part of it).
// Model + view + idle app + overhead + free is the linear memory per card; JS is the JS heap.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { BUNDLE_DIR, launchBrowser, measureMemory, openPage } from '../tests/e2e/browser.mjs';
import { GARAGES, SEED } from '../tests/e2e/fixtures.mjs';
import { REPO_ROOT, startServer } from '../tests/e2e/server.mjs';
// A cycle (run.mjs imports this file's measurements), harmless: neither uses the other's
// bindings until its own main runs, after both have loaded.
import { inlineJson, page, payloads } from './run.mjs';

export const STATS_DIR = path.join(REPO_ROOT, 'target', 'memory-stats');
export const STATS_BUNDLE = path.join(STATS_DIR, 'article-card');

/** Builds the measurement bundle into target/memory-stats/article-card/. */
export function buildStatsBundle() {
  const env = { ...process.env, PATH: `${path.join(REPO_ROOT, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  const run = (cmd, args) => {
    const result = spawnSync(cmd, args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
  };
  // The shipped build's compiler, flags and glue, with the counting allocator.
  run('bash', ['scripts/build-bundle.sh', '--memory-stats', STATS_BUNDLE]);
}

export const statsBundleBuilt = () => ['article-card.js', 'article_card.js', 'article_card_bg.wasm'].every((f) => existsSync(path.join(STATS_BUNDLE, f)));

/** Waits until every card of the page is ready (or failed: that fails the measurement). */
async function allReady(page, count) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('article-card[data-state="ready"]').length === n || document.querySelector('article-card[data-state="error"]'),
    count,
    { timeout: 180_000, polling: 100 },
  );
  if (await page.$('article-card[data-state="error"]')) throw new Error('a card failed to render');
}

async function gc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

const stats = (page) =>
  page.evaluate(async () => {
    const glue = await import('/article-card/article_card.js');
    await glue.default();
    return glue.memoryStats();
  });

/**
 * The per-card split inside the wasm, on `file` (a page of `count` eager cards whose payloads
 * are `payloads`), served from `origin` with /article-card/ the measurement bundle.
 */
export async function wasmBreakdown(browser, origin, file, count, payloads) {
  const { page, context, close } = await openPage(browser, origin, `/${file}`, { navigationTimeout: 180_000 });
  try {
    await allReady(page, count);
    const cdp = await context.newCDPSession(page);
    await gc(cdp);
    const loaded = await stats(page);
    const sizesLoaded = await page.evaluate(async () => [...(await import('/article-card/article_card.js')).allocationSizes()]);
    const model = await page.evaluate(async (texts) => {
      const glue = await import('/article-card/article_card.js');
      const each = texts.map((t) => glue.modelBytes(t, 50));
      return each.reduce((a, b) => a + b, 0) / each.length;
    }, payloads.map((p) => JSON.stringify(p)));
    // Every card removed: its handle is freed and its app emptied and kept (one render later).
    await page.evaluate(() => document.querySelectorAll('article-card').forEach((el) => el.remove()));
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await gc(cdp);
    const emptied = await stats(page);
    const sizesEmptied = await page.evaluate(async () => [...(await import('/article-card/article_card.js')).allocationSizes()]);
    // What a shown card holds beyond an emptied one, by allocation size: count per card.
    const bySize = sizesLoaded.map((c, i) => ({ upTo: i * 8, perCard: (c - sizesEmptied[i]) / count }));
    const per = (bytes) => bytes / count;
    return {
      linear: loaded.linear,
      free: loaded.free,
      live: loaded.live,
      peak: loaded.peak,
      allocations: loaded.allocations,
      bySize,
      perCard: {
        model,
        view: per(loaded.live - emptied.live) - model,
        idleApp: per(emptied.live),
        overhead: per(loaded.linear - loaded.free - loaded.live),
        free: per(loaded.free),
        transient: per(loaded.peak - loaded.live),
        allocations: per(loaded.allocations - emptied.allocations),
      },
    };
  } finally {
    await close();
  }
}

/**
 * What the JS heap holds on `file` once its `count` cards are ready: a heap snapshot's self
 * sizes summed by kind and constructor, the largest first, per card.
 */
export async function jsHeapByKind(browser, origin, file, count, top = 15) {
  const { page, context, close } = await openPage(browser, origin, `/${file}`, { navigationTimeout: 180_000 });
  try {
    await allReady(page, count);
    const cdp = await context.newCDPSession(page);
    await gc(cdp);
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const snapshot = JSON.parse(chunks.join(''));
    const fields = snapshot.snapshot.meta.node_fields;
    const types = snapshot.snapshot.meta.node_types[0];
    const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
    const totals = new Map();
    let total = 0;
    for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
      const type = types[snapshot.nodes[i + typeAt]];
      // Blink's own objects (the DOM, layout) are not in the JS heap the bench reads.
      if (type === 'native') continue;
      const name = type === 'object' || type === 'closure' ? snapshot.strings[snapshot.nodes[i + nameAt]] : '';
      const key = `${type} ${name}`.trim().slice(0, 60);
      const size = snapshot.nodes[i + sizeAt];
      total += size;
      const t = totals.get(key) ?? { size: 0, count: 0 };
      t.size += size;
      t.count += 1;
      totals.set(key, t);
    }
    if (process.env.MEMORY_LARGEST) {
      const sizes = [];
      for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
        const type = types[snapshot.nodes[i + typeAt]];
        if (type !== 'native') sizes.push([snapshot.nodes[i + sizeAt], type, snapshot.strings[snapshot.nodes[i + nameAt]].slice(0, 50)]);
      }
      sizes.sort((a, b) => b[0] - a[0]);
      console.log(sizes.slice(0, 12));
    }
    const rows = [...totals].sort((a, b) => b[1].size - a[1].size).slice(0, top);
    return { total, rows: rows.map(([key, t]) => ({ key, perCard: t.size / count, countPerCard: t.count / count })) };
  } finally {
    await close();
  }
}

/** JS heap and wasm memory on `file` once its `count` cards are ready, read as the bench reads them. */
export async function shippedMemory(browser, origin, file, count) {
  const { page, context, close } = await openPage(browser, origin, `/${file}`, { navigationTimeout: 180_000 });
  try {
    await allReady(page, count);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return await measureMemory(page, cdp);
  } finally {
    await close();
  }
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** The table rows bench/run.mjs and this script print: one line per count. */
export function breakdownRows(counts, results) {
  const lines = [
    '| cards | linear memory | model | view | idle app | overhead | free | (transient) | allocations |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  counts.forEach((n, i) => {
    const r = results[i];
    const p = r.perCard;
    lines.push(
      `| ${n.toLocaleString('en')} | ${(r.linear / 1e6).toFixed(1)} MB | ${kb(p.model)} | ${kb(p.view)} | ${kb(p.idleApp)} | ${kb(p.overhead)} | ${kb(p.free)} | ${kb(p.transient)} | ${Math.round(p.allocations)} |`,
    );
  });
  return lines;
}

/**
 * For bench/run.mjs: builds the measurement bundle and splits the wasm of the `counts`-card
 * pages of `site` (widget-N.html, the fixtures alternating), as rows of a Markdown table.
 */
export async function breakdownTable(browser, site, counts) {
  buildStatsBundle();
  const server = await startServer({ mounts: { '/article-card/': STATS_BUNDLE, '/': site } });
  try {
    const results = [];
    for (const n of counts) results.push(await wasmBreakdown(browser, server.origin, `widget-${n}.html`, n, [SEED, GARAGES]));
    return breakdownRows(counts, results);
  } finally {
    await server.close();
  }
}

// ---- run on its own -------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--build') || !statsBundleBuilt()) buildStatsBundle();
  const countsArg = args[args.indexOf('--counts') + 1];
  const counts = args.includes('--counts') ? countsArg.split(',').map(Number) : [100, 1000];
  const site = path.join(STATS_DIR, 'site');
  mkdirSync(site, { recursive: true });
  for (const n of counts) {
    const cards = payloads(n).map((p) => `<article-card loading="eager"><script type="application/json">${inlineJson(p)}</script></article-card>`);
    writeFileSync(path.join(site, `widget-${n}.html`), page('widget', n, cards.join('\n')));
  }
  const server = await startServer({ mounts: { '/article-card/': STATS_BUNDLE, '/': site } });
  const shipped = await startServer({ mounts: { '/article-card/': BUNDLE_DIR, '/': site } });
  const browser = await launchBrowser();
  try {
    // The shipped bundle, as the bench reads it (median of three).
    console.log('| cards | JS heap | wasm | total | JS per card | wasm per card | DOM nodes per card |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const n of counts) {
      const runs = [];
      for (let r = 0; r < 3; r++) runs.push(await shippedMemory(browser, shipped.origin, `widget-${n}.html`, n));
      const med = (key) => runs.map((m) => m[key]).sort((a, b) => a - b)[1];
      const [heap, wasm, nodes] = [med('jsHeap'), med('wasm'), med('nodes')];
      console.log(`| ${n} | ${(heap / 1e6).toFixed(1)} MB | ${(wasm / 1e6).toFixed(1)} MB | ${((heap + wasm) / 1e6).toFixed(1)} MB | ${kb(heap / n)} | ${kb(wasm / n)} | ${(nodes / n).toFixed(0)} |`);
    }
    console.log('');
    const results = [];
    for (const n of counts) results.push(await wasmBreakdown(browser, server.origin, `widget-${n}.html`, n, [SEED, GARAGES]));
    console.log(breakdownRows(counts, results).join('\n'));
    if (args.includes('--sizes')) {
      const last = results[results.length - 1];
      const rows = last.bySize.filter((r) => r.perCard >= 1).sort((a, b) => b.perCard * b.upTo - a.perCard * a.upTo);
      console.log(`\nA shown card's live allocations beyond an emptied one, by size (${counts[counts.length - 1]} cards):`);
      for (const r of rows) console.log(`  ${String(r.upTo - 7).padStart(4)}-${String(r.upTo).padEnd(4)} bytes: ${r.perCard.toFixed(1).padStart(6)} per card`);
    }
    if (args.includes('--js')) {
      const n = counts[counts.length - 1];
      const heap = await jsHeapByKind(browser, server.origin, `widget-${n}.html`, n);
      console.log(`\nJS heap snapshot, ${n} cards: ${(heap.total / 1e6).toFixed(2)} MB; per card, largest kinds:`);
      for (const r of heap.rows) console.log(`  ${r.key.padEnd(60)} ${kb(r.perCard).padStart(9)}  (${r.countPerCard.toFixed(1)} objects)`);
    }
    for (const [i, n] of counts.entries()) console.log(`${n}: linear ${results[i].linear} live ${results[i].live} free ${results[i].free} peak ${results[i].peak} allocations ${results[i].allocations}`);
  } finally {
    await browser.close();
    await server.close();
    await shipped.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
