// `article-card/react` on the server: what it renders. React 19 prints neither properties nor
// listeners for a custom element, so the wrapper must print only the tag and its attributes, and
// set `payload` and the listeners in an effect. What it does in the browser (property, ref,
// events, re-render, unmount, hydration of server HTML) is driven in Chromium by the React and
// Next.js example apps (tests/e2e/frameworks.test.mjs), not in a stand-in DOM.
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

test('server rendering prints the tag with its attributes (aria-*, data-* too), and no payload or handler', () => {
  const html = runInProject(`
    import { createElement } from 'react';
    import { renderToString } from 'react-dom/server';
    import { ArticleCard } from 'article-card/react';
    const story = { version: 1, headline: 'H', source: { name: 'S', url: 'https://example.com/' } };
    console.log(renderToString(createElement(ArticleCard, {
      id: 'state-card', className: 'card', style: { maxWidth: '40em' }, src: 'story.json',
      loading: 'eager', 'aria-label': 'Story', 'data-slot': 'lead', payload: story,
      onReady() {}, onToggle() {}, onLink() {}, onError() {},
    })));
  `);
  assert.equal(
    html,
    '<article-card id="state-card" class="card" style="max-width:40em" src="story.json" loading="eager" aria-label="Story" data-slot="lead"></article-card>',
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
