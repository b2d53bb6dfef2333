// The framework example apps (examples/frameworks/<name>/), each a real build from npm against the
// article-card package (scripts/build-examples.sh builds them), driven in headless Chromium
// through the one page contract they all follow (examples/frameworks/README.md):
//   - #src-card (src="story.json") and #state-card (payload from the framework's state) reach
//     ready and show their story's headline; the log's `ready` lines, written by the framework's
//     own event binding, match the events the cards sent, one line each;
//   - #rerender three times (a new object equal to the payload each time) keeps an open section
//     open and sends no new `ready`;
//   - #expand (expandAll() through the framework's ref) opens every section and logs each toggle;
//   - #swap shows the other story with one new `ready`; #toggle-mount removes and restores the
//     card;
//   - no console error or warning and no page error from start to end; for the server-rendered
//     app, the server's HTML already has both <article-card> tags.
// Every app runs from its production build; React and Vue also under Vite's dev server.
// A control shows the re-render check fails on a page whose re-render hands the card an unequal
// payload, and passes on the same page handing it an equal one.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, startServer } from './server.mjs';
import { refusedPort } from './faults-server.mjs';
import {
  WAIT_MS, assertSameOrigin, inCard, launchBrowser, nextFrame, openPage, squash, textOf, waitForExpanded, waitForState,
} from './browser.mjs';

const APPS_DIR = path.join(REPO_ROOT, 'examples', 'frameworks');
// The package as scripts/build-npm.sh lays it out: what every app installs.
const PACKAGE_DIR = path.join(REPO_ROOT, 'dist', 'npm');

// Where each app keeps its three stories: the src card's file, served by the app, and the two
// the state card swaps between (A first).
const STORIES = { src: 'public/story.json', a: 'src/stories/a.json', b: 'src/stories/b.json' };

const NEXT_STORIES = { ...STORIES, a: 'app/stories/a.json', b: 'app/stories/b.json' };

// Every app, and how it is served: a Vite app's dist/ by the static server, the Next.js app by
// its own `next start` (server-rendered: its HTML must already hold the cards' tags). React and
// Vue also run once under Vite's dev server, where they check more and warn (Vue's "Failed to
// resolve component" for a custom element it was not told about is a development warning). Not
// Lit: in development it warns that it is in development mode.
const APPS = [
  { name: 'react', serve: serveDist, stories: STORIES },
  { name: 'react (vite dev)', dir: 'react', serve: serveViteDev, stories: STORIES },
  { name: 'vue', serve: serveDist, stories: STORIES },
  { name: 'vue (vite dev)', dir: 'vue', serve: serveViteDev, stories: STORIES },
  { name: 'svelte', serve: serveDist, stories: STORIES },
  { name: 'lit', serve: serveDist, stories: STORIES },
  { name: 'next', serve: serveNext, stories: NEXT_STORIES, ssr: true },
].map((app) => ({ ...app, dir: path.join(APPS_DIR, app.dir ?? app.name) }));

const TEST_TIMEOUT = { timeout: 180_000 };
const CARD = '#state-card';
const BUILD_HINT = 'run `bash scripts/build-npm.sh && bash scripts/build-examples.sh` first';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Serves the app's Vite build, dist/, at the server's root. */
async function serveDist(appDir) {
  const dist = path.join(appDir, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${path.relative(REPO_ROOT, dist)} is not built: ${BUILD_HINT}`);
  return startServer({ mounts: { '/': dist } });
}

/**
 * Starts a server of the app's own, `node_modules/.bin/<bin>` with the arguments `args(port)`
 * gives for a free port, and waits until it answers.
 */
async function serveWith(appDir, bin, args) {
  const installed = path.join(appDir, 'node_modules', '.bin', bin);
  if (!existsSync(installed)) throw new Error(`${path.relative(REPO_ROOT, installed)} is missing: ${BUILD_HINT}`);
  const port = await refusedPort();
  const origin = `http://127.0.0.1:${port}`;
  // Its own process group, so closing stops the server and any worker it started.
  const child = spawn(installed, args(port), {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await exited;
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${bin} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(origin)).ok) return { origin, close };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${bin} did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The Next.js app's production server, `next start`, on its build. */
function serveNext(appDir) {
  if (!existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
    throw new Error(`${path.relative(REPO_ROOT, appDir)}/.next is not built: ${BUILD_HINT}`);
  }
  return serveWith(appDir, 'next', (port) => ['start', '-p', String(port), '-H', '127.0.0.1']);
}

/** Vite's development server on the app's sources. */
function serveViteDev(appDir) {
  return serveWith(appDir, 'vite', (port) => ['--port', String(port), '--strictPort', '--host', '127.0.0.1']);
}

/**
 * Records every article-card event heard on `document`, from before the app's scripts, as the
 * line the page contract's log would show for it: the log must have exactly these lines.
 */
function recordEvents(page) {
  return page.addInitScript(() => {
    window.__cardEvents = [];
    const line = {
      'article-card-ready': (d) => `ready ${d.id}`,
      'article-card-toggle': (d) => `toggle ${d.section} ${d.open ? 'open' : 'closed'}`,
      'article-card-error': () => 'error',
    };
    for (const [type, describe] of Object.entries(line)) {
      document.addEventListener(type, (event) => {
        // The card itself, also when it sits in a framework component's shadow root.
        const card = event.composedPath()[0];
        const [kind, ...rest] = describe(event.detail ?? {}).split(' ');
        window.__cardEvents.push([kind, card.id, ...rest].join(' '));
      });
    }
  });
}

const sentEvents = (page) => page.evaluate(() => [...window.__cardEvents]);

/** The lines of the page's event log (`#log li`, found inside open shadow roots too). */
const logLines = async (page) => (await page.locator('#log li').allTextContents()).map(squash);

/** Waits until the event log holds `line` (`count` times), and returns the log. */
async function waitForLine(page, line, count = 1, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const lines = await logLines(page);
    if (lines.filter((l) => l === line).length >= count) return lines;
    if (Date.now() > deadline) {
      throw new Error(`the event log has no ${count > 1 ? `${count}× ` : ''}"${line}" within ${timeout} ms; it has ${JSON.stringify(lines)}`);
    }
    await nextFrame(page);
  }
}


/**
 * Lets whatever a click set off finish: two frames and a task, more than the card needs to
 * rebuild and send `ready` (the control below shows a rebuild is caught in this time).
 */
const settle = (page) =>
  page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))),
  );

const headline = (page, card) => textOf(inCard(page, card, '.card__headline'));
const toggles = (page, card) => inCard(page, card, 'button.section__toggle');
const readyLines = (lines, card) => lines.filter((l) => l.startsWith(`ready ${card.slice(1)} `));

/**
 * Clicks #rerender three times: the open section `toggle` stays open, the card sends no new
 * `ready` and #renders counts 3. Shared with the control, which shows it can fail.
 */
async function checkRerenderKeepsState(page, toggle) {
  const readyBefore = readyLines(await logLines(page), CARD).length;
  const rendersBefore = Number(await textOf(page.locator('#renders')));
  for (let i = 0; i < 3; i += 1) await page.locator('#rerender').click();
  await settle(page);
  assert.equal(Number(await textOf(page.locator('#renders'))), rendersBefore + 3, '#renders after three re-renders');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the open section stays open after re-renders');
  assert.deepEqual(
    readyLines(await logLines(page), CARD).slice(readyBefore),
    [],
    'a re-render with an equal payload sends no new ready',
  );
}

const readStory = (app, which) => JSON.parse(readFileSync(path.join(app.dir, app.stories[which]), 'utf8'));

for (const app of APPS) {
  test(`${app.name}: the page contract holds`, TEST_TIMEOUT, async () => {
    const [src, a, b] = ['src', 'a', 'b'].map((which) => readStory(app, which));
    const server = await app.serve(app.dir);
    try {
      if (app.ssr) {
        const html = await (await fetch(`${server.origin}/`)).text();
        for (const id of ['src-card', 'state-card']) {
          assert.match(html, new RegExp(`<article-card[^>]*\\bid="${id}"`), `the server's HTML has #${id}`);
        }
      }
      const session = await openPage(browser, server.origin, '/', { beforeGoto: recordEvents });
      const { page, log } = session;
      try {
        // Both cards ready, with their own stories, each `ready` logged once by the framework.
        await waitForState(page, '#src-card', 'ready');
        await waitForState(page, CARD, 'ready');
        assert.equal(await headline(page, '#src-card'), src.headline);
        assert.equal(await headline(page, CARD), a.headline);
        await waitForLine(page, `ready src-card ${src.id}`);
        await waitForLine(page, `ready state-card ${a.id}`);

        // Open a section, then re-render the parent three times.
        assert.equal(await textOf(page.locator('#renders')), '0', '#renders before any re-render');
        const first = toggles(page, CARD).first();
        await first.click();
        await waitForExpanded(first, 'true');
        await waitForLine(page, `toggle state-card ${a.sections[0].id} open`);
        await checkRerenderKeepsState(page, first);

        // expandAll() through the framework's ref: every other section opens and says so.
        await page.locator('#expand').click();
        const all = toggles(page, CARD);
        assert.equal(await all.count(), a.sections.length, 'one toggle per section');
        for (let i = 0; i < a.sections.length; i += 1) await waitForExpanded(all.nth(i), 'true');
        for (const section of a.sections) await waitForLine(page, `toggle state-card ${section.id} open`);

        // Swap to the other story: one new `ready`.
        const readyBefore = readyLines(await logLines(page), CARD).length;
        await page.locator('#swap').click();
        await waitForLine(page, `ready state-card ${b.id}`);
        assert.equal(await headline(page, CARD), b.headline);
        await settle(page);
        assert.equal(readyLines(await logLines(page), CARD).length, readyBefore + 1, 'one ready for a swap');

        // Unmount, then mount again: gone, then back and ready with the story it had.
        await page.locator('#toggle-mount').click();
        await page.locator(CARD).waitFor({ state: 'detached' });
        await page.locator('#toggle-mount').click();
        await waitForState(page, CARD, 'ready');
        await waitForLine(page, `ready state-card ${b.id}`, 2);
        assert.equal(await headline(page, CARD), b.headline);

        // The log is the framework's binding: one line per event the cards sent, no more, no fewer.
        await settle(page);
        assert.deepEqual(await logLines(page), await sentEvents(page), 'the log has one line per event sent');
        assert.ok(!(await logLines(page)).some((l) => l.startsWith('error ')), 'no card reported an error');

        // Failed responses first: the console's own line for one does not name the address.
        assert.deepEqual(log.badResponses, [], 'no failed response');
        // The app serves the card's code and .wasm itself: its bundler copied them.
        assertSameOrigin(log, server.origin);
        assert.ok(log.requests.some((url) => new URL(url).pathname.endsWith('.wasm')), 'the app served the .wasm');
        assert.deepEqual(log.pageErrors, [], 'no uncaught page error');
        const noisy = log.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning');
        assert.deepEqual(noisy, [], 'no console error or warning (hydration, unknown element, ...)');
      } finally {
        await session.close();
      }
    } finally {
      await server.close();
    }
  });
}

/**
 * The smallest page with the contract's #rerender, #renders, #state-card and #log, in plain
 * JavaScript: its re-render hands the card a copy of the payload, `equal` or with a changed dek.
 */
function controlPage(story, equal) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>re-render control</title></head><body>
<button id="rerender" type="button">Re-render</button> <output id="renders">0</output>
<article-card id="state-card" loading="eager"></article-card>
<ul id="log"></ul>
<script type="module">
  import '/article-card/article-card.js';
  const card = document.getElementById('state-card');
  card.addEventListener('article-card-ready', (event) => {
    const li = document.createElement('li');
    li.textContent = 'ready state-card ' + event.detail.id;
    document.getElementById('log').append(li);
  });
  card.payload = ${JSON.stringify(story)};
  let renders = 0;
  document.getElementById('rerender').addEventListener('click', () => {
    renders += 1;
    document.getElementById('renders').textContent = String(renders);
    const p = card.payload;
    card.payload = ${equal ? '{ ...p }' : "{ ...p, dek: p.dek + ' (' + renders + ')' }"};
  });
</script></body></html>`;
}

test('control: the re-render check fails when a re-render hands the card an unequal payload', TEST_TIMEOUT, async () => {
  if (!existsSync(path.join(PACKAGE_DIR, 'article-card.js'))) throw new Error(`no package in dist/npm: ${BUILD_HINT}`);
  const story = readStory(APPS[0], 'a');
  const server = await startServer({ mounts: { '/article-card/': PACKAGE_DIR } });
  try {
    for (const equal of [false, true]) {
      const body = controlPage(story, equal);
      const beforeGoto = (page) =>
        page.route('**/control.html', (route) => route.fulfill({ contentType: 'text/html', body }));
      const session = await openPage(browser, server.origin, '/control.html', { beforeGoto });
      try {
        const { page } = session;
        await waitForState(page, CARD, 'ready');
        await waitForLine(page, `ready state-card ${story.id}`);
        const first = toggles(page, CARD).first();
        await first.click();
        await waitForExpanded(first, 'true');
        const check = checkRerenderKeepsState(page, first);
        if (equal) await check;
        else await assert.rejects(check, assert.AssertionError, 'the check must catch a card that resets');
      } finally {
        await session.close();
      }
    }
  } finally {
    await server.close();
  }
});
