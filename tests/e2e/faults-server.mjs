// A test server whose /fault/… addresses misbehave on purpose, for the network-fault tests and
// for looking at examples/faults.html by hand. Everything else is passed through to the static
// server of server.mjs, so pages, bundle and fixtures come from the same origin.
//
//   import { startFaultServer } from './faults-server.mjs';
//   const faults = await startFaultServer();      // faults.origin, faults.heal('500'), …
//
//   node tests/e2e/faults-server.mjs [--port 8091]
//
// Binds 127.0.0.1 only. Every fault is bounded: streamed bodies stop at a fixed size, stalled
// responses are ended when the server closes.

import { createServer, request as httpRequest } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { fixtureBytes } from './fixtures.mjs';
import { DEFAULT_MOUNTS, listenLocally, startServer } from './server.mjs';

const GOOD = fixtureBytes('garages-to-homes.json');
/** How much an oversized fault offers at most: far over the card's limit, but bounded. */
export const OVERSIZED_TOTAL = 8 * 1024 * 1024;
const CHUNK = 64 * 1024;

const NOT_JSON = Buffer.from(
  '<!doctype html>\n<html><head><title>Sign in</title></head><body><form>…</form></body></html>\n',
);

const VERSION_2 = Buffer.from(
  JSON.stringify({ version: 2, headline: 'From the future', source: { name: 'Future News', url: 'https://example.com/' } }),
);

/** Names of the faults, as in /fault/NAME.json (each can be healed). */
export const FAULTS = [
  '404',
  '500',
  'hang',
  'stall',
  'truncated',
  'not-json',
  'oversized-declared',
  'oversized-streamed',
  'version-2',
  'slow',
];

function headers(extra = {}) {
  return {
    'Cache-Control': 'no-store',
    'Access-Control-Allow-Origin': '*',
    ...extra,
  };
}

function sendGood(res) {
  res.writeHead(200, headers({ 'Content-Type': 'application/json', 'Content-Length': GOOD.length }));
  res.end(GOOD);
}

/**
 * Streams up to OVERSIZED_TOTAL bytes of a never-ending JSON string, 64 KiB every 20 ms (so that
 * the bytes counted here are bytes the client was offered, not bytes piled up in socket
 * buffers), and records how many went out before the client hung up.
 */
function streamOversized(res, record, declareLength, later) {
  res.writeHead(
    200,
    headers({
      'Content-Type': 'application/json',
      ...(declareLength ? { 'Content-Length': OVERSIZED_TOTAL } : {}),
    }),
  );
  const chunk = Buffer.alloc(CHUNK, 'a');
  let sent = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
    record.closedAfter = sent;
    record.finished = res.writableFinished;
  });
  const pump = () => {
    if (closed) return;
    if (sent >= OVERSIZED_TOTAL) {
      res.end();
      return;
    }
    const piece = sent === 0 ? Buffer.from('{"version": 1, "pad": "') : chunk.subarray(0, Math.min(CHUNK, OVERSIZED_TOTAL - sent));
    sent += piece.length;
    res.write(piece);
    later(20, pump);
  };
  pump();
}

/**
 * Start the fault server (and a static server behind it) on 127.0.0.1.
 * Returns { origin, port, heal(name), hurt(name), requests(name), records, close() }.
 *  - heal(name): from now on /fault/NAME.json answers with a valid payload.
 *  - requests(name): how many requests /fault/NAME.json has had.
 *  - records[name]: what the server saw (e.g. closedAfter: bytes sent before the client hung up).
 */
export async function startFaultServer({ port = 0, mounts = DEFAULT_MOUNTS } = {}) {
  const statics = await startServer({ mounts });
  const healed = new Set();
  const counts = new Map();
  const records = {};
  const held = new Set(); // responses deliberately left open
  const timers = new Set();
  const later = (ms, fn) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const match = /^\/fault\/([a-z0-9-]+)\.json$/.exec(pathname);
    if (!match) {
      // Everything else comes from the static server.
      const upstream = httpRequest(
        { host: '127.0.0.1', port: statics.port, path: req.url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
      return;
    }
    const name = match[1];
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const record = (records[name] ??= {});
    if (healed.has(name)) {
      sendGood(res);
      return;
    }
    switch (name) {
      case '404':
        res.writeHead(404, headers({ 'Content-Type': 'text/plain' }));
        res.end('Not Found\n');
        return;
      case '500':
        res.writeHead(500, headers({ 'Content-Type': 'text/plain' }));
        res.end('Internal Server Error\n');
        return;
      case 'hang':
        // Never answer; the connection stays open until the client gives up or we close.
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      case 'stall':
        // Headers and the first bytes, then nothing.
        res.writeHead(200, headers({ 'Content-Type': 'application/json', 'Content-Length': GOOD.length }));
        res.write(GOOD.subarray(0, 100));
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      case 'truncated': {
        // Promise the whole body, send 40% of it, then drop the connection.
        res.writeHead(200, headers({ 'Content-Type': 'application/json', 'Content-Length': GOOD.length }));
        const cut = Math.floor(GOOD.length * 0.4);
        record.sent = cut;
        res.write(GOOD.subarray(0, cut), () => later(50, () => res.socket?.end()));
        return;
      }
      case 'not-json':
        res.writeHead(200, headers({ 'Content-Type': 'application/json', 'Content-Length': NOT_JSON.length }));
        res.end(NOT_JSON);
        return;
      case 'oversized-declared':
        streamOversized(res, record, true, later);
        return;
      case 'oversized-streamed':
        streamOversized(res, record, false, later);
        return;
      case 'version-2':
        res.writeHead(200, headers({ 'Content-Type': 'application/json', 'Content-Length': VERSION_2.length }));
        res.end(VERSION_2);
        return;
      case 'slow': {
        // Headers after 300 ms, then the body in five pieces 150 ms apart: about a second in all.
        const pieces = 5;
        const size = Math.ceil(GOOD.length / pieces);
        later(300, () => {
          res.writeHead(200, headers({ 'Content-Type': 'application/json', 'Content-Length': GOOD.length }));
          for (let i = 0; i < pieces; i += 1) {
            later(150 * (i + 1), () => {
              if (res.destroyed) return;
              const piece = GOOD.subarray(i * size, Math.min(GOOD.length, (i + 1) * size));
              if (i === pieces - 1) res.end(piece);
              else res.write(piece);
            });
          }
        });
        return;
      }
      default:
        res.writeHead(404, headers({ 'Content-Type': 'text/plain' }));
        res.end('No such fault\n');
    }
  });
  const address = await listenLocally(server, port);
  return {
    ...address,
    records,
    heal: (name) => healed.add(name),
    hurt: (name) => healed.delete(name),
    requests: (name) => counts.get(name) ?? 0,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const res of held) res.destroy();
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      await statics.close();
    },
  };
}

/** A port on 127.0.0.1 with nothing listening on it (it was free a moment ago). */
export async function refusedPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Serve a valid payload on `port` (any path), with CORS, until closed. */
export async function serveGoodOn(port) {
  const server = createServer((req, res) => sendGood(res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}


const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const i = process.argv.indexOf('--port');
  const wanted = i === -1 ? 8091 : Number(process.argv[i + 1]);
  const faults = await startFaultServer({ port: wanted });
  const refused = await refusedPort();
  console.log(`Serving the fault examples at ${faults.origin}/faults.html?refused=${refused} (Ctrl+C to stop)`);
}
