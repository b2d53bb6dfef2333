// Lets the loader restart the card engine after a trap. Built with immediate-abort, a panic is a
// bare `unreachable` trap: no hook runs, and the instance must not be entered again (a `RefCell`
// may stay borrowed, Yew's scheduler may never run again). wasm-bindgen's
// `--experimental-reset-state-function` already generates `__wbg_reset_state()`, which makes a
// fresh instance of the compiled module and keeps what the dead one left behind (its closures,
// `Card` handles and finalizers) from ever calling the fresh one. What it lacks, this adds to the
// generated glue:
//   - `onTrap(handler)`: every call into the instance (an export called by the loader, the
//     closure behind a DOM listener, a promise callback or a microtask) is watched; the first
//     exception to come out of the wasm itself calls `handler(error)`, once. That is a trap (a
//     `RuntimeError`: a panic, running out of memory), a stack overflow (`RangeError`), or a JS
//     exception that unwound Rust frames: in each, Rust code was cut off half-way. From then on
//     that instance is never entered again: any call throws the same error;
//   - a closure of a previous instance does nothing when called (wasm-bindgen throws an Error
//     there, which a host page would see as an uncaught error for every late fetch or timer).
//   node scripts/glue-restart.mjs GLUE.js
//
// The glue is rewritten in exact places, each checked; any surprise (a wasm-bindgen whose glue
// layout changed) stops the build rather than ship a glue that cannot restart.
import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath] = process.argv.slice(2);
if (!gluePath) fail('usage: glue-restart.mjs GLUE.js');

function fail(message) {
  console.error(`glue-restart: ${message}`);
  process.exit(1);
}

let glue = readFileSync(gluePath, 'utf8');

if (!/^export function __wbg_reset_state \(\) \{$/m.test(glue)) {
  fail('the glue has no __wbg_reset_state(): run wasm-bindgen with --experimental-reset-state-function');
}
if (/\bonTrap\b|\bwatchTraps\b/.test(glue)) fail('the glue already names onTrap or watchTraps: run once, on fresh glue');

/** Replaces every match of `pattern` (global) with `by`, failing unless there are `count`. */
function replaceExactly(pattern, by, count, what) {
  const found = glue.match(pattern)?.length ?? 0;
  if (found !== count) fail(`expected ${count} ${what}, found ${found}: has wasm-bindgen's glue layout changed?`);
  glue = glue.replace(pattern, by);
}

// Where the glue takes a new instance's exports: the first init, and __wbg_reset_state().
replaceExactly(/^( +wasm = )(instance|wasmInstance)\.exports;$/gm, '$1watchTraps($2.exports);', 2, 'assignments of an instance\'s exports to `wasm`');

// A closure of a previous instance (makeClosure and makeMutClosure) returns instead of throwing.
replaceExactly(
  /throw new Error\('Cannot invoke closure from previous WASM instance'\);/g,
  'return;',
  2,
  'checks for a closure of a previous instance',
);

glue += `
let trapHandler = () => {};

/** Calls \`handler(error)\` when the instance traps (once per instance); see scripts/glue-restart.mjs. */
export function onTrap(handler) {
    trapHandler = handler;
}

// The instance's exports, each function wrapped: the first exception thrown through any of them
// marks the instance dead and is reported; every later call rethrows it without entering. (The
// glue throws a Rust \`Err\` itself, after the call returned: that is no death.)
function watchTraps(exports) {
    let trap;
    const watched = {};
    for (const [name, value] of Object.entries(exports)) {
        watched[name] = typeof value !== 'function' ? value : (...args) => {
            if (trap) throw trap;
            try {
                return value(...args);
            } catch (error) {
                if (!trap) {
                    trap = error;
                    trapHandler(error);
                }
                throw error;
            }
        };
    }
    return watched;
}
`;

writeFileSync(gluePath, glue);
