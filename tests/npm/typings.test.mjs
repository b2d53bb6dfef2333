// The package's types from every framework it has typings for, type-checked for real against
// the packed package in tests/npm/typings/node_modules/article-card, with skipLibCheck off (so
// nothing ever needs to read the minified loader). Each check file has positive uses and
// `@ts-expect-error` negatives (a wrong detail field, a wrong attribute value, a wrong payload):
// if the typings become loose, the directive is unused and the check fails. Svelte markup has
// no such directive, so svelte-check must report exactly the errors of svelte-negative/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { typingsProject } from './packed.mjs';

const TIMEOUT = { timeout: 300_000 };
let cwd;

/** Runs a tool from the project's node_modules/.bin; its exit code and output. */
function run(tool, args) {
  cwd ??= typingsProject();
  const result = spawnSync(join(cwd, 'node_modules', '.bin', tool), args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

for (const project of ['dom', 'react', 'preact', 'solid']) {
  test(`tsc: ${project}`, TIMEOUT, () => {
    const { status, output } = run('tsc', ['-p', project]);
    assert.equal(status, 0, output);
  });
}

test('vue-tsc: a Vue 3 template', TIMEOUT, () => {
  const { status, output } = run('vue-tsc', ['-p', 'vue']);
  assert.equal(status, 0, output);
});

/** svelte-check's machine output: the ERROR and WARNING lines, and the summary. */
function svelteCheck(workspace) {
  const { output } = run('svelte-check', ['--workspace', workspace, '--tsconfig', './tsconfig.json', '--output', 'machine']);
  const problems = output.split('\n').filter((line) => / (ERROR|WARNING) /.test(line));
  return { problems, output };
}

test('svelte-check: Svelte 5 markup', TIMEOUT, () => {
  const { problems, output } = svelteCheck('svelte');
  assert.match(output, /COMPLETED \d+ FILES 0 ERRORS 0 WARNINGS/, output);
  assert.deepEqual(problems, []);
});

test('svelte-check: wrong attribute values and detail fields are errors', TIMEOUT, () => {
  const { problems, output } = svelteCheck('svelte-negative');
  assert.equal(problems.length, 2, output);
  assert.match(problems[0], /"Wrong.svelte" 6:\d+ .*soon.*' is not assignable to type 'ArticleCardLoading/);
  assert.match(problems[1], /"Wrong.svelte" 7:\d+ .*Property 'opened' does not exist on type 'ArticleCardToggleDetail'/);
});
