// The built loader imported where there is no DOM (a server render, a test runner, an edge
// function: Node here, with no HTMLElement, customElements, window or IntersectionObserver) and
// imported twice where there is one. Each case runs in a fresh Node process, so that no global
// one case sets leaks into another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(repo, process.env.ARTICLE_CARD_BUNDLE || 'dist/article-card');
const loader = pathToFileURL(path.join(bundle, 'article-card.js')).href;
const glue = pathToFileURL(path.join(bundle, 'article_card.js')).href;

/** Runs `source` as an ES module in a new Node process; resolves to what it printed, as JSON. */
function runModule(source) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' });
  return JSON.parse(out);
}

test('imported with no DOM, the loader and the glue throw nothing and define nothing', () => {
  const result = runModule(`
    const names = ['HTMLElement', 'customElements', 'window', 'document', 'IntersectionObserver', 'addEventListener'];
    const absent = names.filter((name) => !(name in globalThis));
    const a = await import('${loader}?a');
    const b = await import('${loader}?b');
    const glue = await import('${glue}');
    console.log(JSON.stringify({
      absent,
      exported: typeof a.ArticleCardElement,
      sameAcrossUrls: a.ArticleCardElement === b.ArticleCardElement,
      wasmUrl: String(a.ArticleCardElement.wasmUrl),
      glueInit: typeof glue.default,
      definedGlobals: names.filter((name) => name in globalThis),
    }));
  `);
  assert.deepEqual(result.absent, ['HTMLElement', 'customElements', 'window', 'document', 'IntersectionObserver', 'addEventListener']);
  assert.equal(result.exported, 'function');
  // Two URLs are two module instances, each with its own class: nothing to share with no DOM.
  assert.equal(result.sameAcrossUrls, false);
  assert.equal(result.wasmUrl, new URL('article_card_bg.wasm', loader).href);
  assert.equal(result.glueInit, 'function');
  assert.deepEqual(result.definedGlobals, [], 'importing the loader set a browser global');
});

test('with a DOM, any number of imports and copies define the element once and listen to the page once', () => {
  // A second copy of the bundle, as a page that bundles article-card twice would have.
  const copy = mkdtempSync(path.join(tmpdir(), 'article-card-copy-'));
  try {
    cpSync(bundle, copy, { recursive: true });
    const copyLoader = pathToFileURL(path.join(copy, 'article-card.js')).href;
    const result = runModule(`
      // Just enough of a browser for the loader's top level: a registry and page listeners.
      const registry = new Map();
      const defines = [];
      const listeners = [];
      globalThis.HTMLElement = class {};
      globalThis.customElements = {
        get: (name) => registry.get(name),
        define: (name, cls) => {
          if (registry.has(name)) throw new Error(name + ' is already defined');
          defines.push(name);
          registry.set(name, cls);
        },
      };
      globalThis.addEventListener = (type) => listeners.push(type);
      const a = await import('${loader}?a');
      const b = await import('${loader}?b');
      const c = await import('${copyLoader}');
      const defined = customElements.get('article-card');
      console.log(JSON.stringify({
        defines,
        listeners: listeners.sort(),
        exportsTheDefinedClass: [a, b, c].every((m) => m.ArticleCardElement === defined),
      }));
    `);
    assert.deepEqual(result, {
      defines: ['article-card'],
      listeners: ['beforeprint', 'error', 'hashchange', 'unhandledrejection'],
      exportsTheDefinedClass: true,
    });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
