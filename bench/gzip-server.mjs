// The bench's local server (tests/e2e/server.mjs) serving every file gzip -9 compressed, as a
// CDN or static host does: the figures that depend on bytes on the wire (Lighthouse's simulated
// mobile network, what a reader's browser transferred) then see what a reader would get, not
// the raw files the tests' server sends.
//
// The files are compressed once into a folder per mount and served from there with
// `Content-Encoding: gzip`; the server's own Content-Length (the file's size) is then the
// compressed size, and its Content-Type still comes from the file name.

import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { REPO_ROOT, startServer } from '../tests/e2e/server.mjs';

const GZ_ROOT = path.join(REPO_ROOT, 'target', 'bench', 'gz');

/** Copies every file under `from` into `to`, each gzip -9 compressed under its own name. */
function compressTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) compressTree(source, target);
    else if (statSync(source).isFile()) writeFileSync(target, gzipSync(readFileSync(source), { level: 9 }));
  }
}

/**
 * Starts the tests' static server on `mounts` (URL prefix → folder, as startServer takes them),
 * every file sent gzip -9 compressed. Resolves to what startServer does ({ origin, close }).
 */
export async function startGzipServer(mounts) {
  rmSync(GZ_ROOT, { recursive: true, force: true });
  const compressed = {};
  Object.entries(mounts).forEach(([prefix, folder], i) => {
    const into = path.join(GZ_ROOT, String(i));
    compressTree(path.resolve(REPO_ROOT, folder), into);
    compressed[prefix] = into;
  });
  return startServer({ mounts: compressed, headers: () => ({ 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }) });
}
