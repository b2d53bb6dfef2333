// The example payloads of fixtures/ as the end-to-end tests and the benchmark read them, and the
// facts about them that several test files check. The pages get the same files at /cards/.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './server.mjs';

export const FIXTURES_DIR = path.join(REPO_ROOT, 'fixtures');

/** A payload file of fixtures/, as bytes (for a test server or a route to answer with). */
export function fixtureBytes(name) {
  return readFileSync(path.join(FIXTURES_DIR, name));
}

/** A payload file of fixtures/, parsed. */
export function readFixture(name) {
  return JSON.parse(fixtureBytes(name).toString('utf8'));
}

export const SEED = readFixture('seed-anthropic-recall.json');
export const GARAGES = readFixture('garages-to-homes.json');

// Written out rather than read from SEED, so that a test comparing a rendered card with them
// does not pass because the payload was read wrongly in the same way on both sides.
export const SEED_HEADLINE =
  'Anthropic’s safety warnings may have just backfired — the government has pulled the plug on its most powerful AI';
export const SEED_SECTION_TITLES = ['Why This Matters', 'Background Context', 'What Happens Next', 'Bigger Picture'];
