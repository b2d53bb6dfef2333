// npm/payload.d.ts (the package's `Payload` type) against the Rust types it is generated from:
// regenerating it from `article-card schema` must give the committed file byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { payloadType, payloadTypeFile, schemaFromCli } from '../../scripts/payload-type.mjs';
import { REPO_ROOT } from './packed.mjs';

const CLI = join(REPO_ROOT, 'target', 'debug', 'article-card');
let schema;

test('npm/payload.d.ts is what the JSON Schema of the Rust types generates', async () => {
  assert.ok(existsSync(CLI), 'build the command line first: cargo build --bin article-card');
  schema = schemaFromCli(CLI);
  const generated = await payloadType(schema);
  assert.equal(
    readFileSync(payloadTypeFile, 'utf8'),
    generated,
    'npm/payload.d.ts is out of date: run node scripts/payload-type.mjs',
  );
});

test('control: a schema with one member less generates a different type', async () => {
  assert.ok(schema, 'needs the schema read by the test above');
  const { dek, ...properties } = schema.properties;
  assert.ok(dek);
  const changed = await payloadType({ ...schema, properties });
  assert.notEqual(readFileSync(payloadTypeFile, 'utf8'), changed);
});
