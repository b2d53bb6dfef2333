// The release bundle's short wasm names (scripts/short-wasm-names.mjs): the wasm and the glue are
// renamed separately, so a mismatch would only show when a reader's browser instantiates the wasm.
// Here Node links the very files a reader gets: the glue's own import object, handed to
// `WebAssembly.Instance`, must provide every import the wasm declares, by its short name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(repo, process.env.ARTICLE_CARD_BUNDLE || 'dist/article-card');
const module = new WebAssembly.Module(readFileSync(path.join(bundle, 'article_card_bg.wasm')));
const glueSource = readFileSync(path.join(bundle, 'article_card.js'), 'utf8');

/** The import object the glue builds for the wasm, caught before the wasm runs. */
async function glueImports() {
  const { initSync } = await import(pathToFileURL(path.join(bundle, 'article_card.js')).href);
  const Instance = WebAssembly.Instance;
  const caught = new Error('caught');
  let imports;
  WebAssembly.Instance = function (_module, given) {
    imports = given;
    throw caught;
  };
  try {
    assert.throws(() => initSync({ module }), (error) => error === caught);
  } finally {
    WebAssembly.Instance = Instance;
  }
  return imports;
}

test("the glue's import object provides every import the wasm declares, by name", async () => {
  const imports = await glueImports();
  const declared = WebAssembly.Module.imports(module);
  assert.ok(declared.length > 100, `the wasm declares ${declared.length} imports`);
  const missing = declared
    .filter(({ module: from, name, kind }) => kind !== 'function' || typeof imports?.[from]?.[name] !== 'function')
    .map(({ module: from, name }) => `${from}.${name}`);
  assert.deepEqual(missing, [], 'imports the glue does not provide');
  // And the real link succeeds (only what runs after linking needs a DOM).
  try {
    new WebAssembly.Instance(module, imports);
  } catch (error) {
    assert.ok(!(error instanceof WebAssembly.LinkError), error.message);
  }
});

test("neither the wasm nor the glue keeps wasm-bindgen's long hex names", () => {
  const names = [
    ...WebAssembly.Module.imports(module).flatMap(({ module: from, name }) => [from, name]),
    ...WebAssembly.Module.exports(module).map(({ name }) => name),
  ];
  // `memory` keeps its name: tests/e2e/browser.mjs reads it from the exports init() returns.
  const long = names.filter((name) => name.length > 3 && name !== 'memory');
  assert.deepEqual(long, [], 'wasm names longer than 3 characters');
  assert.doesNotMatch(glueSource, /__wbg_\w*_[0-9a-f]{16}\b/);
  assert.doesNotMatch(glueSource, /article_card_bg\.js/);
});
