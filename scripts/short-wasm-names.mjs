// Applies wasm-opt's rename map (from --minify-imports-and-exports-and-modules) to the
// wasm-bindgen glue, so the ~150 imports named `__wbg_<name>_<16 hex>` cost a reader a byte or two
// each instead of ~35 in both files (hex does not compress).
//   node scripts/short-wasm-names.mjs GLUE.js WASM MAP.json
//
// The glue is rewritten in three exact places only: the import object's keys, its module name and
// the `wasm.<export>` reads. Everything is checked against the minified wasm itself, and any
// surprise (a name not where the map says, found twice, left over, or a wasm-bindgen whose glue
// layout changed) stops the build: a partial rename would load and then fail at instantiation in
// every reader's browser. The export `memory` keeps its name (see KEEP_EXPORTS).
import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath, wasmPath, mapPath] = process.argv.slice(2);
if (!mapPath) fail('usage: short-wasm-names.mjs GLUE.js WASM MAP.json');

function fail(message) {
  console.error(`short-wasm-names: ${message}`);
  process.exit(1);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const IDENT = /^[A-Za-z_$][\w$]*$/;
// wasm-bindgen's import names: what must not survive in the shipped glue.
const LONG_IMPORT = /__wbg_\w*_[0-9a-f]{16}\b/;

let map;
try {
  map = JSON.parse(readFileSync(mapPath, 'utf8'));
} catch (error) {
  fail(`${mapPath} is not wasm-opt's JSON rename map: ${error.message}`);
}
if (!Array.isArray(map.imports) || !Array.isArray(map.exports)) {
  fail(`${mapPath} lacks "imports" or "exports": has wasm-opt's map format changed?`);
}

// Exports read by name outside the glue keep their names: the glue's init() hands back the
// instance's exports, and tests/e2e/browser.mjs (with the benchmark) reads `memory` from them.
const KEEP_EXPORTS = new Set(['memory']);
const wasmBytes = keepExportNames(
  readFileSync(wasmPath),
  new Map(map.exports.filter(([from]) => KEEP_EXPORTS.has(from)).map(([from, to]) => [to, from])),
);
map.exports = map.exports.map(([from, to]) => [from, KEEP_EXPORTS.has(from) ? from : to]);

// What the minified wasm really declares: the map must describe exactly that.
const module = new WebAssembly.Module(wasmBytes);
const wasmImports = WebAssembly.Module.imports(module);
const wasmExports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
const newModules = [...new Set(wasmImports.map((i) => i.module))];
const oldModules = [...new Set(map.imports.map(([mod]) => mod))];
if (newModules.length !== 1 || oldModules.length !== 1) {
  fail(`expected one import module, the wasm has ${newModules} and the map ${oldModules}`);
}
const [newModule] = newModules;
const [oldModule] = oldModules;
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
if (!sameSet(new Set(map.imports.map(([, , to]) => to)), new Set(wasmImports.map((i) => i.name)))) {
  fail('the map\'s imports are not the wasm\'s imports');
}
if (!sameSet(new Set(map.exports.map(([, to]) => to)), wasmExports)) {
  fail('the map\'s exports are not the wasm\'s exports');
}
for (const name of [newModule, ...wasmExports, ...wasmImports.map((i) => i.name)]) {
  if (!IDENT.test(name)) fail(`short name ${JSON.stringify(name)} is not a plain JS identifier`);
}

let glue = readFileSync(gluePath, 'utf8');

// 1. The import object: its keys are exactly the wasm's imports, each named once in the glue.
const importObject = new RegExp(
  '\\n    const import0 = \\{\\n        __proto__: null,\\n([\\s\\S]*?)\\n    \\};\\n' +
    '    return \\{\\n        __proto__: null,\\n        ' +
    `${escape(JSON.stringify(oldModule))}: import0,\\n    \\};\\n`,
  'g',
);
const blocks = [...glue.matchAll(importObject)];
if (blocks.length !== 1) {
  fail(`found ${blocks.length} import objects for ${oldModule} in the glue, expected 1: has wasm-bindgen's glue layout changed?`);
}
const [block] = blocks;
const KEY = /^ {8}([A-Za-z_$][\w$]*): /gm;
const keys = [...block[1].matchAll(KEY)].map((m) => m[1]);
if (!sameSet(new Set(keys), new Set(map.imports.map(([, from]) => from)))) {
  const known = new Set(map.imports.map(([, from]) => from));
  const extra = keys.filter((k) => !known.has(k));
  const missing = [...known].filter((k) => !keys.includes(k));
  fail(`the glue's import keys differ from the wasm's imports (glue only: ${extra}; wasm only: ${missing})`);
}
for (const [, from] of map.imports) {
  const count = glue.split(from).length - 1;
  if (count !== 1) fail(`import ${from} occurs ${count} times in the glue, expected once (its key)`);
}
const rename = new Map(map.imports.map(([, from, to]) => [from, to]));
const body = block[1].replace(KEY, (line, key) => line.replace(key, rename.get(key)));
const rewritten = block[0]
  .replace(block[1], () => body)
  .replace(`${JSON.stringify(oldModule)}: import0`, () => `${JSON.stringify(newModule)}: import0`);
glue = glue.slice(0, block.index) + rewritten + glue.slice(block.index + block[0].length);

// 2. Exports: the glue reads them as `wasm.<name>` (the loader reads none). Renamed exports the
// glue never reads are fine: nothing else calls into the wasm by name.
if (/(?<![\w$.])wasm\s*\[/.test(glue)) fail('the glue reads a wasm export by computed name');
const unused = [];
for (const [from, to] of map.exports) {
  const read = new RegExp(`(?<![\\w$.])wasm\\.${escape(from)}(?![\\w$])`, 'g');
  if (from === to) continue;
  const before = glue;
  glue = glue.replace(read, `wasm.${to}`);
  if (glue === before) unused.push(from);
}
const reads = [...glue.matchAll(/(?<![\w$.])wasm\.([\w$]+)/g)].map((m) => m[1]);
const stale = [...new Set(reads.filter((name) => !wasmExports.has(name)))];
if (stale.length) fail(`the glue reads exports the wasm no longer has: ${stale}`);

const left = LONG_IMPORT.exec(glue);
if (left) fail(`a long wasm-bindgen name is left in the glue: ${left[0]}`);

writeFileSync(wasmPath, wasmBytes);
writeFileSync(gluePath, glue);
console.log(
  `short-wasm-names: ${map.imports.length} imports and ${map.exports.length - KEEP_EXPORTS.size} exports renamed` +
    (unused.length ? ` (not read by the glue: ${unused.join(', ')})` : ''),
);

/**
 * Gives exports back their old names (`renames`: short name -> old name) by rewriting the wasm's
 * export section (id 7: a vector of name, kind byte, index), as wasm-opt cannot spare any.
 */
function keepExportNames(bytes, renames) {
  const readU32 = (at) => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length) fail(`${wasmPath} ends inside a number`);
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return [value, at];
    }
  };
  const u32 = (value) => {
    const out = [];
    do {
      out.push((value & 0x7f) | (value >= 0x80 ? 0x80 : 0));
      value = Math.floor(value / 128);
    } while (value > 0);
    return Buffer.from(out);
  };
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(at + 1);
    const end = start + size;
    if (id !== 7) {
      at = end;
      continue;
    }
    let [count, p] = readU32(start);
    const entries = [u32(count)];
    const found = new Set();
    while (count-- > 0) {
      const [length, nameAt] = readU32(p);
      const name = bytes.subarray(nameAt, nameAt + length).toString('utf8');
      const [, next] = readU32(nameAt + length + 1);
      const kept = renames.get(name);
      if (kept !== undefined) found.add(name);
      const newName = Buffer.from(kept ?? name, 'utf8');
      entries.push(u32(newName.length), newName, bytes.subarray(nameAt + length, next));
      p = next;
    }
    if (p !== end) fail(`${wasmPath}: the export section does not end where its size says`);
    const missing = [...renames.keys()].filter((name) => !found.has(name));
    if (missing.length) fail(`${wasmPath} has no export ${missing} to rename back`);
    const section = Buffer.concat(entries);
    return Buffer.concat([bytes.subarray(0, at + 1), u32(section.length), section, bytes.subarray(end)]);
  }
  return renames.size ? fail(`${wasmPath} has no export section`) : bytes;
}
