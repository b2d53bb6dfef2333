// `article-card/react` without a browser: what the server renders. React 19 prints neither
// properties nor listeners for a custom element, so the wrapper must print only the tag and its
// attributes, and set `payload` and the listeners in an effect (driven in Chromium by the
// framework example apps, examples/frameworks/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { typingsProject } from './packed.mjs';

/** Runs `script` as a module in the typings project, where react and the package are installed. */
function runInProject(script) {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: typingsProject(),
    encoding: 'utf8',
  }).trim();
}

test('server rendering prints the tag with its attributes, and no payload or handler', () => {
  const html = runInProject(`
    import { createElement } from 'react';
    import { renderToString } from 'react-dom/server';
    import { ArticleCard } from 'article-card/react';
    const story = { version: 1, headline: 'H', source: { name: 'S', url: 'https://example.com/' } };
    console.log(renderToString(createElement(ArticleCard, {
      id: 'state-card', className: 'card', style: { maxWidth: '40em' }, src: 'story.json',
      loading: 'eager', payload: story, onReady() {}, onToggle() {}, onLink() {}, onError() {},
    })));
  `);
  assert.equal(
    html,
    '<article-card id="state-card" class="card" style="max-width:40em" src="story.json" loading="eager"></article-card>',
  );
});

test('server rendering of a bare card prints a bare tag', () => {
  const html = runInProject(`
    import { createElement } from 'react';
    import { renderToString } from 'react-dom/server';
    import { ArticleCard } from 'article-card/react';
    console.log(renderToString(createElement(ArticleCard, {})));
  `);
  assert.equal(html, '<article-card></article-card>');
});

test('importing the component in a DOM defines nothing: the element is defined from an effect', () => {
  // Defined at import, it would upgrade server-rendered cards before hydration gave them their
  // payload and listeners.
  const defined = runInProject(`
    import { JSDOM } from 'jsdom';
    const dom = new JSDOM('', { url: 'http://localhost/' });
    for (const key of ['window', 'document', 'location', 'HTMLElement', 'customElements', 'CustomEvent']) globalThis[key] = dom.window[key];
    globalThis.addEventListener = dom.window.addEventListener.bind(dom.window);
    await import('article-card/react');
    await new Promise((resolve) => setTimeout(resolve, 50));
    console.log(String(customElements.get('article-card')));
  `);
  assert.equal(defined, 'undefined');
});

test('in a DOM: property, ref, events, re-render, unmount, and hydration of server HTML', () => {
  // The checks are in the script (it needs the project's react-dom and jsdom); it prints "ok".
  const output = execFileSync(process.execPath, ['react/wrapper-client.mjs'], {
    cwd: typingsProject(),
    encoding: 'utf8',
  }).trim();
  assert.equal(output, 'ok');
});
