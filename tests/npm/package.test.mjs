// The packed npm package, dist/article-card-<version>.tgz, as a registry would receive it: its
// file list (nothing extra, nothing missing), package.json, the exports map, the glue's wasm
// reference that bundlers follow, the manifest and the declarations (importing it without a DOM:
// runtimes.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { posix } from 'node:path';

import * as api from '../../npm/element-api.mjs';
import { cargoPackageField } from '../../scripts/npm-package.mjs';
import { TARBALL, VERSION, tarballFiles, tarballText, typingsProject } from './packed.mjs';

const pkg = JSON.parse(tarballText('package.json'));

/** Every string an `exports` entry points to, with its condition names. */
function exportTargets(exports) {
  return Object.entries(exports).flatMap(([entry, value]) =>
    typeof value === 'string' ? [[entry, 'default', value]] : Object.entries(value).map(([c, t]) => [entry, c, t]),
  );
}

/** The package files a file refers to: its relative imports, and `new URL('…', import.meta.url)`. */
function references(file, text) {
  const found = [];
  for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(spec);
  for (const [, spec] of text.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) found.push(spec);
  return found.map((spec) => {
    const resolved = posix.normalize(posix.join(posix.dirname(file), spec));
    // A declaration file imports `./x.js` and means `./x.d.ts`.
    return file.endsWith('.d.ts') ? resolved.replace(/\.js$/, '.d.ts') : resolved;
  });
}

/** The files a package reaches from package.json: its entries, and what they import, transitively. */
function reachedFiles(manifest, files, read) {
  const strip = (path) => path.replace(/^\.\//, '');
  const reached = new Set(['package.json', 'README.md', ...manifest.files.filter((f) => f.startsWith('LICENSE')), strip(manifest.main), strip(manifest.types), manifest.customElements]);
  for (const [, , target] of exportTargets(manifest.exports)) reached.add(strip(target));
  const queue = [...reached];
  while (queue.length) {
    const file = queue.shift();
    if (!/\.(js|ts)$/.test(file) || !files.includes(file)) continue;
    for (const next of references(file, read(file))) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return [...reached].sort();
}

test('the tarball holds exactly the files the package reaches', () => {
  const files = tarballFiles();
  assert.deepEqual(files, reachedFiles(pkg, files, tarballText), 'tarball files (actual) against the files the package reaches');
});

test('control: a stray file, or an export whose file is missing, breaks the file check', () => {
  const files = tarballFiles();
  assert.notDeepEqual([...files, 'article-card-resizer.js'].sort(), reachedFiles(pkg, files, tarballText));
  const exports = { ...pkg.exports, './resizer': './article-card-resizer.js' };
  assert.notDeepEqual(files, reachedFiles({ ...pkg, exports }, files, tarballText));
});

test('package.json: name, Cargo.toml version and license, module entry, side effects, peer', () => {
  assert.equal(pkg.name, 'article-card');
  assert.equal(pkg.version, cargoPackageField('version'));
  assert.equal(pkg.license, `(${cargoPackageField('license')})`);
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.types, './article-card.d.ts');
  assert.equal(pkg.customElements, 'custom-elements.json');
  // Only the loader defines something on import: bundlers may drop any other unused module.
  assert.deepEqual(pkg.sideEffects, ['./article-card.js']);
  assert.equal(pkg.peerDependencies.react, '>=19');
  assert.equal(pkg.peerDependenciesMeta.react.optional, true);
  assert.equal(pkg.dependencies, undefined, 'the package needs nothing at run time');
  for (const field of ['description', 'keywords', 'files']) assert.ok(pkg[field]?.length, field);
});

test('exports: the contract entries, `types` first then `default`, each a file in the tarball', () => {
  assert.deepEqual(Object.keys(pkg.exports), [
    '.',
    './article_card_bg.wasm',
    './react',
    './types/react',
    './types/preact',
    './types/solid',
    './types/vue',
    './types/svelte',
    './custom-elements.json',
    './package.json',
  ]);
  const files = new Set(tarballFiles());
  for (const [entry, condition, target] of exportTargets(pkg.exports)) {
    assert.ok(files.has(target.replace(/^\.\//, '')), `${entry} (${condition}) → ${target} is not in the tarball`);
  }
  for (const [entry, value] of Object.entries(pkg.exports)) {
    if (typeof value === 'string') continue;
    const conditions = Object.keys(value);
    assert.equal(conditions[0], 'types', `${entry}: types must come first`);
    // Type-only entries have nothing to run.
    assert.deepEqual(conditions, entry.startsWith('./types/') ? ['types'] : ['types', 'default'], entry);
  }
});

test("the wasm is named only as new URL('article_card_bg.wasm', import.meta.url), which bundlers copy", () => {
  const pattern = /new URL\((['"])article_card_bg\.wasm\1,\s*import\.meta\.url\)/g;
  for (const file of ['article_card.js', 'article-card.js']) {
    const text = tarballText(file);
    const named = text.split('article_card_bg.wasm').length - 1;
    // Any other form (a string joined at run time, a variable) is invisible to a bundler.
    assert.equal([...text.matchAll(pattern)].length, named, `${file} names the wasm another way`);
    if (file === 'article_card.js') assert.ok(named > 0, 'the glue no longer names the wasm');
  }
  // The glue is loaded on demand, by an import() of a literal path, which bundlers follow too.
  assert.match(tarballText('article-card.js'), /import\(\s*['"]\.\/article_card\.js['"]\s*\)/);
});

test('custom-elements.json is the manifest generated from npm/element-api.mjs, schema 2.x', () => {
  const manifest = JSON.parse(tarballText('custom-elements.json'));
  assert.match(manifest.schemaVersion, /^2\./);
  assert.deepEqual(manifest, api.customElementsManifest());
});

test('custom-elements.json is valid against the published Custom Elements Manifest schema', () => {
  // The schema of the `custom-elements-manifest` package, whose version is the manifest's
  // schemaVersion: what editors and Storybook read the file with.
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('custom-elements-manifest/schema.json'), 'utf8'));
  const manifest = JSON.parse(tarballText('custom-elements.json'));
  assert.equal(manifest.schemaVersion, require('custom-elements-manifest/package.json').version);
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
  // Controls: a module of a kind the schema does not know, an export without its declaration.
  const wrongKind = structuredClone(manifest);
  wrongKind.modules[0].kind = 'commonjs-module';
  assert.equal(validate(wrongKind), false);
  const noDeclaration = structuredClone(manifest);
  delete noDeclaration.modules[0].exports[0].declaration;
  assert.equal(validate(noDeclaration), false);
});

test('article-card.d.ts declares the members and events the manifest lists', () => {
  const dts = tarballText('article-card.d.ts');
  const body = dts.match(/export declare class ArticleCardElement extends HTMLElement \{([\s\S]*?)\n\}/)?.[1];
  assert.ok(body, 'no ArticleCardElement class in article-card.d.ts');
  const declared = new Set(
    [...body.matchAll(/^ {2}(?:static )?(?:readonly )?(?:get |set )?(\w+)[(:]/gm)].map((m) => m[1]),
  );
  declared.delete('observedAttributes');
  const listed = [...api.properties, ...api.methods].map((m) => m.name);
  assert.deepEqual([...declared].sort(), [...listed].sort());
  const map = dts.match(/export interface ArticleCardEventMap \{([\s\S]*?)\n\}/)?.[1] ?? '';
  const events = [...map.matchAll(/^ {2}'([\w-]+)': CustomEvent<(\w+)>;/gm)].map(([, name, detail]) => ({ name, detail }));
  assert.deepEqual(
    events,
    api.events.map(({ name, detail }) => ({ name, detail })),
  );
});

test("each declaration file imports only its own framework's types", () => {
  const own = {
    'article-card.d.ts': [],
    'payload.d.ts': [],
    'react.d.ts': ['react'],
    'types/react.d.ts': ['react'],
    'types/preact.d.ts': ['preact'],
    'types/solid.d.ts': ['solid-js'],
    'types/vue.d.ts': ['vue'],
    'types/svelte.d.ts': ['svelte/elements'],
  };
  const declarations = tarballFiles().filter((file) => file.endsWith('.d.ts'));
  assert.deepEqual(declarations, Object.keys(own).sort());
  for (const file of declarations) {
    // Without comments, which show usage such as `import type {} from 'article-card/types/vue'`.
    const text = tarballText(file).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const modules = [...text.matchAll(/(?:from|declare module)\s+['"]([^'"]+)['"]/g)]
      .map((m) => m[1])
      .filter((spec) => !spec.startsWith('.'));
    assert.deepEqual([...new Set(modules)], own[file], file);
  }
});

test('size of the package', (t) => {
  const packed = statSync(TARBALL).size;
  const listing = execFileSync('tar', ['-tvzf', TARBALL], { encoding: 'utf8' }).trim().split('\n');
  const unpacked = listing.reduce((sum, line) => sum + Number(line.split(/\s+/)[2] || 0), 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const line = `article-card ${VERSION}: ${kb(packed)} packed, ${kb(unpacked)} unpacked, ${listing.length} files`;
  t.diagnostic(line);
  console.log(line);
  // The wasm is most of it; a jump far past this means something that should not ship does.
  assert.ok(unpacked < 600 * 1024, line);
});
