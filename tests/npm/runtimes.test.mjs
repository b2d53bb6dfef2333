// The package's main entry imported where there is no DOM, in the runtimes a developer's server
// or edge code runs on: Node, and Bun and Deno (real binaries, from npm, in the typings project).
// Each imports `article-card` by name from the project, so its own resolution of the package's
// `exports` is used. Importing must not throw, must define nothing, and must still give the class
// to type against and to set `wasmUrl` on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { typingsProject } from './packed.mjs';

const TIMEOUT = { timeout: 120_000 };

/** What the import leaves behind, as one line the runtime prints. */
const PROBE = `
  const module = await import('article-card');
  console.log([
    typeof module.ArticleCardElement,
    typeof globalThis.customElements,
    typeof globalThis.HTMLElement,
    String(module.ArticleCardElement.wasmUrl).endsWith('/article_card_bg.wasm'),
  ].join(' '));
`;

// The runtime's executable (Node: this one; the others: the project's), and its arguments.
const RUNTIMES = {
  node: () => [process.execPath, ['--input-type=module', '-e', PROBE]],
  bun: (project) => [join(project, 'node_modules', '.bin', 'bun'), ['-e', PROBE]],
  deno: (project) => [join(project, 'node_modules', '.bin', 'deno'), ['eval', '--quiet', PROBE]],
};

for (const [name, command] of Object.entries(RUNTIMES)) {
  test(`importing the package in ${name} does not throw and defines nothing`, TIMEOUT, () => {
    const project = typingsProject();
    const [tool, args] = command(project);
    const output = execFileSync(tool, args, {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    }).trim();
    assert.equal(output.split('\n').at(-1), 'function undefined undefined true', output);
  });
}
