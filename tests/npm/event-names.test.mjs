// The card's event names, bound the way each framework's templates bind events, through the
// frameworks' real compilers (in the typings project): React JSX by Babel (Next.js's SWC and
// Vite's React build compile it in the example apps), Angular's template parser, and Svelte 5's
// compiler, whose warnings count. Each name must compile with no error and no warning and bind
// that exact event; the colon names the card used to send are the control: each compiler
// rejects, warns about or misreads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { events } from '../../npm/element-api.mjs';
import { typingsProject } from './packed.mjs';

const project = createRequire(join(typingsProject(), 'package.json'));
const NAMES = events.map((event) => event.name);
const OLD_NAMES = NAMES.map((name) => name.replace('article-card-', 'article-card:'));

async function load(specifier) {
  return import(project.resolve(specifier));
}

/** Babel's React preset: the prop it passes on, or the error it stops with. */
async function babel(name) {
  const { transformSync } = await load('@babel/core');
  const options = { presets: [project.resolve('@babel/preset-react')], configFile: false, babelrc: false, filename: 'card.jsx' };
  try {
    return transformSync(`<article-card on${name}={f} />;`, options).code;
  } catch (error) {
    return `error: ${error.message}`;
  }
}

/** Angular's template parser: the event and target it binds, and its errors. */
async function angular(name) {
  const { parseTemplate } = await load('@angular/compiler');
  const parsed = parseTemplate(`<article-card (${name})="f($event)"></article-card>`, 'card.html', {});
  const [output] = parsed.nodes[0]?.outputs ?? [];
  return { event: output?.name, target: output?.target ?? null, errors: parsed.errors ?? [] };
}

/** Svelte 5's compiler: its warnings' codes, or its error. */
async function svelte(name) {
  // Resolved through `require`, svelte/compiler is its CommonJS build: its exports are the default.
  const compiler = await load('svelte/compiler');
  const { compile } = compiler.default ?? compiler;
  try {
    const { warnings } = compile(`<script>let f = () => {};</script>\n<article-card on${name}={f}></article-card>`, {});
    return warnings.map((warning) => warning.code);
  } catch (error) {
    return [`error: ${error.message}`];
  }
}

test('React JSX (Babel): on<event> compiles to a prop of that exact name', async () => {
  for (const name of NAMES) assert.match(await babel(name), new RegExp(`"on${name}": f`));
  for (const name of OLD_NAMES) assert.match(await babel(name), /^error: .*Namespace tags are not supported/);
});

test('Angular: (event) binds that exact event on the element, with no error', async () => {
  for (const name of NAMES) assert.deepEqual(await angular(name), { event: name, target: null, errors: [] });
  // A colon reads as target:event, so the old names bound `ready` on a target named article-card.
  for (const name of OLD_NAMES) assert.notEqual((await angular(name)).event, name);
});

test('Svelte 5: on<event> compiles with no warning', async () => {
  for (const name of NAMES) assert.deepEqual(await svelte(name), []);
  for (const name of OLD_NAMES) assert.deepEqual(await svelte(name), ['attribute_illegal_colon']);
});
