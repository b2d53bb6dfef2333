// Adds the npm package's own files to a folder that already holds the publisher bundle
// (scripts/build-npm.sh runs scripts/build-bundle.sh into it first):
//   node scripts/npm-package.mjs OUT_DIR
//
// package.json is npm/package.json with the version and license taken from Cargo.toml, so the
// crate and the package can never disagree; the hand-written files in npm/ named by its `files`
// (and the repository's LICENSE-* texts) are copied as they are; custom-elements.json is
// generated from npm/element-api.mjs.
import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { customElementsManifest } from '../npm/element-api.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'npm');

/** The `[package]` table's `key = "value"` from Cargo.toml. */
export function cargoPackageField(key, cargoToml = readFileSync(join(root, 'Cargo.toml'), 'utf8')) {
  const table = cargoToml.split(/^\[/m).find((part) => part.startsWith('package]'));
  const value = table?.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
  if (!value) throw new Error(`Cargo.toml: no ${key} in [package]`);
  return value;
}

/** An optional `[package]` field of Cargo.toml, or `undefined`. */
function optionalCargoField(key) {
  try {
    return cargoPackageField(key);
  } catch {
    return undefined;
  }
}

/** The package.json that ships: the template with Cargo.toml's version and license. */
export function packageJson() {
  const { name, ...rest } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const license = cargoPackageField('license');
  return {
    name,
    version: cargoPackageField('version'),
    ...rest,
    // SPDX wants a compound expression in parentheses; Cargo writes it bare.
    license: / (OR|AND) /.test(license) ? `(${license})` : license,
    // From Cargo.toml too, when it names one: not from `git remote`, which in a local clone is a
    // folder on the build machine, no address to publish.
    repository: optionalCargoField('repository'),
  };
}

function main(out) {
  if (!out || !existsSync(join(out, 'article_card_bg.wasm'))) {
    throw new Error('usage: node scripts/npm-package.mjs OUT_DIR (a folder built by scripts/build-bundle.sh)');
  }
  const pkg = packageJson();
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  copyFileSync(join(source, 'README.md'), join(out, 'README.md'));
  // The package's own files are in npm/; the licence texts are the repository's.
  for (const entry of pkg.files) {
    const from = [join(source, entry), join(root, entry)].find((path) => existsSync(path));
    if (from && !existsSync(join(out, entry))) cpSync(from, join(out, entry), { recursive: true });
  }
  writeFileSync(join(out, 'custom-elements.json'), `${JSON.stringify(customElementsManifest(), null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv[2]);
