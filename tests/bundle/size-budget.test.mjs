// The size budget: every reader of every page pays for the bundle's bytes, so a change that
// grows it past bench/size-budget.json fails the tests. Sizes are gzip level 9 of exactly the
// files a reader downloads for the first card. Deterministic: no timing involved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(repo, process.env.ARTICLE_CARD_BUNDLE || 'dist/article-card');
const budget = JSON.parse(readFileSync(path.join(repo, 'bench', 'size-budget.json'), 'utf8')).firstCardGzipBytes;

// What a reader downloads for the first card; the folder also holds the iframe resizer, which
// only pages that frame cards load.
const FIRST_CARD = ['article-card.js', 'article_card.js', 'article_card_bg.wasm'];

test('the bundle is exactly the loader, the glue, the wasm and the iframe resizer', () => {
  assert.deepEqual(readdirSync(bundle).sort(), [...FIRST_CARD, 'article-card-resizer.js'].sort());
});

test(`the first card's download stays within the budget (${budget} bytes gzip)`, () => {
  const sizes = Object.fromEntries(
    FIRST_CARD.map((file) => [file, gzipSync(readFileSync(path.join(bundle, file)), { level: 9 }).length]),
  );
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  assert.ok(budget > 0, 'bench/size-budget.json must name a budget');
  assert.ok(
    total <= budget,
    `the first card costs ${total} bytes gzip (${JSON.stringify(sizes)}), over the budget of ${budget}: ` +
      'shrink the bundle, or raise the budget in bench/size-budget.json and say why in the commit',
  );
});
