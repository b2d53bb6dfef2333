// The packed package under test, dist/article-card-<version>.tgz (bash scripts/build-npm.sh),
// and the project in typings/ that installs it as a user would have it in node_modules.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cargoPackageField } from '../../scripts/npm-package.mjs';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VERSION = cargoPackageField('version');
export const TARBALL = join(REPO_ROOT, 'dist', `article-card-${VERSION}.tgz`);
export const TYPINGS = join(REPO_ROOT, 'tests', 'npm', 'typings');

function assertPacked() {
  if (!existsSync(TARBALL)) {
    throw new Error(`${TARBALL} is missing: run \`bash scripts/build-npm.sh\` first.`);
  }
}

/** The tarball's files, relative to the package root, sorted. */
export function tarballFiles() {
  assertPacked();
  return execFileSync('tar', ['-tzf', TARBALL], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();
}

/** One file of the tarball, as text. */
export function tarballText(file) {
  assertPacked();
  return execFileSync('tar', ['-xzOf', TARBALL, `package/${file}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/**
 * The typings project with its dependencies installed and the tarball unpacked as
 * node_modules/article-card. `npm ci` runs only when package-lock.json changed since the last
 * install (a stamp of its hash), so a warm run installs nothing.
 */
export function typingsProject() {
  assertPacked();
  const modules = join(TYPINGS, 'node_modules');
  const stamp = join(modules, '.article-card-lock-stamp');
  const hash = createHash('sha256').update(readFileSync(join(TYPINGS, 'package-lock.json'))).digest('hex');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: TYPINGS, stdio: 'inherit' });
    writeFileSync(stamp, hash);
  }
  const target = join(modules, 'article-card');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', TARBALL, '-C', target, '--strip-components', '1']);
  return TYPINGS;
}
