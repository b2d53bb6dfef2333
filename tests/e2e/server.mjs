// A small, dependency-free static file server for the end-to-end tests and
// for viewing the example pages locally.
//
//   import { startServer } from './server.mjs';
//   const { origin, close } = await startServer({ mounts: { '/': 'examples' } });
//
//   node tests/e2e/server.mjs [--port 8090]
//
// Mount folders are resolved relative to the repository root (two levels up
// from this file), so the server behaves the same from any working directory.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_MOUNTS = Object.freeze({
  '/article-card/': 'dist/article-card',
  '/cards/': 'fixtures',
  '/': 'examples',
});

const MIME_TYPES = {
  '.wasm': 'application/wasm',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeFor(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Normalise a mount table: prefixes always start and end with '/', folders become absolute. */
function normaliseMounts(mounts) {
  return Object.entries(mounts)
    .map(([prefix, folder]) => {
      let p = prefix.startsWith('/') ? prefix : `/${prefix}`;
      if (!p.endsWith('/')) p += '/';
      return { prefix: p, root: path.resolve(REPO_ROOT, folder) };
    })
    // Longest prefix wins.
    .sort((a, b) => b.prefix.length - a.prefix.length);
}

/**
 * Map a URL path to a file inside one of the mounts.
 * Returns { file, mount } or null when nothing matches or the path escapes its mount.
 */
function resolvePath(urlPath, mounts) {
  for (const mount of mounts) {
    // '/article-card' (no trailing slash) also selects the '/article-card/' mount;
    // the caller redirects it to the folder URL.
    const bare = mount.prefix.slice(0, -1);
    if (!(urlPath.startsWith(mount.prefix) || (bare !== '' && urlPath === bare))) continue;
    const rest = urlPath.slice(mount.prefix.length);
    const file = path.resolve(mount.root, `.${path.posix.sep}${rest}`);
    if (file !== mount.root && !file.startsWith(mount.root + path.sep)) return null;
    return { file, mount };
  }
  return null;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

async function handle(req, res, mounts, extraHeaders) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    return;
  }

  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    send(res, 400, 'Bad Request\n');
    return;
  }
  // Refuse NUL bytes, backslashes and any '..' segment outright, before touching the disk.
  if (urlPath.includes('\0') || urlPath.includes('\\') || urlPath.split('/').includes('..')) {
    send(res, 403, 'Forbidden\n');
    return;
  }

  const match = resolvePath(urlPath, mounts);
  if (!match) {
    send(res, 404, 'Not Found\n');
    return;
  }

  let file = match.file;
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      if (!urlPath.endsWith('/')) {
        const query = new URL(req.url, 'http://localhost').search;
        send(res, 301, 'Moved Permanently\n', { Location: `${encodeURI(urlPath)}/${query}` });
        return;
      }
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) throw new Error('not a file');
  } catch {
    send(res, 404, 'Not Found\n');
    return;
  }

  res.writeHead(200, {
    'Content-Type': mimeTypeFor(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(extraHeaders?.(urlPath) ?? {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Make `server` listen on 127.0.0.1 at `port` (0: any free port) and resolve to its address,
 * { origin, port }; reject when the port cannot be had. Shared by this static server and the fault
 * server (faults-server.mjs).
 */
export async function listenLocally(server, port) {
  // Keep-alive sockets would otherwise hold close() open after a browser disconnects.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  return { origin: `http://127.0.0.1:${actualPort}`, port: actualPort };
}

/**
 * Start a static server on 127.0.0.1.
 * `headers(urlPath)` may return extra response headers for a file (a Content-Security-Policy for
 * one page, CORS headers for a CDN), as a publisher's server would send them.
 * @param {{ mounts?: Record<string, string>, port?: number, headers?: (urlPath: string) => Record<string, string> | undefined }} [options]
 * @returns {Promise<{ origin: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ mounts = DEFAULT_MOUNTS, port = 0, headers } = {}) {
  const table = normaliseMounts(mounts);
  const server = createServer((req, res) => {
    handle(req, res, table, headers).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy();
    });
  });
  const address = await listenLocally(server, port);
  return {
    ...address,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections?.();
      }),
  };
}

function parsePort(argv) {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i === -1) return 8090;
  const raw = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid --port value: ${raw}`);
    process.exit(2);
  }
  return port;
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const { origin } = await startServer({ mounts: DEFAULT_MOUNTS, port: parsePort(process.argv.slice(2)) });
  for (const [prefix, folder] of Object.entries(DEFAULT_MOUNTS)) {
    console.log(`  ${prefix.padEnd(16)} -> ${folder}/`);
  }
  console.log(`Serving article-card examples at ${origin}/ (Ctrl+C to stop)`);
}
