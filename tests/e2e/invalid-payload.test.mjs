// Payloads that are not valid cards, end to end: each failing card lists every problem with its
// JSON path, in its details and in one console.error, renders none of the card, and leaves the
// valid card on the same page working. Page: examples/invalid.html. (Network faults have their
// own file, faults.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  BUNDLE_MOUNTS, TEST_TIMEOUT, inCard, problemLines, sectionByTitle, textOf, useBrowserAndServer,
  waitForExpanded, waitForState, wasmRequests,
} from './browser.mjs';

const { withPage } = useBrowserAndServer({ mounts: BUNDLE_MOUNTS });

test('an invalid inline payload lists every problem in the details and in console.error', TEST_TIMEOUT, async () => {
  await withPage('/invalid.html', {}, async ({ page, log }) => {
    for (const id of ['#missing-card', '#invalid-card', '#malformed-card', '#empty-card']) {
      await waitForState(page, id, 'error');
      await inCard(page, id, 'div.card-error').waitFor({ state: 'visible' });
      assert.ok((await textOf(inCard(page, id, 'p.card-error__message'))).length > 0, `${id}: reader-facing message`);
      const lines = await problemLines(page, id);
      assert.ok(lines.length >= 1, `${id}: at least one problem listed`);
      for (const line of lines) {
        assert.match(line, /^\S+: \S/, `${id}: problem line has the form "path: message": ${JSON.stringify(line)}`);
      }
    }
    await waitForState(page, '#seed-card', 'ready');

    const expected = [
      'headline: is required',
      'sections[0].title: must not be empty',
      'source.url: must be an http or https URL',
    ];
    const lines = await problemLines(page, '#invalid-card');
    assert.deepEqual([...lines].sort(), [...expected].sort(), 'problem lines of #invalid-card');

    const logged = log.consoleErrors.filter((m) => m.startsWith('article-card:'));
    assert.ok(
      logged.some((m) => expected.every((line) => m.includes(line))),
      `one console.error starting "article-card:" should contain every problem line; got ${JSON.stringify(logged)}`,
    );
    // Each failing card reports to the console.
    for (const id of ['#missing-card', '#malformed-card', '#empty-card']) {
      const [first] = await problemLines(page, id);
      assert.ok(
        logged.some((m) => m.includes(first)),
        `console.error should contain ${JSON.stringify(first)} for ${id}; got ${JSON.stringify(logged)}`,
      );
    }

    // The invalid payload must not end up half-rendered.
    assert.equal(await inCard(page, '#invalid-card', 'article.card').count(), 0);

    // The valid card on the same page still toggles.
    const why = sectionByTitle(page, '#seed-card', 'Why This Matters');
    await why.toggle.click();
    await waitForExpanded(why.toggle, 'true');
    await why.panel.waitFor({ state: 'visible' });

    assert.deepEqual(log.pageErrors, []);
    assert.equal(wasmRequests(log).length, 1, 'wasm requests');
  });
});
