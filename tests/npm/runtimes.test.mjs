// The package's main entry imported where there is no DOM, in the runtimes a developer's server
// or edge code runs on: Bun and Deno (real binaries, from npm, in the typings project), besides
// Node (package.test.mjs). Importing must not throw, must define nothing, and must still give
// the class to type against and to set `wasmUrl` on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { typingsProject } from './packed.mjs';

const TIMEOUT = { timeout: 120_000 };

/** What the import leaves behind, as one line the runtime prints. */
const probe = (entry) => `
  const module = await import(${JSON.stringify(entry)});
  console.log([
    typeof module.ArticleCardElement,
    typeof globalThis.customElements,
    typeof globalThis.HTMLElement,
    String(module.ArticleCardElement.wasmUrl).endsWith('/article_card_bg.wasm'),
  ].join(' '));
`;

const RUNTIMES = {
  bun: (script) => ['bun', ['-e', script]],
  deno: (script) => ['deno', ['eval', '--quiet', script]],
};

for (const [name, command] of Object.entries(RUNTIMES)) {
  test(`importing the package in ${name} does not throw and defines nothing`, TIMEOUT, () => {
    const project = typingsProject();
    const entry = pathToFileURL(join(project, 'node_modules', 'article-card', 'article-card.js')).href;
    const [tool, args] = command(probe(entry));
    const output = execFileSync(join(project, 'node_modules', '.bin', tool), args, {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    }).trim();
    assert.equal(output.split('\n').at(-1), 'function undefined undefined true', output);
  });
}
